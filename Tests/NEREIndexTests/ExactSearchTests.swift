import Testing
@testable import NEREIndex

@Suite("Exact search")
struct ExactSearchTests {
    @Test("top-k equals a double-precision sort of every cosine, for each query of a batch")
    func matchesBruteForce() throws {
        let d = 16
        let base = rows(clustered(600, dimensions: d), dimensions: d)
        let queries = rows(clustered(20, dimensions: d, stream: "queries"), dimensions: d)
        let index = NearestSetIndex(dimensions: d)
        try index.insert(keys: keys(base.count), vectors: base.flatMap { $0 })
        #expect(index.method == .exact)
        let answers = index.exactSearch(queries.flatMap { $0 }, count: 10)
        for (query, answer) in zip(queries, answers) {
            let expected = base.indices.sorted { cosine(query, base[$0]) > cosine(query, base[$1]) }.prefix(10)
            #expect(answer.map { Int($0.row) } == Array(expected))
            for item in answer {
                #expect(abs(Double(item.similarity) - cosine(query, base[Int(item.row)])) < 1e-5)
            }
        }
    }

    @Test("deleted rows and rows a filter rejects are never returned")
    func honoursDeletionsAndFilters() throws {
        let d = 8
        let base = clustered(200, dimensions: d)
        let index = NearestSetIndex(dimensions: d)
        try index.insert(keys: keys(200), vectors: base)
        let query = Array(base[0..<d])
        #expect(index.search(query, count: 1).first?.row == 0)
        #expect(index.remove("set-0"))
        #expect(!index.remove("set-0"))
        #expect(index.search(query, count: 5).allSatisfy { $0.row != 0 })
        let even = index.search(query, count: 20) { $0 % 2 == 0 }
        #expect(even.count == 20 && even.allSatisfy { $0.row % 2 == 0 })
        #expect(index.count == 199)
    }

    @Test("vectors of the wrong size or with no direction are refused with the key in the message")
    func refusesUnusableVectors() throws {
        let index = NearestSetIndex(dimensions: 4)
        #expect(throws: IndexError("set a: the vector is all zeros or not finite, so nothing is near it")) {
            try index.upsert("a", vector: [0, 0, 0, 0])
        }
        #expect(throws: IndexError.self) { try index.upsert("b", vector: [1, .nan, 0, 0]) }
        #expect(throws: IndexError("set c: a vector of 3 values, the index has 4 dimensions")) {
            try index.upsert("c", vector: [1, 2, 3])
        }
        let skipped = try index.insert(keys: ["x", "y"], vectors: [1, 0, 0, 0, 0, 0, 0, 0])
        #expect(skipped == ["y"] && index.count == 1)
    }

    private func cosine(_ a: [Float], _ b: [Float]) -> Double {
        let dot = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let norms = (a.reduce(0.0) { $0 + Double($1) * Double($1) } * b.reduce(0.0) { $0 + Double($1) * Double($1) }).squareRoot()
        return dot / norms
    }
}
