import NEREContracts
import NEREEvaluation
import NEREFeatures
import NEREPipeline

/// One contender replayed over the timeline with the pipeline's prequential semantics
/// (`StreamPipeline`): before each event, the recommendation made after the pair's previous
/// event (or, for a new pair, the cold-start answer) is scored and observed; then the
/// recommender learns the event and recommends for the new window, batched the way the
/// pipeline batches so a model runs one matrix product per layer. Contenders that ride on it
/// (`Contender.Work.ridesOn`) are scored in the same pass from its answers.
final class ContenderReplay {
    /// What a pair is shown between two of its events (as a replay keeps it), with what the
    /// report adds for models: the predicted content vector and the attention.
    @dynamicMemberLookup
    struct Shown {
        var recommendation: ShownRecommendation
        var predicted: [Float]?
        var heatmap: [[Float]]
        var timeAttention: [Double]

        init(_ draft: RecommendationDraft, historyLength: Int) {
            recommendation = ShownRecommendation(draft, historyLength: historyLength)
            predicted = draft.predictedContent
            heatmap = draft.featureAttention
            timeAttention = draft.attention
        }

        subscript<T>(dynamicMember field: KeyPath<ShownRecommendation, T>) -> T { recommendation[keyPath: field] }
    }

    /// A scored prediction as the observers see it.
    struct Scored {
        var step: ReplayTimeline.Step
        var window: SessionWindow?
        var shown: Shown
        var rank: Int?
    }

    /// One contender's state in the pass.
    final class Lane {
        let contender: Contender
        var scorer: ComparisonScorer
        var current: [WindowKey: Shown] = [:]
        var prepared: [PreparedRecommendation] = []

        init(_ contender: Contender) {
            self.contender = contender
            scorer = ComparisonScorer(hasConfidence: contender.hasConfidence)
        }
    }

    /// The contender that learns first, then those riding on its answers.
    let lanes: [Lane]
    private var windows = WindowStore()
    private var pendingKeys: Set<WindowKey> = []
    private let depth: Int
    private let batch: Int

    init(_ contender: Contender, riders: [Contender] = [], depth: Int, batch: Int) {
        precondition(riders.isEmpty || contender.work == .everyRecommendation, "riders need an answer for every event")
        lanes = [Lane(contender)] + riders.map(Lane.init)
        self.depth = depth
        self.batch = batch
    }

    /// `target` gives a set's content vector (for R²); `observe` sees every scored prediction.
    func run(_ timeline: ReplayTimeline, target: (SetIndex) -> [Float]?, observe: (Contender, Scored) -> Void,
             progress: (Int) -> Void) {
        let leader = lanes[0], recommender = leader.contender.recommender
        for (i, step) in timeline.steps.enumerated() {
            if pendingKeys.contains(step.key) || leader.prepared.count >= batch { complete() }
            let before = windows[step.key]
            let studied = step.entry.setIndex
            for lane in lanes {
                guard let shown = shownBefore(step, window: before, in: lane) else { continue }
                // Riders observe nothing: what their fallback would learn, the leader learns.
                let rank = lane === leader ? recommender.observe(shown.recommendation, studied: studied)
                    : shown.items.firstIndex(of: studied)
                if step.isScored {
                    lane.scorer.record(historyLength: shown.historyLength, ranking: shown.items, studied: studied,
                                       confidence: shown.confidence, predicted: shown.predicted,
                                       target: shown.predicted == nil ? nil : target(studied))
                    observe(lane.contender, Scored(step: step, window: before, shown: shown, rank: rank))
                }
            }
            let window = windows.apply(step.entry, key: step.key, origin: step.origin).1
            recommender.learn(from: step.entry, window: window)
            if leader.contender.work == .everyRecommendation || step.nextIsScored {
                let preparation = recommender.prepare(window, count: depth)
                enqueue(preparation, in: leader)
                // The leader's prepared answer is what a served model's fallback prepares.
                for rider in lanes.dropFirst() {
                    if step.nextIsScored { enqueue(preparation, in: rider) } else { rider.current[step.key] = nil }
                }
            } else {
                leader.current[step.key] = nil
            }
            if i % 4096 == 4095 { progress(4096) }
        }
        complete()
        progress(timeline.steps.count % 4096)
    }

    /// The recommendation current before this event: the one its pair was last given, or for a
    /// pair never seen the cold-start answer (computed only where it is scored or observed).
    private func shownBefore(_ step: ReplayTimeline.Step, window: SessionWindow?, in lane: Lane) -> Shown? {
        if let shown = lane.current[step.key] { return shown }
        let observed = lane === lanes[0] && lane.contender.work == .everyRecommendation
        guard window == nil, step.isScored || observed else { return nil }
        return Shown(lane.contender.recommender.recommend(for: SessionWindow(key: step.key), count: depth), historyLength: 0)
    }

    private func enqueue(_ preparation: PreparedRecommendation, in lane: Lane) {
        lane.prepared.append(preparation)
        pendingKeys.insert(preparation.window.key)
    }

    private func complete() {
        for lane in lanes where !lane.prepared.isEmpty {
            let drafts = lane.contender.recommender.complete(lane.prepared, count: depth)
            for (preparation, draft) in zip(lane.prepared, drafts) {
                lane.current[preparation.window.key] = Shown(draft, historyLength: preparation.window.historyLength)
            }
            lane.prepared.removeAll(keepingCapacity: true)
        }
        pendingKeys.removeAll(keepingCapacity: true)
    }
}
