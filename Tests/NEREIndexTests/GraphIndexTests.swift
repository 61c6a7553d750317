import Testing
@testable import NEREIndex

@Suite("Graph index")
struct GraphIndexTests {
    static let d = 32

    static func built(_ count: Int = 3_000, seed: UInt64 = 3) throws -> (NearestSetIndex, [Float]) {
        let base = clustered(count, dimensions: d)
        let index = NearestSetIndex(dimensions: d, configuration: graphConfiguration(seed: seed))
        try index.insert(keys: keys(count), vectors: base)
        return (index, base)
    }

    @Test("recall@10 against exact search stays above 0.95 on a fixed clustered dataset")
    func recallFloor() throws {
        let (index, _) = try Self.built()
        #expect(index.method == .graph)
        let queries = clustered(200, dimensions: Self.d, stream: "queries")
        let truth = index.exactSearch(queries, count: 10)
        let found = rows(queries, dimensions: Self.d).map { index.search($0, count: 10) }
        let measured = recall(found, truth)
        #expect(measured >= 0.95, "recall@10 \(measured)")
        #expect(zip(found, truth).allSatisfy { $0.first?.similarity ?? -2 <= ($1.first?.similarity ?? 2) + 1e-6 })
    }

    @Test("NN-Descent converges: updates per round fall below δ·n·k and the k-NN lists are nearly exact")
    func nnDescentConverges() {
        let base = clustered(1_500, dimensions: Self.d)
        var parameters = graphConfiguration().graph
        parameters.maxIterations = 30
        let (lists, rounds) = base.withUnsafeBufferPointer { vectors in
            NNDescent(vectors: vectors.baseAddress!, nodes: 1_500, dimensions: Self.d, parameters: parameters).build()
        }
        #expect(rounds.count < 30 && rounds.last! <= Int(parameters.terminationDelta * 1_500 * 16))
        let index = NearestSetIndex(dimensions: Self.d)
        _ = try? index.insert(keys: keys(1_500), vectors: base)
        let truth = index.exactSearch(base, count: 17).map { Array($0.dropFirst()) }
        let listed = (0..<1_500).map { lists.sorted($0) }
        #expect(recall(listed, truth) >= 0.9)
    }

    @Test("the same seed builds the same graph, whatever the thread timing")
    func deterministic() throws {
        let (first, base) = try Self.built(1_200, seed: 9)
        let (second, _) = try Self.built(1_200, seed: 9)
        for query in rows(base, dimensions: Self.d).prefix(50) {
            #expect(first.search(query, count: 10) == second.search(query, count: 10))
        }
    }

    @Test("sets added while serving are found; moved sets are found at their new place only")
    func insertAndUpdate() throws {
        let (index, base) = try Self.built(2_000)
        let extra = rows(clustered(300, dimensions: Self.d, stream: "extra", seed: 5), dimensions: Self.d)
        for (offset, vector) in extra.enumerated() { try index.upsert("new-\(offset)", vector: vector) }
        #expect(index.count == 2_300)
        let hits = extra.enumerated().filter { offset, vector in
            index.search(vector, count: 1).first.flatMap { index.key(of: $0.row) } == "new-\(offset)"
        }
        #expect(hits.count >= 297, "\(hits.count) of 300 new sets are their own nearest")

        let oldPlace = Array(base[0..<Self.d]), newPlace = extra[0].map { -$0 }
        let row = try index.upsert("set-0", vector: newPlace)
        #expect(row == index.row(of: "set-0") && index.count == 2_300)
        #expect(index.search(newPlace, count: 1).first?.row == row)
        #expect(index.search(oldPlace, count: 1).first?.row != row)
    }

    @Test("deleted sets are never returned; past 10% deleted the graph is repaired and rows reused")
    func deleteAndConsolidate() throws {
        let (index, base) = try Self.built(2_000)
        let vectors = rows(base, dimensions: Self.d)
        let deleted = Set(stride(from: 0, to: 2_000, by: 7).map { "set-\($0)" })
        for key in deleted { #expect(index.remove(key)) }
        #expect(index.count == 2_000 - 286)
        for row in stride(from: 0, to: 2_000, by: 7).prefix(60) {
            let found = index.search(vectors[row], count: 10).map { index.key(of: $0.row) }
            #expect(found.count == 10 && found.allSatisfy { $0 != nil && !deleted.contains($0!) })
        }
        let freed = index.freeRowCount
        #expect(freed >= 172, "the first 172 deletions (over 10% of the live sets) were consolidated")
        #expect(index.edgesIntoFreeRows == 0)
        try index.upsert("replacement", vector: vectors[0])
        #expect(index.freeRowCount == freed - 1)
        #expect(index.search(vectors[0], count: 1).first.flatMap { index.key(of: $0.row) } == "replacement")

        let queries = clustered(100, dimensions: Self.d, stream: "queries")
        let measured = recall(rows(queries, dimensions: Self.d).map { index.search($0, count: 10) },
                              index.exactSearch(queries, count: 10))
        #expect(measured >= 0.93, "recall@10 after deletions \(measured)")
    }

    @Test("exact below the configured size; the graph is built when an upsert reaches it")
    func switchesMethod() throws {
        var configuration = graphConfiguration()
        configuration.exactBelow = 500
        let index = NearestSetIndex(dimensions: Self.d, configuration: configuration)
        let vectors = rows(clustered(500, dimensions: Self.d), dimensions: Self.d)
        try index.insert(keys: keys(499), vectors: vectors.prefix(499).flatMap { $0 })
        #expect(index.method == .exact)
        try index.upsert("set-499", vector: vectors[499])
        #expect(index.method == .graph)
        #expect(index.search(vectors[499], count: 1).first.flatMap { index.key(of: $0.row) } == "set-499")
    }
}
