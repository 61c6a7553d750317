import NEREContracts
import NEREFeatures

/// The content-only baseline of the evaluation: the sets of the subject nearest in content to
/// the set studied last (what a "more like this" list, such as iki's, shows). It learns nothing
/// and has no confidence; its prediction in content space is the last set's own vector, so its
/// R² says how far "the next set looks like the last" goes.
public final class LastSetNeighboursRecommender: Recommender {
    private let content: SetContentIndex

    public init(content: SetContentIndex) {
        self.content = content
    }

    public var modelVersion: String { "last-set-neighbours+content-" + content.vectorsVersion }

    public func learn(from entry: WindowSession, window: SessionWindow) {}

    public func recommend(for window: SessionWindow, count: Int) -> RecommendationDraft {
        guard let last = window.latest, let vector = content.vector(of: last.setIndex) else {
            return RecommendationDraft(items: [], confidence: 0, fallbackReason: window.sessions.isEmpty ? "cold_start" : "unknown_set",
                                       attention: [], calibrationBucket: "")
        }
        return RecommendationDraft(items: content.nearest(to: vector, in: window.key.subject, count: count), confidence: 0,
                                   fallbackReason: nil, attention: window.sessions.indices.map { $0 == window.sessions.count - 1 ? 1 : 0 },
                                   calibrationBucket: "", predictedContent: vector)
    }

    public func observe(bucket: String, hit: Bool) {}
    public func takeChangedState() -> [LearnedValue] { [] }
    public func restore(_ values: [LearnedValue]) {}
}
