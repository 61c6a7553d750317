import NEREIndex
import Testing
@testable import nere

/// The exact answers handed to the reference libraries must number rows as the dataset does,
/// whatever order the index stores them in (a graph index reorders a bulk load).
struct IndexBenchmarkTests {
    @Test func truthIsInTheDatasetsRowOrder() throws {
        var random = SystemRandomNumberGenerator()
        let d = 8, rows = 600
        let base = (0..<rows * d).map { _ in Float.random(in: -1...1, using: &random) }
        let queries = (0..<5 * d).map { _ in Float.random(in: -1...1, using: &random) }
        var parameters = GraphParameters()
        parameters.neighbors = 12
        let bench = IndexBenchmark(k: 3, widths: [20], parameters: parameters)
        let (_, truth) = try bench.measure(IndexDataset(name: "tiny", dimensions: d, base: base, queries: queries)) { _ in }
        for (query, answer) in truth.enumerated() {
            let q = queries[query * d..<(query + 1) * d]
            let cosines = (0..<rows).map { row -> Float in
                let v = base[row * d..<(row + 1) * d]
                let dot = zip(q, v).reduce(0) { $0 + $1.0 * $1.1 }
                return dot / (v.reduce(0) { $0 + $1 * $1 }.squareRoot())
            }
            let expected = cosines.indices.sorted { cosines[$0] > cosines[$1] }.prefix(3).map(UInt32.init)
            #expect(answer == expected)
        }
    }
}
