import NEREContracts
import NEREEvaluation
import NEREFeatures

/// Picks a few of the model's scored answers to show like the paper's French example: windows
/// with real history (three sessions or more) whose studied set the model ranked in its top
/// ten, one per subject, language subjects first (the paper's example is French), then by name.
struct ExampleChoice {
    struct Candidate {
        var userID: String
        var subject: Subject
        var history: [String]
        var studied: String
        var ranking: [String]
        var rank: Int
        var confidence: Double
    }

    static let wanted = 3
    private var bySubject: [Subject: Candidate] = [:]

    mutating func consider(_ scored: ContenderReplay.Scored, catalog: SetCatalog) {
        guard let rank = scored.rank, rank < 10, !scored.shown.fallback, scored.shown.historyLength >= 3,
              let window = scored.window, bySubject[scored.step.key.subject] == nil
        else { return }
        bySubject[scored.step.key.subject] = Candidate(
            userID: scored.step.key.userID, subject: scored.step.key.subject,
            history: window.sessions.map(\.session.setID), studied: scored.step.entry.session.setID,
            ranking: scored.shown.items.prefix(5).map { catalog.id(of: $0) }, rank: rank, confidence: scored.shown.confidence)
    }

    func examples(describing sets: [String: StudySet]) -> [EvaluationReport.Example] {
        func summary(_ id: String) -> EvaluationReport.SetSummary {
            EvaluationReport.SetSummary(setID: id, title: sets[id]?.title ?? id, terms: Array((sets[id]?.terms ?? []).prefix(4)))
        }
        let preferred: [Subject] = [.french, .spanish, .german, .uncommonLanguages]
        func order(_ subject: Subject) -> (Int, String) { (preferred.firstIndex(of: subject) ?? preferred.count, subject.rawValue) }
        return bySubject.values
            .sorted { order($0.subject) < order($1.subject) }
            .prefix(Self.wanted)
            .map { c in
                EvaluationReport.Example(userID: c.userID, subject: c.subject.rawValue, history: c.history.map(summary),
                                         studied: summary(c.studied), recommended: c.ranking.map(summary),
                                         rankOfStudied: c.rank + 1, confidence: c.confidence)
            }
    }
}
