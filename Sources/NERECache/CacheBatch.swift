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
}

/// A recommendation with what scoring it later needs, after a restart too: the full ranking
/// (the published items are its first few) and the calibration bucket of its confidence.
public struct CachedRecommendation: Sendable, Hashable {
    public var recommendation: Recommendation
    public var rankedSetIDs: [String]
    public var calibrationBucket: String

    public init(recommendation: Recommendation, rankedSetIDs: [String], calibrationBucket: String) {
        self.recommendation = recommendation
        self.rankedSetIDs = rankedSetIDs
        self.calibrationBucket = calibrationBucket
    }
}
