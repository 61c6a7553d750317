import Foundation
import NEREContracts
import NEREFeatures

/// Any recommender, plus the sets nearest in content to what the window studied: the window's
/// content centre (its set vectors, the newest weighted most) is looked up in the subject's
/// nearest-set index, and each neighbour's cosine, times `weight`, is added to its score.
///
/// With the baseline underneath, transition evidence still ranks first (its scores are shares,
/// up to 1 per session) and content neighbours come next, ahead of plain popularity (0.01 at
/// most): a set nobody has moved to yet, but that is about what the learner just studied,
/// outranks one that is merely popular. Learning, calibration and state are the wrapped
/// recommender's.
public final class ContentBlendRecommender: Recommender {
    private let base: any Recommender
    private let content: SetContentIndex
    public let weight: Double
    /// How many content neighbours are blended in per recommendation.
    public let neighbours: Int

    public init(base: any Recommender, content: SetContentIndex, weight: Double = 0.05, neighbours: Int = 100) {
        self.base = base
        self.content = content
        self.weight = weight
        self.neighbours = neighbours
    }

    public var modelVersion: String { base.modelVersion + "+content-" + content.vectorsVersion }

    public func learn(from entry: WindowSession, window: SessionWindow) {
        base.learn(from: entry, window: window)
    }

    public func recommend(for window: SessionWindow, count: Int) -> RecommendationDraft {
        var draft = base.recommend(for: window, count: count)
        guard let centre = centre(of: window) else { return draft }
        draft.blend(content.nearest(to: centre, in: window.key.subject, count: neighbours), weight: weight, count: count)
        return draft
    }

    /// Σ 0.5^age · v(set) over the window's sets that have vectors; nil when none has.
    private func centre(of window: SessionWindow) -> [Float]? {
        var centre = [Float](repeating: 0, count: content.dimensions)
        var found = false
        var decay: Float = 1
        for entry in window.sessions.reversed() {
            if let vector = content.vector(of: entry.setIndex) {
                for k in centre.indices { centre[k] += decay * vector[k] }
                found = true
            }
            decay *= 0.5
        }
        return found ? centre : nil
    }

    public func catalogChanged(published: [StudySet], deleted: [String]) {
        base.catalogChanged(published: published, deleted: deleted)
    }

    public func observe(bucket: String, hit: Bool) {
        base.observe(bucket: bucket, hit: hit)
    }

    /// The blend changes the items, not how likely they are to hold the next set.
    public func confidence(for window: SessionWindow) -> (confidence: Double, bucket: String) {
        base.confidence(for: window)
    }

    public func takeChangedState() -> [LearnedValue] {
        base.takeChangedState()
    }

    public func restore(_ values: [LearnedValue]) {
        base.restore(values)
    }
}
