import Foundation
import Testing
@testable import NERESetVectors

/// Checks against `Fixtures/make_glove_reference.py`, an independent float64 NumPy implementation
/// of the same rules (regenerate with `python3 Fixtures/make_glove_reference.py`).
@Suite struct GloVeReferenceTests {
    private struct CooccurrenceReference: Decodable {
        struct Counts: Decodable {
            let window: Int
            let entries: [[Double]]
        }

        let vocabularySize: Int
        let documents: [[Int32]]
        let counts: [Counts]
    }

    private struct AdaGradReference: Decodable {
        struct Parameters: Decodable {
            let word: [Double]
            let context: [Double]
            let wordBias: [Double]
            let contextBias: [Double]
        }

        let vocabularySize: Int
        let dimensions: Int
        let epochs: Int
        let learningRate: Double
        let xMax: Double
        let alpha: Double
        let window: Int
        let entries: [[Double]]
        let initial: Parameters
        let losses: [Double]
        let final: Parameters
    }

    private static func load<Reference: Decodable>(_ name: String, as type: Reference.Type) throws -> Reference {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(type, from: Data(contentsOf: url))
    }

    private static func entries(_ rows: [[Double]]) -> [CooccurrenceCounts.Entry] {
        rows.map { CooccurrenceCounts.Entry(word: Int32($0[0]), context: Int32($0[1]), count: $0[2]) }
    }

    /// Both sides add the same 1/d values to each cell in the same (corpus) order, so the counts
    /// agree to the last bit; 1e-12 relative leaves room for a JSON reader rounding differently.
    @Test(arguments: [1, 2])
    func cooccurrenceCountsMatchNumPy(threads: Int) throws {
        let reference = try Self.load("glove-cooccurrence", as: CooccurrenceReference.self)
        #expect(reference.counts.map(\.window) == [10, 3])
        for expected in reference.counts {
            let counts = CooccurrenceCounts(documents: reference.documents, vocabularySize: reference.vocabularySize,
                                            window: expected.window, threads: threads)
            let want = Self.entries(expected.entries)
            #expect(counts.entries.map { [$0.word, $0.context] } == want.map { [$0.word, $0.context] })
            for (got, wanted) in zip(counts.entries, want) {
                #expect(abs(got.count - wanted.count) <= 1e-12 * wanted.count, "X[\(got.word)][\(got.context)]")
            }
            #expect(counts.spills == 0)
        }
    }

    /// Three epochs of sequential AdaGrad (8-d, sorted order, x_max 10 so that the cap is
    /// exercised) in Float32 against float64. Tolerances: each epoch's loss within 1e-5
    /// relative; every weight and bias within 1e-6 + 1e-4 × |reference|. Observed: losses within
    /// 6e-9 relative, parameters within 6e-8 absolute, while training moves the weights by up to
    /// 0.03 and the biases by up to 0.54 — so the check would see a wrong update.
    @Test func adaGradMatchesNumPy() throws {
        let reference = try Self.load("glove-adagrad", as: AdaGradReference.self)
        let floats = { (values: [Double]) in values.map { Float($0) } }
        var parameters = GloVeParameters(
            dimensions: reference.dimensions, vocabularySize: reference.vocabularySize,
            word: floats(reference.initial.word), context: floats(reference.initial.context),
            wordBias: floats(reference.initial.wordBias), contextBias: floats(reference.initial.contextBias))
        let entries = Self.entries(reference.entries).map {
            GloVeEntry($0, xMax: reference.xMax, alpha: reference.alpha)
        }
        #expect(entries.contains { $0.weight == 1 } && entries.contains { $0.weight < 1 })

        var losses: [Double] = []
        for _ in 0..<reference.epochs {
            losses.append(parameters.adaGradEpoch(entries, learningRate: Float(reference.learningRate)))
        }

        #expect(losses.count == reference.losses.count)
        for (got, wanted) in zip(losses, reference.losses) {
            #expect(abs(got - wanted) <= 1e-5 * wanted, "loss \(got) vs \(wanted)")
        }
        #expect(reference.losses[2] < reference.losses[0])
        let pairs: [(String, ArraySlice<Float>, [Double])] = [
            ("W", parameters.word, reference.final.word),
            ("W̃", parameters.context, reference.final.context),
            ("b", parameters.wordBias, reference.final.wordBias),
            ("b̃", parameters.contextBias, reference.final.contextBias),
        ]
        for (name, got, wanted) in pairs {
            #expect(got.count == wanted.count)
            let worst = zip(got, wanted).map { abs(Double($0) - $1) - 1e-4 * abs($1) }.max() ?? 0
            #expect(worst <= 1e-6, "\(name): worst excess error \(worst)")
        }
    }
}
