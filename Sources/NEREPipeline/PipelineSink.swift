import NERECache
import NEREContracts
import NEREFeatures

/// Receives what a batch produced before its cache transaction: every recommendation as it is
/// made (the output topic, a JSON lines file), the dead letters, and the windows that changed
/// (the changelog). Sinks are at-least-once: `flush` returns only when everything emitted is
/// durable, and it runs before the batch's cache commit, so after a crash a batch may be
/// emitted again (recognisable by `source.offset`) but never lost.
public protocol PipelineSink: AnyObject {
    func emit(_ recommendation: Recommendation) throws
    func emit(deadLetter: DeadLetter) throws
    func emit(changedWindows: [SessionWindow]) throws
    /// A recommendation as it was scored against the set studied next (replays only), sent
    /// only to sinks that want them: building one costs a ranking's worth of set ids per event.
    var receivesPredictions: Bool { get }
    func emit(prediction: ScoredPrediction) throws
    func flush() async throws
}

extension PipelineSink {
    public func emit(_ recommendation: Recommendation) throws {}
    public func emit(deadLetter: DeadLetter) throws {}
    public func emit(changedWindows: [SessionWindow]) throws {}
    public var receivesPredictions: Bool { false }
    public func emit(prediction: ScoredPrediction) throws {}
}

/// One prequential prediction (DESIGN §8): what a (user, subject) was shown just before the
/// event, the ranking scored (down to the scoring depth) and whether the studied set was in it.
public struct ScoredPrediction: Sendable, Hashable, JSONWritable {
    public var eventID: String
    public var userID: String
    public var subject: Subject
    public var historyLength: Int
    public var items: [String]
    public var studied: String
    public var confidence: Double
    public var fallback: Bool

    public init(eventID: String, userID: String, subject: Subject, historyLength: Int, items: [String], studied: String,
                confidence: Double, fallback: Bool) {
        self.eventID = eventID
        self.userID = userID
        self.subject = subject
        self.historyLength = historyLength
        self.items = items
        self.studied = studied
        self.confidence = confidence
        self.fallback = fallback
    }

    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.member("event_id", eventID)
            w.member("user_id", userID)
            w.member("subject", subject.rawValue)
            w.member("history_length", historyLength)
            w.key("items")
            w.array(items) { w, item in w.string(item) }
            w.member("studied", studied)
            w.member("confidence", confidence)
            w.key("fallback")
            w.bool(fallback)
        }
    }
}
