import NEREContent
import NEREContracts
import NEREFeatures
import NEREModel

/// Serves a trained NERE model (DESIGN §5): each window's predicted next content vector is
/// looked up in its subject's nearest-set index, and the sets found, by cosine, are the
/// recommendation. The foundation's recommender answers instead, marked `fallback` with the
/// reason, when the model cannot: an empty window (cold start), a window with a set that has
/// no content vector (unknown set), or a prediction whose calibrated confidence is below the
/// fallback's own observed hit rate for that window (low confidence) — so the service always
/// shows whichever answer is more likely to contain the next set.
///
/// The fallback keeps learning from every event, so it is warm whenever it is needed.
public final class ModelRecommender: Recommender {
    public struct Options: Sendable {
        /// Windows whose cached steps are kept (see `StepCache`).
        public var cachedWindows = 50_000
        /// When false the model answers whenever it can, whatever its confidence (for
        /// evaluating the model alone).
        public var fallBackOnLowConfidence = true
        /// When set, the model's nearest sets are blended into the fallback's ranking (each
        /// adds this weight × its cosine to its score) instead of replacing it.
        public var blendWeight: Double?
        /// The fallback learns nothing here (a warm start, as `nere serve` runs): its answer
        /// is then the same whenever it is computed, so it is computed only for the windows
        /// that show it — prepared with its confidence alone — and no unshown answer is kept
        /// (nothing would learn from it).
        public var fallbackIsFrozen = false
        /// Each answer carries the window's feature-attention heatmap (`featureAttention`), for
        /// the evaluation's attention figure; off when serving, where nothing reads it.
        public var keepsFeatureAttention = false

        public init() {}
    }

    private let serving: ServingNetwork
    private let featureSpace: FeatureSpace
    private let confidenceModel: ConfidenceModel?
    private let content: SetContentIndex
    private let fallback: any Recommender
    private let options: Options
    public let modelVersion: String
    private var setFeatures: [String: EncodedSetFeatures] = [:]
    private var cache: StepCache

    public private(set) var answeredByModel = 0
    public private(set) var fallbacks: [String: Int] = [:]

    static let modelBucket = "model"

    public init(network: NERENetwork, featureSpace: FeatureSpace, confidence: ConfidenceModel?, versionID: String,
                content: SetContentIndex, fallback: any Recommender, options: Options = Options()) {
        serving = ServingNetwork(network)
        self.featureSpace = featureSpace
        confidenceModel = confidence
        self.content = content
        self.fallback = fallback
        self.options = options
        modelVersion = versionID
        cache = StepCache(capacity: options.cachedWindows)
    }

    public var cachedWindowCount: Int { cache.windowCount }

    public func catalogChanged(published: [StudySet], deleted: [String]) {
        for set in published { setFeatures[set.setID] = featureSpace.encodeSet(set) }
        for setID in deleted { setFeatures[setID] = nil }
        fallback.catalogChanged(published: published, deleted: deleted)
    }

    public func learn(from entry: WindowSession, window: SessionWindow) {
        fallback.learn(from: entry, window: window)
    }

    public func recommend(for window: SessionWindow, count: Int) -> RecommendationDraft {
        complete([prepare(window, count: count)], count: count)[0]
    }

    /// The fallback's answer is taken now, with what it has learned up to this event; whether
    /// it or the model is shown is decided in `complete`.
    public func prepare(_ window: SessionWindow, count: Int) -> PreparedRecommendation {
        guard options.fallbackIsFrozen, options.blendWeight == nil else {
            return PreparedRecommendation(window: window, draft: fallback.recommend(for: window, count: count))
        }
        let (confidence, bucket) = fallback.confidence(for: window)
        return PreparedRecommendation(window: window, draft: RecommendationDraft(items: [], confidence: confidence, fallbackReason: nil,
                                                                                   attention: [], calibrationBucket: bucket),
                                      fallbackDeferred: true)
    }

    /// The fallback's answer to show: prepared already, or computed now when it was deferred.
    private func fallbackAnswer(_ prepared: PreparedRecommendation, count: Int) -> RecommendationDraft {
        prepared.fallbackDeferred ? fallback.recommend(for: prepared.window, count: count) : prepared.draft
    }

    public func complete(_ prepared: [PreparedRecommendation], count: Int) -> [RecommendationDraft] {
        var drafts = [RecommendationDraft?](repeating: nil, count: prepared.count)
        var servable: [Int] = []
        for (i, item) in prepared.enumerated() {
            if item.window.sessions.isEmpty {
                drafts[i] = counted(fallbackAnswer(item, count: count), reason: "cold_start")
            } else if item.window.sessions.contains(where: { content.vector(of: $0.setIndex) == nil }) {
                drafts[i] = counted(fallbackAnswer(item, count: count), reason: "unknown_set")
            } else {
                servable.append(i)
            }
        }
        guard !servable.isEmpty else { return drafts.map { $0! } }
        let steps = cachedSteps(servable.map { prepared[$0].window })
        let predictions = serving.predict(steps)
        for (row, i) in servable.enumerated() {
            drafts[i] = answer(prepared[i], prediction: Array(predictions.vector(row)),
                               attention: predictions.attention(row, length: steps[row].count),
                               heatmap: predictions.heatmap(row, length: steps[row].count), count: count)
        }
        return drafts.map { $0! }
    }

    /// The windows' steps, oldest first: cached ones reused, the rest computed in one batch.
    private func cachedSteps(_ windows: [SessionWindow]) -> [[ServingNetwork.Step]] {
        var missing: [(window: Int, position: Int)] = []
        var categorical: [Int32] = [], continuous: [Float] = [], vectors: [Float] = []
        var steps = windows.map { window in
            window.sessions.map { cache.step(window.key, eventID: $0.session.eventID) }
        }
        for (w, window) in windows.enumerated() {
            for (p, entry) in window.sessions.enumerated() where steps[w][p] == nil {
                let features = featureSpace.encode(session: entry.session, set: setFeatures[entry.session.setID])
                categorical += features.categorical
                continuous += features.continuous
                vectors += content.vector(of: entry.setIndex) ?? [Float](repeating: 0, count: content.dimensions)
                missing.append((w, p))
            }
        }
        let computed = serving.steps(categorical: categorical, continuous: continuous, content: vectors, rows: missing.count)
        for (slot, step) in zip(missing, computed) { steps[slot.window][slot.position] = step }
        return windows.enumerated().map { w, window in
            let complete = steps[w].map { $0! }
            cache.store(window.key, steps: Dictionary(uniqueKeysWithValues: zip(window.sessions.map(\.session.eventID), complete)))
            return complete
        }
    }

    private func answer(_ prepared: PreparedRecommendation, prediction: [Float], attention: ArraySlice<Float>,
                        heatmap: [ArraySlice<Float>], count: Int) -> RecommendationDraft {
        let window = prepared.window
        let items = content.nearest(to: prediction, in: window.key.subject, count: count)
        guard let nearest = items.first else { return counted(fallbackAnswer(prepared, count: count), reason: "no_content_in_subject") }
        let confidence = confidenceModel?.confidence(nearestCosine: nearest.score, historyLength: window.historyLength) ?? 0.5
        if let weight = options.blendWeight {
            answeredByModel += 1
            var draft = prepared.draft
            draft.blend(items, weight: weight, count: count)
            draft.fallbackReason = nil
            draft.attention = attention.map(Double.init)
            draft.predictedContent = prediction
            draft.featureAttention = options.keepsFeatureAttention ? heatmap.map(Array.init) : []
            return draft
        }
        if options.fallBackOnLowConfidence && prepared.draft.confidence > confidence {
            return counted(fallbackAnswer(prepared, count: count), reason: "low_confidence")
        }
        answeredByModel += 1
        return RecommendationDraft(items: items, confidence: confidence, fallbackReason: nil,
                                   attention: attention.map(Double.init), calibrationBucket: Self.modelBucket,
                                   unshown: prepared.fallbackDeferred ? nil : UnshownAnswer(bucket: prepared.draft.calibrationBucket,
                                                                                            items: prepared.draft.items.map(\.setIndex)),
                                   predictedContent: prediction,
                                   featureAttention: options.keepsFeatureAttention ? heatmap.map(Array.init) : [])
    }

    private func counted(_ draft: RecommendationDraft, reason: String) -> RecommendationDraft {
        var draft = draft
        draft.fallbackReason = reason
        fallbacks[reason, default: 0] += 1
        return draft
    }

    /// The model's confidence is calibrated offline; only the fallback's buckets learn here,
    /// from its shown answers and from those the model replaced (`UnshownAnswer`).
    public func observe(bucket: String, hit: Bool) {
        if bucket != Self.modelBucket { fallback.observe(bucket: bucket, hit: hit) }
    }

    public func takeChangedState() -> [LearnedValue] { fallback.takeChangedState() }
    public func restore(_ values: [LearnedValue]) { fallback.restore(values) }
}
