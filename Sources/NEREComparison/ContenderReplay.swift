import NEREContracts
import NEREEvaluation
import NEREFeatures

/// One contender replayed over the timeline with the pipeline's prequential semantics
/// (`StreamPipeline`): before each event, the recommendation made after the pair's previous
/// event (or, for a new pair, the cold-start answer) is scored and observed; then the
/// recommender learns the event and recommends for the new window, batched the way the
/// pipeline batches so a model runs one matrix product per layer.
final class ContenderReplay {
    /// What a pair is shown between two of its events, reduced to what scoring needs.
    struct Shown {
        var items: [SetIndex]
        var historyLength: Int
        var bucket: String
        var confidence: Double
        var fallback: Bool
        var unshown: UnshownAnswer?
        var predicted: [Float]?
        var heatmap: [[Float]]
        var timeAttention: [Double]

        init(_ draft: RecommendationDraft, historyLength: Int) {
            items = draft.items.map(\.setIndex)
            self.historyLength = historyLength
            bucket = draft.calibrationBucket
            confidence = draft.confidence
            fallback = draft.fallbackReason != nil
            unshown = draft.unshown
            predicted = draft.predictedContent
            heatmap = draft.featureAttention
            timeAttention = draft.attention
        }
    }

    /// A scored prediction as the observers see it.
    struct Scored {
        var step: ReplayTimeline.Step
        var window: SessionWindow?
        var shown: Shown
        var rank: Int?
    }

    let contender: Contender
    private(set) var scorer: ComparisonScorer
    private var windows = WindowStore()
    private var current: [WindowKey: Shown] = [:]
    private var prepared: [PreparedRecommendation] = []
    private var pendingKeys: Set<WindowKey> = []
    private let depth: Int
    private let batch: Int

    init(_ contender: Contender, depth: Int, batch: Int) {
        self.contender = contender
        scorer = ComparisonScorer(hasConfidence: contender.hasConfidence)
        self.depth = depth
        self.batch = batch
    }

    /// `target` gives a set's content vector (for R²); `observe` sees every scored prediction.
    func run(_ timeline: ReplayTimeline, target: (SetIndex) -> [Float]?, observe: (Scored) -> Void,
             progress: (Int) -> Void) {
        let recommender = contender.recommender
        for (i, step) in timeline.steps.enumerated() {
            if pendingKeys.contains(step.key) || prepared.count >= batch { complete() }
            let before = windows[step.key]
            if let shown = shownBefore(step, window: before) {
                let studied = step.entry.setIndex
                let rank = shown.items.firstIndex(of: studied)
                if step.isScored {
                    scorer.record(historyLength: shown.historyLength, ranking: shown.items, studied: studied,
                                  confidence: shown.confidence, predicted: shown.predicted,
                                  target: shown.predicted == nil ? nil : target(studied))
                    observe(Scored(step: step, window: before, shown: shown, rank: rank))
                }
                recommender.observe(bucket: shown.bucket, hit: rank != nil)
                if let unshown = shown.unshown { recommender.observe(bucket: unshown.bucket, hit: unshown.items.contains(studied)) }
            }
            let window = windows.apply(step.entry, key: step.key, origin: step.origin).1
            recommender.learn(from: step.entry, window: window)
            switch contender.work {
            case .everyRecommendation:
                enqueue(recommender.prepare(window, count: depth))
            case .everyFallback:
                let preparation = recommender.prepare(window, count: depth)
                if step.nextIsScored { enqueue(preparation) } else { current[step.key] = Shown(preparation.draft, historyLength: window.historyLength) }
            case .scoredRecommendations:
                if step.nextIsScored { enqueue(recommender.prepare(window, count: depth)) } else { current[step.key] = nil }
            }
            if i % 4096 == 4095 { progress(4096) }
        }
        complete()
        progress(timeline.steps.count % 4096)
    }

    /// The recommendation current before this event: the one its pair was last given, or for a
    /// pair never seen the cold-start answer (computed only where it matters).
    private func shownBefore(_ step: ReplayTimeline.Step, window: SessionWindow?) -> Shown? {
        if let shown = current[step.key] { return shown }
        guard window == nil, step.isScored || contender.work != .scoredRecommendations else { return nil }
        return Shown(contender.recommender.recommend(for: SessionWindow(key: step.key), count: depth), historyLength: 0)
    }

    private func enqueue(_ preparation: PreparedRecommendation) {
        prepared.append(preparation)
        pendingKeys.insert(preparation.window.key)
    }

    private func complete() {
        guard !prepared.isEmpty else { return }
        let drafts = contender.recommender.complete(prepared, count: depth)
        for (preparation, draft) in zip(prepared, drafts) {
            current[preparation.window.key] = Shown(draft, historyLength: preparation.window.historyLength)
        }
        prepared.removeAll(keepingCapacity: true)
        pendingKeys.removeAll(keepingCapacity: true)
    }
}
