/// What one search needs besides the index, kept between searches so a query allocates
/// nothing: a visited mark per row (a row is visited when its mark equals the current
/// generation, so clearing is one increment) and the two heaps.
final class SearchScratch: @unchecked Sendable {
    private(set) var marks: [UInt32] = []
    private(set) var generation: UInt32 = 0
    var candidates = ScoredHeap<BestOnTop>()
    var results = ScoredHeap<WorstOnTop>()
    var unvisited: [IndexRow] = []

    func begin(rows: Int) {
        if marks.count < rows {
            marks = [UInt32](repeating: 0, count: rows + rows / 4)
            generation = 0
        }
        generation &+= 1
        if generation == 0 {
            for index in marks.indices { marks[index] = 0 }
            generation = 1
        }
        candidates.removeAll()
        results.removeAll()
    }

    /// Marks `row` visited; false if it already was.
    @inline(__always) func visit(_ row: IndexRow) -> Bool {
        guard marks[Int(row)] != generation else { return false }
        marks[Int(row)] = generation
        return true
    }
}

/// Best-first beam search over the graph (HNSW's search on one layer): expand the nearest
/// unexpanded candidate, score its unvisited neighbours, keep the `width` best rows seen, stop
/// when the nearest candidate left is worse than the worst of those. A wider beam visits more
/// rows: slower, higher recall.
///
/// Rows `isResult` rejects (deleted, or outside a filter) are walked through but never
/// returned, so deleting a set never cuts the graph. Where the time goes: fetching rows from
/// memory, one per cosine; the neighbours of a node are gathered first and scored together so
/// the processor can have several fetches in flight.
struct GraphSearch {
    let graph: ProximityGraph
    let vectors: UnsafePointer<Float>
    let dimensions: Int

    func search(_ query: UnsafePointer<Float>, width: Int, seeds: [IndexRow], scratch: SearchScratch,
                isResult: (IndexRow) -> Bool) -> [ScoredRow] {
        scratch.begin(rows: graph.rows)
        let d = Int32(dimensions), maxDegree = graph.maxDegree
        func consider(_ row: IndexRow, _ similarity: Float) {
            if scratch.results.count < width || similarity > scratch.results.top!.similarity {
                scratch.candidates.push(ScoredRow(similarity: similarity, row: row))
                if isResult(row) { scratch.results.offer(ScoredRow(similarity: similarity, row: row), capacity: width) }
            }
        }
        for seed in seeds where scratch.visit(seed) {
            consider(seed, cosine(query, vectors + Int(seed) * dimensions, d))
        }
        graph.edges.withUnsafeBufferPointer { edges in
            graph.degrees.withUnsafeBufferPointer { degrees in
                while let nearest = scratch.candidates.top {
                    if scratch.results.count == width, nearest.similarity < scratch.results.top!.similarity { break }
                    scratch.candidates.pop()
                    let start = Int(nearest.row) * maxDegree
                    scratch.unvisited.removeAll(keepingCapacity: true)
                    for edge in start..<start + Int(degrees[Int(nearest.row)]) where scratch.visit(edges[edge]) {
                        scratch.unvisited.append(edges[edge])
                    }
                    for row in scratch.unvisited {
                        consider(row, cosine(query, vectors + Int(row) * dimensions, d))
                    }
                }
            }
        }
        return scratch.results.sortedBestFirst()
    }
}
