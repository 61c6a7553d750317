import NEREContracts
import NEREEvaluation

/// A small report with everything the page shows: a model with confidence and vectors, a
/// baseline with neither, hostile strings from "users", attention and an example.
enum SampleReport {
    static func contender(_ name: String, _ label: String, _ kind: EvaluationReport.Contender.Kind,
                          hitEvery: Int, hasConfidence: Bool, vectors: Bool) -> EvaluationReport.Contender {
        var scorer = ComparisonScorer(hasConfidence: hasConfidence)
        for i in 0..<240 {
            let length = i % 6
            let ranking = (0..<Int32(20 + i % 80)).map { ($0 * 7 + Int32(i)) % 500 }
            let studied = i % hitEvery == 0 ? ranking[i % ranking.count] : 900
            let target: [Float] = [Float(i % 5), 1, Float(i % 3)]
            scorer.record(historyLength: length, ranking: ranking, studied: studied,
                          confidence: Double((i * 37) % 101) / 100,
                          predicted: vectors ? target.map { $0 + 0.3 } : nil, target: vectors ? target : nil)
        }
        let rows = scorer.rows(catalogSize: 500)
        return .init(name: name, label: label, description: "The \(label) recommender.", kind: kind, overall: rows.overall,
                     byHistoryLength: rows.byHistoryLength,
                     fallbacks: hasConfidence ? ["low_confidence": 3, "cold_start": 40] : nil, secondsScoring: 1.25)
    }

    static func set(_ id: String, _ title: String) -> EvaluationReport.SetSummary {
        .init(setID: id, title: title, terms: ["le lundi", "le mardi", "le mercredi", "le jeudi", "le vendredi", "le samedi"])
    }

    static func make(attention: Bool = true) -> EvaluationReport {
        let contenders = [
            contender("nere", "NERE", .model, hitEvery: 2, hasConfidence: true, vectors: true),
            contender("nere_without_metadata", "NERE content only", .ablation, hitEvery: 3, hasConfidence: true, vectors: true),
            contender("popularity", "Popularity & co", .baseline, hitEvery: 4, hasConfidence: false, vectors: false),
        ]
        let heatmap = EvaluationReport.AttentionHeatmap(
            groups: ["study_mode", "continuous", "content <vector>"],
            weights: [[0.1, 0.2, 0.3, 0.2, 0.15], [0.3, 0.3, 0.2, 0.3, 0.25], [0.6, 0.5, 0.5, 0.5, 0.6]],
            timeWeights: [0.05, 0.1, 0.15, 0.3, 0.4], predictionsPerStep: [20, 35, 50, 80, 120])
        let example = EvaluationReport.Example(
            userID: "u-42", subject: "French", history: [set("s1", "Les jours <script>alert(1)</script>"), set("s2", "Time")],
            studied: set("s3", "Les mois de l'année"), recommended: [set("s4", "Months"), set("s3", "Les mois de l'année")],
            rankOfStudied: 2, confidence: 0.61)
        return EvaluationReport(
            events: "data/events.jsonl", sets: "data/sets.jsonl", splitAt: Timestamp(microsecondsSinceEpoch: 1_700_000_000_000_000),
            eventsTotal: 10_000, eventsScored: 2_000, setsInCatalog: 500, contenders: contenders,
            attention: attention ? heatmap : nil, examples: [example],
            paper: [.init(paperModel: "NERE (content + metadata)", paperRSquared: 0.81, paperRecallAt100: 0.54, contender: "nere",
                          ourRSquared: contenders[0].overall.rSquared, ourRecallAt100: contenders[0].overall.recallAt100),
                    .init(paperModel: "Matrix factorisation", paperRSquared: nil, paperRecallAt100: 0.12, contender: "popularity",
                          ourRSquared: nil, ourRecallAt100: contenders[2].overall.recallAt100)],
            differences: ["Synthetic data, not Quizlet's <b>.", "Popularity stands in for matrix factorisation."],
            secondsScoring: 3.5, secondsTraining: 42)
    }
}
