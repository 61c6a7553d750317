import NEREFeatures

/// What a (user, subject) is shown between two of its events, reduced to what prequential
/// scoring needs (DESIGN §8): the next event of the pair is judged against it. Replays keep one
/// per pair; the evaluation keeps one per pair and contender.
public struct ShownRecommendation: Sendable {
    /// The ranking, best first, as deep as it is scored.
    public var items: [SetIndex]
    public var historyLength: Int
    public var bucket: String
    public var confidence: Double
    public var fallback: Bool
    public var unshown: UnshownAnswer?

    public init(items: [SetIndex], historyLength: Int, bucket: String, confidence: Double, fallback: Bool,
                unshown: UnshownAnswer? = nil) {
        self.items = items
        self.historyLength = historyLength
        self.bucket = bucket
        self.confidence = confidence
        self.fallback = fallback
        self.unshown = unshown
    }

    public init(_ draft: RecommendationDraft, historyLength: Int, confidence: Double? = nil) {
        self.init(items: draft.items.map(\.setIndex), historyLength: historyLength, bucket: draft.calibrationBucket,
                  confidence: confidence ?? draft.confidence, fallback: draft.fallbackReason != nil, unshown: draft.unshown)
    }
}

extension Recommender {
    /// Tells the recommender's calibration whether the set studied next was in what it showed,
    /// and in the answer it computed but did not show; returns the studied set's rank.
    @discardableResult
    public func observe(_ shown: ShownRecommendation, studied: SetIndex) -> Int? {
        let rank = shown.items.firstIndex(of: studied)
        observe(bucket: shown.bucket, hit: rank != nil)
        if let unshown = shown.unshown { observe(bucket: unshown.bucket, hit: unshown.items.contains(studied)) }
        return rank
    }
}
