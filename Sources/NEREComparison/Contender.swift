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
    public enum Work: Sendable, Equatable {
        /// A recommendation after every event, as a replay makes it: the recommender calibrates
        /// its confidence online from every hit and miss, so its figures equal `nere replay`'s.
        case everyRecommendation
        /// Only the recommendations that will be scored (confidence, if any, calibrates on
        /// scored predictions only).
        case scoredRecommendations
        /// A model served over the answers of the named contender (an `everyRecommendation`
        /// one, which is its fallback): that contender's replay learns, observes and answers
        /// every event, exactly what the model's fallback would do in `nere replay --model`, and
        /// this one only runs the network where it will be scored. One pass scores both.
        case ridesOn(String)
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
