import NEREContracts

/// What `nere evaluate` writes as `report.json` and renders as `report.html`: every
/// recommender replayed over the same test period side by side (DESIGN §8), the model's
/// attention, examples, and the paper's figures beside ours. Keys are snake_case and stable
/// for tools that read reports.
public struct EvaluationReport: Sendable, Codable, Equatable {
    public var events: String
    public var sets: String
    /// Events that ended at or after this were scored; everything before it trained the models.
    public var splitAt: Timestamp
    public var eventsTotal: Int
    public var eventsScored: Int
    public var setsInCatalog: Int
    public var contenders: [Contender]
    /// The full NERE model's feature-group × time-step attention, averaged over its answers.
    public var attention: AttentionHeatmap?
    public var examples: [Example]
    public var paper: [PaperComparison]
    /// Plain statements of where and why our setting differs from the paper's.
    public var differences: [String]
    /// Seconds spent scoring all contenders (training excluded).
    public var secondsScoring: Double
    public var secondsTraining: Double

    public init(events: String, sets: String, splitAt: Timestamp, eventsTotal: Int, eventsScored: Int, setsInCatalog: Int,
                contenders: [Contender], attention: AttentionHeatmap?, examples: [Example], paper: [PaperComparison],
                differences: [String], secondsScoring: Double, secondsTraining: Double) {
        self.events = events
        self.sets = sets
        self.splitAt = splitAt
        self.eventsTotal = eventsTotal
        self.eventsScored = eventsScored
        self.setsInCatalog = setsInCatalog
        self.contenders = contenders
        self.attention = attention
        self.examples = examples
        self.paper = paper
        self.differences = differences
        self.secondsScoring = secondsScoring
        self.secondsTraining = secondsTraining
    }

    enum CodingKeys: String, CodingKey {
        case events, sets, splitAt = "split_at", eventsTotal = "events_total", eventsScored = "events_scored"
        case setsInCatalog = "sets_in_catalog", contenders, attention, examples, paper, differences
        case secondsScoring = "seconds_scoring", secondsTraining = "seconds_training"
    }

    /// One recommender's results.
    public struct Contender: Sendable, Codable, Equatable {
        /// Stable identifier (`nere`, `nere_served`, `nere_without_metadata`, `popularity`, …).
        public var name: String
        /// What a reader sees in tables and legends.
        public var label: String
        /// One sentence on what it is.
        public var description: String
        public var kind: Kind
        public var overall: ComparisonRow
        /// History lengths 0 (cold start) to 5.
        public var byHistoryLength: [ComparisonRow]
        /// Answers it could not give itself, by reason (models only).
        public var fallbacks: [String: Int]?
        public var secondsScoring: Double

        public enum Kind: String, Sendable, Codable, Equatable {
            case model, ablation, baseline
        }

        public init(name: String, label: String, description: String, kind: Kind, overall: ComparisonRow,
                    byHistoryLength: [ComparisonRow], fallbacks: [String: Int]?, secondsScoring: Double) {
            self.name = name
            self.label = label
            self.description = description
            self.kind = kind
            self.overall = overall
            self.byHistoryLength = byHistoryLength
            self.fallbacks = fallbacks
            self.secondsScoring = secondsScoring
        }

        enum CodingKeys: String, CodingKey {
            case name, label, description, kind, overall, byHistoryLength = "by_history_length", fallbacks
            case secondsScoring = "seconds_scoring"
        }
    }

    /// The paper's attention figure: `weights[g][t]` is feature group g's attention at step t
    /// (t = 0 the oldest of five, 4 the newest; windows shorter than five are aligned to the
    /// newest step), averaged over the predictions that had that step.
    public struct AttentionHeatmap: Sendable, Codable, Equatable {
        public var groups: [String]
        public var weights: [[Double]]
        /// Mean attention over time per step (the window-level attention), same alignment.
        public var timeWeights: [Double]
        /// Predictions averaged per step.
        public var predictionsPerStep: [Int]

        public init(groups: [String], weights: [[Double]], timeWeights: [Double], predictionsPerStep: [Int]) {
            self.groups = groups
            self.weights = weights
            self.timeWeights = timeWeights
            self.predictionsPerStep = predictionsPerStep
        }

        enum CodingKeys: String, CodingKey {
            case groups, weights, timeWeights = "time_weights", predictionsPerStep = "predictions_per_step"
        }
    }

    /// A set as a reader recognises it.
    public struct SetSummary: Sendable, Codable, Equatable {
        public var setID: String
        public var title: String
        /// The first few terms.
        public var terms: [String]

        public init(setID: String, title: String, terms: [String]) {
            self.setID = setID
            self.title = title
            self.terms = terms
        }

        enum CodingKeys: String, CodingKey { case setID = "set_id", title, terms }
    }

    /// One prediction of the full model, shown like the paper's French example.
    public struct Example: Sendable, Codable, Equatable {
        public var userID: String
        public var subject: String
        /// The window, oldest first.
        public var history: [SetSummary]
        public var studied: SetSummary
        public var recommended: [SetSummary]
        /// 1-based rank of the studied set in the full ranking, nil when absent.
        public var rankOfStudied: Int?
        public var confidence: Double

        public init(userID: String, subject: String, history: [SetSummary], studied: SetSummary, recommended: [SetSummary],
                    rankOfStudied: Int?, confidence: Double) {
            self.userID = userID
            self.subject = subject
            self.history = history
            self.studied = studied
            self.recommended = recommended
            self.rankOfStudied = rankOfStudied
            self.confidence = confidence
        }

        enum CodingKeys: String, CodingKey {
            case userID = "user_id", subject, history, studied, recommended, rankOfStudied = "rank_of_studied", confidence
        }
    }

    /// A row of the paper's results table beside the contender that corresponds to it.
    public struct PaperComparison: Sendable, Codable, Equatable {
        public var paperModel: String
        public var paperRSquared: Double?
        public var paperRecallAt100: Double
        /// `Contender.name` of ours.
        public var contender: String
        public var ourRSquared: Double?
        public var ourRecallAt100: Double

        public init(paperModel: String, paperRSquared: Double?, paperRecallAt100: Double, contender: String,
                    ourRSquared: Double?, ourRecallAt100: Double) {
            self.paperModel = paperModel
            self.paperRSquared = paperRSquared
            self.paperRecallAt100 = paperRecallAt100
            self.contender = contender
            self.ourRSquared = ourRSquared
            self.ourRecallAt100 = ourRecallAt100
        }

        enum CodingKeys: String, CodingKey {
            case paperModel = "paper_model", paperRSquared = "paper_r_squared", paperRecallAt100 = "paper_recall@100"
            case contender, ourRSquared = "our_r_squared", ourRecallAt100 = "our_recall@100"
        }
    }
}
