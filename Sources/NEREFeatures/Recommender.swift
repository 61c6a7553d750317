import NEREContracts

/// A set with the score its recommender gave it; higher is better.
public struct ScoredSet: Sendable, Hashable {
    public var setIndex: SetIndex
    public var score: Double

    public init(setIndex: SetIndex, score: Double) {
        self.setIndex = setIndex
        self.score = score
    }
}

/// A recommender's answer before the pipeline adds identity and provenance.
public struct RecommendationDraft: Sendable, Hashable {
    public var items: [ScoredSet]
    public var confidence: Double
    /// Non-nil when the answer is not the NERE model's (DESIGN §2 `fallback`): why.
    public var fallbackReason: String?
    public var attention: [Double]
    /// Which online calibration bucket `confidence` came from; echoed back in `observe`.
    public var calibrationBucket: String
    /// The answer a recommender computed but did not show, if any.
    public var unshown: UnshownAnswer?
    /// The point in content space the answer was looked up from, for recommenders that predict
    /// one (the NERE model): the evaluation measures its R² against the set studied next.
    public var predictedContent: [Float]?
    /// The model's attention over feature groups, one [groups] row per window session, oldest
    /// first (the paper's heatmap); empty for recommenders without one.
    public var featureAttention: [[Float]]

    public init(items: [ScoredSet], confidence: Double, fallbackReason: String?, attention: [Double],
                calibrationBucket: String, unshown: UnshownAnswer? = nil, predictedContent: [Float]? = nil,
                featureAttention: [[Float]] = []) {
        self.items = items
        self.confidence = confidence
        self.fallbackReason = fallbackReason
        self.attention = attention
        self.calibrationBucket = calibrationBucket
        self.unshown = unshown
        self.predictedContent = predictedContent
        self.featureAttention = featureAttention
    }
}

/// An answer computed but not shown — a model's fallback where the model answered — scored
/// against the pair's next event like the shown one (and kept in the cache with it, so a
/// restart scores it too). Otherwise the fallback's calibration would learn only from the
/// windows the model found hard, drift down, and hand the model windows the fallback answers
/// better.
public struct UnshownAnswer: Sendable, Hashable {
    public var bucket: String
    public var items: [SetIndex]

    public init(bucket: String, items: [SetIndex]) {
        self.bucket = bucket
        self.items = items
    }
}

extension RecommendationDraft {
    /// Adds `weight` × each neighbour's positive similarity to its score (a set not yet in the
    /// items joins with that alone) and keeps the best `count`, ties by set index. Content
    /// neighbours and a model's predicted sets enter a ranking this way, behind transition
    /// evidence and ahead of plain popularity.
    public mutating func blend(_ neighbours: [ScoredSet], weight: Double, count: Int) {
        var scores: [SetIndex: Double] = [:]
        for item in items { scores[item.setIndex] = item.score }
        for neighbour in neighbours where neighbour.score > 0 {
            scores[neighbour.setIndex, default: 0] += weight * neighbour.score
        }
        items = scores.map { ScoredSet(setIndex: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.setIndex < $1.setIndex }
            .prefix(count).map { $0 }
    }

    /// A placeholder until the recommender has answered.
    public static let empty = RecommendationDraft(items: [], confidence: 0, fallbackReason: nil, attention: [],
                                                  calibrationBucket: "")
}

/// One value a recommender learned online, persisted in the same transaction as the windows
/// so that a restart resumes with exactly the state it had (`namespace` groups values of one
/// kind, `key` names one of them).
public struct LearnedValue: Sendable, Hashable {
    public var namespace: String
    public var key: String
    public var value: Double

    public init(namespace: String, key: String, value: Double) {
        self.namespace = namespace
        self.key = key
        self.value = value
    }
}

/// What the pipeline needs of anything that recommends: learn from each session that changed
/// a window, answer for a window, and hand over what it learned for the batch commit.
/// Implementations are used from one task at a time.
public protocol Recommender: AnyObject {
    var modelVersion: String { get }
    func learn(from entry: WindowSession, window: SessionWindow)
    func recommend(for window: SessionWindow, count: Int) -> RecommendationDraft
    /// The first half of a batched recommendation, called right after `learn`: whatever
    /// depends on what the recommender has learned so far is settled here, so a batch answers
    /// exactly what one event at a time would.
    func prepare(_ window: SessionWindow, count: Int) -> PreparedRecommendation
    /// The second half, for every window prepared since the last call, in order: a model runs
    /// them as one batch per layer.
    func complete(_ prepared: [PreparedRecommendation], count: Int) -> [RecommendationDraft]
    /// The catalog changed (`nere.sets`): recommenders that read set metadata update it.
    func catalogChanged(published: [StudySet], deleted: [String])
    /// Whether the set studied next was among the items of a draft from `bucket`.
    func observe(bucket: String, hit: Bool)
    func takeChangedState() -> [LearnedValue]
    func restore(_ values: [LearnedValue])
    /// The confidence (and its calibration bucket) `recommend` would give this window, for a
    /// caller that may not need the items.
    func confidence(for window: SessionWindow) -> (confidence: Double, bucket: String)
}

/// A window and the answer its recommender would give with what it knows now.
public struct PreparedRecommendation: Sendable {
    public var window: SessionWindow
    public var draft: RecommendationDraft
    /// The draft carries only the fallback's confidence; its items are computed if it is shown.
    public var fallbackDeferred: Bool

    public init(window: SessionWindow, draft: RecommendationDraft, fallbackDeferred: Bool = false) {
        self.window = window
        self.draft = draft
        self.fallbackDeferred = fallbackDeferred
    }
}

extension Recommender {
    public func prepare(_ window: SessionWindow, count: Int) -> PreparedRecommendation {
        PreparedRecommendation(window: window, draft: recommend(for: window, count: count))
    }

    public func complete(_ prepared: [PreparedRecommendation], count: Int) -> [RecommendationDraft] {
        prepared.map(\.draft)
    }

    public func catalogChanged(published: [StudySet], deleted: [String]) {}

    public func confidence(for window: SessionWindow) -> (confidence: Double, bucket: String) {
        let draft = recommend(for: window, count: 1)
        return (draft.confidence, draft.calibrationBucket)
    }
}
