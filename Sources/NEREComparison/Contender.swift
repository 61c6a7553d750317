import NEREEvaluation
import NEREFeatures

/// One recommender in the side-by-side evaluation, with what the report says about it and
/// what its replay may skip.
public struct Contender {
    public var name: String
    public var label: String
    public var description: String
    public var kind: EvaluationReport.Contender.Kind
    public var recommender: any Recommender
    public var work: Work
    /// Whether its confidence is an estimate worth calibrating.
    public var hasConfidence: Bool

    /// How much of a replay's work a contender needs to reproduce `nere replay` exactly.
    public enum Work: Sendable {
        /// A recommendation after every event, as a replay makes it: the recommender calibrates
        /// its confidence online from every hit and miss, so its figures equal `nere replay`'s.
        case everyRecommendation
        /// Every recommendation prepared (the fallback's answer, which its calibration learns
        /// from), but completed — the model run — only where it will be scored: a served model
        /// whose figures still equal `nere replay --model`'s.
        case everyFallback
        /// Only the recommendations that will be scored (confidence, if any, calibrates on
        /// scored predictions only).
        case scoredRecommendations
    }

    public init(name: String, label: String, description: String, kind: EvaluationReport.Contender.Kind,
                recommender: any Recommender, work: Work, hasConfidence: Bool) {
        self.name = name
        self.label = label
        self.description = description
        self.kind = kind
        self.recommender = recommender
        self.work = work
        self.hasConfidence = hasConfidence
    }
}
