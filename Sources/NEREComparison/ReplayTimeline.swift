import NEREContracts
import NEREFeatures
import NEREPipeline

/// The log as the window store applies it, worked out once for every contender: each applied
/// session in replay order, whether its prediction is scored, and whether the recommendation
/// made after it will be (the pair's next applied event is scored). Duplicates, stale events,
/// dead letters and under-13 sessions are not in it, exactly as a replay skips them.
///
/// Knowing the future is what lets an evaluation skip work a replay must do: a recommendation
/// nobody is scored against is never computed for the contenders that may skip it.
public struct ReplayTimeline: Sendable {
    public struct Step: Sendable {
        public var key: WindowKey
        public var entry: WindowSession
        public var origin: EventOrigin
        /// The event ended at or after the split: the recommendation shown before it is scored.
        public var isScored: Bool
        /// The pair's next applied event is scored, so the recommendation made now will be.
        public var nextIsScored: Bool
    }

    public let steps: [Step]
    public let splitAt: Timestamp
    public let scoredCount: Int

    /// Sets the log studies that the catalog lacks are interned into `catalog` here, before
    /// contenders share it read-only.
    public init(log: ReplayLog, catalog: SetCatalog, splitAt: Timestamp) {
        var windows = WindowStore()
        var steps: [Step] = []
        for event in log.events {
            guard case .accepted(let session) = event.decoded,
                  let subject = session.subject ?? catalog.subject(of: session.setID)
            else { continue }
            let key = WindowKey(userID: session.userID, subject: subject)
            let entry = WindowSession(session: session, setIndex: catalog.intern(session.setID))
            switch windows.apply(entry, key: key, origin: event.origin).0 {
            case .duplicate, .stale: continue
            case .appended, .inserted:
                steps.append(Step(key: key, entry: entry, origin: event.origin, isScored: session.endedAt >= splitAt,
                                  nextIsScored: false))
            }
        }
        var nextScored: [WindowKey: Bool] = [:]
        for i in steps.indices.reversed() {
            steps[i].nextIsScored = nextScored[steps[i].key] ?? false
            nextScored[steps[i].key] = steps[i].isScored
        }
        self.steps = steps
        self.splitAt = splitAt
        scoredCount = steps.count { $0.isScored }
    }

    /// Recall@`depth` of a random ranking of each scored event's subject: the floor every
    /// contender's figure should be read against.
    public func chanceRecall(_ catalog: SetCatalog, depth: Int) -> Double {
        var setsPerSubject: [Subject: Int] = [:]
        for case let subject? in catalog.publishedSubjects { setsPerSubject[subject, default: 0] += 1 }
        let scored = steps.filter(\.isScored)
        guard !scored.isEmpty else { return 0 }
        return scored.reduce(0) { $0 + min(1, Double(depth) / Double(max(setsPerSubject[$1.key.subject] ?? 1, 1))) } / Double(scored.count)
    }

    /// The split that scores the last `fraction` of a log's valid sessions (in replay order).
    public static func split(testFraction fraction: Double, of sessions: [StudySession]) -> Timestamp? {
        let times = sessions.map(\.endedAt)
        guard !times.isEmpty else { return nil }
        return times[min(times.count - 1, max(0, Int((1 - fraction) * Double(times.count))))]
    }
}
