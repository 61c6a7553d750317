import NEREContracts
import NEREFeatures

/// Everything one micro-batch changed. `StreamCache.commit` writes it in one transaction,
/// which is what makes a crash at any point followed by a restart equivalent to no crash.
public struct CacheBatch: Sendable {
    public var windows: [SessionWindow] = []
    /// The latest recommendation per (user, subject) produced in the batch.
    public var recommendations: [CachedRecommendation] = []
    public var positions: [SourcePosition] = []
    public var deadLetters: [DeadLetter] = []
    public var learnedState: [LearnedValue] = []
    /// Absolute values of the run's counters (events in, dropped, …).
    public var counters: [String: Int] = [:]

    public init() {}
}

/// The next offset to consume on one topic-partition.
public struct SourcePosition: Sendable, Hashable {
    public var topic: String
    public var partition: Int
    public var nextOffset: Int64

    public init(topic: String, partition: Int, nextOffset: Int64) {
        self.topic = topic
        self.partition = partition
        self.nextOffset = nextOffset
    }
}

/// An input record that broke the contract, kept byte for byte with the reason.
public struct DeadLetter: Sendable, Hashable {
    public var origin: EventOrigin
    public var key: [UInt8]?
    public var payload: [UInt8]
    public var violation: ContractViolation

    public init(origin: EventOrigin, key: [UInt8]?, payload: [UInt8], violation: ContractViolation) {
        self.origin = origin
        self.key = key
        self.payload = payload
        self.violation = violation
    }
}

/// A window as stored: the pipeline re-interns set ids into `WindowSession`s on restore.
public struct StoredWindow: Sendable, Hashable {
    public var key: WindowKey
    public var sessions: [StudySession]
    public var lastApplied: EventOrigin

    public init(key: WindowKey, sessions: [StudySession], lastApplied: EventOrigin) {
        self.key = key
        self.sessions = sessions
        self.lastApplied = lastApplied
    }
}

/// A recommendation with what scoring it later needs, after a restart too: the full ranking
/// (the published items are its first few) and the calibration bucket of its confidence.
public struct CachedRecommendation: Sendable, Hashable {
    public var recommendation: Recommendation
    public var rankedSetIDs: [String]
    public var calibrationBucket: String
    /// The answer computed but not shown (`UnshownAnswer`), scored at the pair's next event.
    public var unshown: Unshown?

    public struct Unshown: Sendable, Hashable {
        public var bucket: String
        public var setIDs: [String]

        public init(bucket: String, setIDs: [String]) {
            self.bucket = bucket
            self.setIDs = setIDs
        }
    }

    public init(recommendation: Recommendation, rankedSetIDs: [String], calibrationBucket: String, unshown: Unshown? = nil) {
        self.recommendation = recommendation
        self.rankedSetIDs = rankedSetIDs
        self.calibrationBucket = calibrationBucket
        self.unshown = unshown
    }
}

/// A batch with its JSON written, ready for SQL: every payload is encoded before the
/// transaction opens, so the write lock is held only for inserts.
struct EncodedCacheBatch: Sendable {
    struct WindowRow: Sendable {
        var key: WindowKey
        var historyLength: Int
        var sessions: String
        var origin: EventOrigin
    }

    struct RecommendationRow: Sendable {
        var recommendation: Recommendation
        var payload: String
        var calibrationBucket: String
        /// The ranking after the payload's items, which restore appends back.
        var rankedTail: String
        var unshownBucket: String?
        var unshownRanked: String?
    }

    let windows: [WindowRow]
    let recommendations: [RecommendationRow]
    let positions: [SourcePosition]
    let deadLetters: [DeadLetter]
    let learnedState: [LearnedValue]
    let counters: [String: Int]

    init(_ batch: CacheBatch, numbers: SetNumbers) {
        windows = batch.windows.compactMap { w in
            w.lastApplied.map {
                WindowRow(key: w.key, historyLength: w.historyLength, sessions: w.sessions.map(\.session).jsonText, origin: $0)
            }
        }
        recommendations = batch.recommendations.map { cached in
            let r = cached.recommendation
            return RecommendationRow(recommendation: r, payload: r.jsonText, calibrationBucket: cached.calibrationBucket,
                                     rankedTail: numbers.encode(cached.rankedSetIDs.dropFirst(r.items.count)),
                                     unshownBucket: cached.unshown?.bucket,
                                     unshownRanked: cached.unshown.map { numbers.encode($0.setIDs) })
        }
        positions = batch.positions
        deadLetters = batch.deadLetters
        learnedState = batch.learnedState
        counters = batch.counters
    }
}
