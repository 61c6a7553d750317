import NEREContracts
import NEREFeatures
import NEREIndex

/// `HybridFactorization` behind the `Recommender` protocol, for `nere evaluate`'s side-by-side
/// replay. The model is fixed once trained — as the paper's TensorRec baseline was — so
/// `learn`, `observe` and the state hooks do nothing, and nothing is persisted.
///
/// Its answers carry confidence 0 and fallback reason `no_model`: they are not the NERE
/// model's (DESIGN §2), and the factorisation has no calibrated confidence to offer. No
/// attention either: it does not weigh the window's sessions, it only reads a new user's
/// metadata from them.
public final class FactorizationRecommender: Recommender {
    public static let versionPrefix = "hybrid-factorization-"
    public let modelVersion: String

    private let model: HybridFactorization
    private let catalog: SetCatalog
    private let subjects: [Subject: SubjectMatrix]
    /// Known users' vectors never change; a replay asks for the same users over and over.
    private var knownUsers: [String: [Float]] = [:]

    /// One subject's sets as a matrix, so a ranking is one exact inner-product search. Each
    /// row is a set's vector followed by its bias, and a user's query ends in a 1, so the
    /// inner product is the model's score.
    private struct SubjectMatrix {
        var sets: [SetIndex] = []
        var rows: [Float] = []
    }

    public init(model: HybridFactorization, catalog: SetCatalog) {
        self.model = model
        self.catalog = catalog
        modelVersion = Self.versionPrefix + model.options.loss.rawValue + "-\(model.dimensions)"
        let d = model.dimensions
        var subjects: [Subject: SubjectMatrix] = [:]
        for (row, id) in model.setIDs.enumerated() {
            let subject = model.setSubjects[row]
            subjects[subject, default: SubjectMatrix()].sets.append(catalog.intern(id))
            subjects[subject]!.rows += model.itemVectors[row * d..<(row + 1) * d]
            subjects[subject]!.rows.append(model.itemBiases[row])
        }
        self.subjects = subjects
    }

    public func learn(from entry: WindowSession, window: SessionWindow) {}

    /// The window's subject's sets that are still published there, best first.
    public func recommend(for window: SessionWindow, count: Int) -> RecommendationDraft {
        let subject = window.key.subject
        guard count > 0, let matrix = subjects[subject], !matrix.sets.isEmpty else { return draft([]) }
        let query = userVector(for: window) + [1]
        let published = catalog.publishedSubjects
        let best = query.withUnsafeBufferPointer { query in
            matrix.rows.withUnsafeBufferPointer { rows in
                ExactSearch.search(queries: query, rows: rows, dimensions: model.dimensions + 1, count: count) { _, row in
                    published[Int(matrix.sets[Int(row)])] == subject
                }
            }
        }
        return draft(best[0].map { ScoredSet(setIndex: matrix.sets[Int($0.row)], score: Double($0.similarity)) })
    }

    private func userVector(for window: SessionWindow) -> [Float] {
        let userID = window.key.userID
        if let cached = knownUsers[userID] { return cached }
        let vector = model.userVector(userID: userID, sessions: window.sessions.map(\.session))
        if model.isKnown(userID: userID) { knownUsers[userID] = vector }
        return vector
    }

    private func draft(_ items: [ScoredSet]) -> RecommendationDraft {
        RecommendationDraft(items: items, confidence: 0, fallbackReason: "no_model", attention: [], calibrationBucket: "")
    }

    public func observe(bucket: String, hit: Bool) {}
    public func takeChangedState() -> [LearnedValue] { [] }
    public func restore(_ values: [LearnedValue]) {}
}
