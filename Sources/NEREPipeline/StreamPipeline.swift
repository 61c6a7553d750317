import Logging
import NEREBaseline
import NERECache
import NEREContracts
import NEREEvaluation
import NEREFeatures

/// The path every event takes, whatever its source (DESIGN §1):
/// validate → window store → score the current recommendation → learn → recommend → sinks,
/// then one cache transaction per batch.
public final class StreamPipeline {
    public struct Options: Sendable {
        /// Items per recommendation; 100 so that recall@100 can be scored.
        public var itemsPerRecommendation = 100
        /// Replays stamp `generated_at` with the triggering event's `ended_at`, so the same
        /// log always yields the same cache; a live service stamps the wall clock.
        public var stampWithEventTime = true

        public init() {}
    }

    private let catalog: SetCatalog
    private let recommender: any Recommender
    private let cache: StreamCache
    private let sinks: [any RecommendationSink]
    private let options: Options
    private let logger: Logger

    private var windows = WindowStore()
    /// The recommendation each (user, subject) would be shown now: what the next event of
    /// that pair is scored against.
    private var current: [WindowKey: CurrentRecommendation] = [:]
    public private(set) var scorer = PrequentialScorer()
    public private(set) var counters = PipelineCounters()
    private var deadLettersLogged: [ContractViolation.Reason: Int] = [:]

    static let metricsNamespace = "replay.metrics"

    public init(catalog: SetCatalog, recommender: any Recommender, cache: StreamCache,
                sinks: [any RecommendationSink] = [], options: Options = Options(), logger: Logger) {
        self.catalog = catalog
        self.recommender = recommender
        self.cache = cache
        self.sinks = sinks
        self.options = options
        self.logger = logger
    }

    public var windowCount: Int { windows.count }

    // MARK: Restore

    /// Loads everything the cache committed, so processing resumes exactly after the last
    /// committed batch. Returns the positions the sources resume from.
    @discardableResult
    public func restore() throws -> [SourcePosition] {
        var learned: [LearnedValue] = []
        for value in try cache.learnedState() {
            if value.namespace == Self.metricsNamespace {
                scorer.restore(key: value.key, value: value.value)
            } else {
                learned.append(value)
            }
        }
        recommender.restore(learned)
        for stored in try cache.windows() {
            let sessions = stored.sessions.map { WindowSession(session: $0, setIndex: catalog.intern($0.setID)) }
            windows.restore(SessionWindow(key: stored.key, sessions: sessions, lastApplied: stored.lastApplied))
        }
        for cached in try cache.recommendations() {
            let recommendation = cached.recommendation
            current[WindowKey(userID: recommendation.userID, subject: recommendation.subject)] = CurrentRecommendation(
                items: recommendation.items.map { catalog.intern($0.setID) },
                historyLength: recommendation.historyLength, bucket: cached.calibrationBucket)
        }
        counters = PipelineCounters(restoring: try cache.counters())
        return try cache.positions()
    }

    // MARK: Processing

    public func process(_ batch: EventBatch) throws {
        var commit = CacheBatch()
        var latest: [WindowKey: CachedRecommendation] = [:]
        for event in batch.events {
            counters.eventsIn += 1
            switch event.decoded {
            case .rejected(let violation):
                deadLetter(event, violation, into: &commit)
            case .droppedUnderage:
                counters.droppedUnderage += 1
            case .accepted(let session):
                if let (key, recommendation) = try apply(session, from: event, into: &commit) {
                    latest[key] = recommendation
                }
            }
        }
        for sink in sinks { try sink.flush() }
        commit.windows = windows.takeDirty()
        commit.recommendations = latest.keys.sorted().compactMap { latest[$0] }
        commit.positions = batch.positions
        commit.learnedState = recommender.takeChangedState()
            + scorer.persistentValues.map { LearnedValue(namespace: Self.metricsNamespace, key: $0.key, value: $0.value) }
        commit.counters = counters.values
        try cache.commit(commit)
    }

    private func apply(_ session: StudySession, from event: InboundEvent,
                       into commit: inout CacheBatch) throws -> (WindowKey, CachedRecommendation)? {
        guard let subject = session.subject ?? catalog.subject(of: session.setID) else {
            deadLetter(event, ContractViolation(field: "set_id", reason: .unknownSet,
                                                detail: "set \(session.setID) is not in the catalog and the event has no subject"),
                       into: &commit)
            return nil
        }
        let key = WindowKey(userID: session.userID, subject: subject)
        let entry = WindowSession(session: session, setIndex: catalog.intern(session.setID))
        let (change, window) = windows.apply(entry, key: key, origin: event.origin)
        switch change {
        case .duplicate:
            counters.duplicates += 1
            return nil
        case .stale:
            counters.stale += 1
            return nil
        case .appended, .inserted:
            counters.applied += 1
        }
        score(entry.setIndex, for: key)
        recommender.learn(from: entry, window: window)
        let draft = recommender.recommend(for: window, count: options.itemsPerRecommendation)
        let recommendation = Recommendation(
            userID: key.userID, subject: subject, modelVersion: recommender.modelVersion,
            generatedAt: options.stampWithEventTime ? session.endedAt : .now,
            source: .init(topic: event.origin.topic, partition: event.origin.partition,
                          offset: event.origin.offset, eventID: session.eventID),
            historyLength: window.historyLength, confidence: draft.confidence,
            fallback: draft.fallbackReason != nil, fallbackReason: draft.fallbackReason,
            items: draft.items.map { .init(setID: catalog.id(of: $0.setIndex), score: $0.score) },
            attention: draft.attention)
        current[key] = CurrentRecommendation(items: draft.items.map(\.setIndex), historyLength: window.historyLength,
                                             bucket: draft.calibrationBucket)
        for sink in sinks { try sink.emit(recommendation) }
        counters.recommendationsOut += 1
        return (key, CachedRecommendation(recommendation: recommendation, calibrationBucket: draft.calibrationBucket))
    }

    /// Prequential scoring: the recommendation current before this event, or for a pair never
    /// seen before the cold-start answer the service would have given.
    private func score(_ studied: SetIndex, for key: WindowKey) {
        let shown = current[key] ?? {
            let draft = recommender.recommend(for: SessionWindow(key: key), count: options.itemsPerRecommendation)
            return CurrentRecommendation(items: draft.items.map(\.setIndex), historyLength: 0, bucket: draft.calibrationBucket)
        }()
        let rank = shown.items.firstIndex(of: studied)
        scorer.record(historyLength: shown.historyLength, rank: rank)
        recommender.observe(bucket: shown.bucket, hit: rank != nil)
    }

    private func deadLetter(_ event: InboundEvent, _ violation: ContractViolation, into commit: inout CacheBatch) {
        counters.deadLetters += 1
        commit.deadLetters.append(DeadLetter(origin: event.origin, key: event.key, payload: event.payload, violation: violation))
        // Each bad record is logged once; past a few per reason only the totals are reported,
        // so a flood of garbage cannot drown the log.
        let logged = deadLettersLogged[violation.reason, default: 0]
        deadLettersLogged[violation.reason] = logged + 1
        logger.log(level: logged < 20 ? .warning : .debug, "dead letter",
                   metadata: ["origin": "\(event.origin)", "reason": "\(violation)"])
    }
}

/// A recommendation reduced to what scoring needs.
struct CurrentRecommendation {
    var items: [SetIndex]
    var historyLength: Int
    var bucket: String

    init(items: [SetIndex], historyLength: Int, bucket: String) {
        self.items = items
        self.historyLength = historyLength
        self.bucket = bucket
    }
}
