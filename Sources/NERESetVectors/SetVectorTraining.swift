import Foundation
import NEREContracts

/// `nere vectorize`: the catalog's text → tokens → vocabulary → co-occurrence counts → GloVe
/// word vectors → Set2Vec set vectors, packaged as a `SetVectorArtifact` (DESIGN §4).
public struct SetVectorTraining: Sendable {
    public var glove = GloVeConfiguration()
    /// Words seen fewer times than this in the whole catalog get no vector (GloVe's usual 5
    /// is too high for flashcards, where a term often appears in a handful of sets).
    public var minimumCount = 2
    public var window = 10
    public var tokenizer = Tokenizer()

    public init() {}

    public enum Stage: Sendable {
        case tokenizing, counting, training(epoch: Int, of: Int, loss: Double), placingSets
    }

    public func train(sets: [StudySet], progress: (Stage) -> Void = { _ in }) -> SetVectorArtifact {
        let started = ContinuousClock.now
        progress(.tokenizing)
        let documents = sets.map { tokenizer.tokens(of: $0) }
        let vocabulary = Vocabulary(documents: documents, minimumCount: minimumCount, maximumSize: nil)
        progress(.counting)
        let ids = documents.map { vocabulary.ids(of: $0) }
        let counts = CooccurrenceCounts(documents: ids, vocabularySize: vocabulary.count, window: window)
        let epochs = glove.epochs
        let vectors = GloVeTrainer(configuration: glove).train(counts) { epoch, loss in
            progress(.training(epoch: epoch, of: epochs, loss: loss))
        }
        progress(.placingSets)
        let set2vec = Set2Vec(vocabulary: vocabulary, wordVectors: vectors.values, dimensions: vectors.dimensions,
                              tokenizer: tokenizer)
        var setVectors = [Float](repeating: 0, count: sets.count * vectors.dimensions)
        for (row, set) in sets.enumerated() {
            if let vector = set2vec.vector(for: set).vector {
                setVectors.replaceSubrange(row * vectors.dimensions..<(row + 1) * vectors.dimensions, with: vector)
            }
        }
        let elapsed = ContinuousClock.now - started
        let training = SetVectorArtifact.TrainingStatistics(
            sets: sets.count, tokens: documents.reduce(0) { $0 + $1.count }, vocabularySize: vocabulary.count,
            cooccurrenceEntries: counts.entries.count, epochs: epochs, losses: vectors.losses, seed: glove.seed,
            window: window, seconds: elapsed.seconds)
        return SetVectorArtifact(set2vec: set2vec, setIDs: sets.map(\.setID), setVectors: setVectors, training: training)
    }
}
