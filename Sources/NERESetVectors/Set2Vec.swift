import Foundation
import NEREContracts

/// A set's content vector from word vectors (DESIGN §4): the tf-idf-weighted mean of the
/// vectors of its words over terms and definitions, L2-normalised. tf-idf (as iki does)
/// keeps words every set shares ("the", "le", numbers) from dominating the mean.
/// A `content_vector` in the set's payload wins; a new or edited set gets its vector from the
/// existing vocabulary without retraining, unknown words skipped and counted.
public struct Set2Vec: Sendable {
    public let vocabulary: Vocabulary
    public let dimensions: Int
    /// Row-major, one row of `dimensions` per vocabulary id.
    let wordVectors: [Float]
    let tokenizer: Tokenizer

    public init(vocabulary: Vocabulary, wordVectors: [Float], dimensions: Int, tokenizer: Tokenizer = Tokenizer()) {
        precondition(wordVectors.count == vocabulary.count * dimensions, "one vector per vocabulary word")
        self.vocabulary = vocabulary
        self.wordVectors = wordVectors
        self.dimensions = dimensions
        self.tokenizer = tokenizer
    }

    public struct SetVector: Sendable, Equatable {
        /// nil when the set has no known word and no payload vector: it cannot be placed.
        public var vector: [Float]?
        public var knownTokens: Int
        public var unknownTokens: Int
        public var fromPayload: Bool
    }

    public func vector(for set: StudySet) -> SetVector {
        if let supplied = set.contentVector {
            return SetVector(vector: Self.normalised(supplied), knownTokens: 0, unknownTokens: 0, fromPayload: true)
        }
        var termFrequency: [Int32: Int] = [:]
        var unknown = 0
        for token in tokenizer.tokens(of: set) {
            if let id = vocabulary.id(of: token) { termFrequency[id, default: 0] += 1 } else { unknown += 1 }
        }
        let known = termFrequency.values.reduce(0, +)
        guard !termFrequency.isEmpty else {
            return SetVector(vector: nil, knownTokens: 0, unknownTokens: unknown, fromPayload: false)
        }
        var sum = [Float](repeating: 0, count: dimensions)
        // Sorted ids: floating-point sums in a fixed order give the same vector every run.
        for (id, frequency) in termFrequency.sorted(by: { $0.key < $1.key }) {
            let weight = Float(Double(frequency) * inverseDocumentFrequency(id))
            let row = Int(id) * dimensions
            for k in 0..<dimensions { sum[k] += weight * wordVectors[row + k] }
        }
        return SetVector(vector: Self.normalised(sum), knownTokens: known, unknownTokens: unknown, fromPayload: false)
    }

    /// Smoothed idf, log((1 + N) / (1 + df)) + 1: never zero, so a word in every set still counts a little.
    func inverseDocumentFrequency(_ id: Int32) -> Double {
        let documents = Double(vocabulary.documentCount)
        return log((1 + documents) / (1 + Double(vocabulary.documentFrequency(at: id)))) + 1
    }

    static func normalised(_ vector: [Float]) -> [Float]? {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0, norm.isFinite else { return nil }
        return vector.map { $0 / norm }
    }
}
