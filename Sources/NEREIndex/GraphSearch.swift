/// What one search needs besides the index, kept between searches so a query allocates
/// nothing: a visited mark per row (a row is visited when its mark equals the current
/// generation, so clearing is one increment) and the two heaps.
final class SearchScratch: @unchecked Sendable {
    private(set) var marks: UnsafeMutablePointer<UInt32> = .allocate(capacity: 0)
    private var capacity = 0
    private(set) var generation: UInt32 = 0
    var candidates = ScoredHeap<BestOnTop>()
    var results = ScoredHeap<WorstOnTop>()
    var unvisited: [IndexRow] = []

    deinit { marks.deallocate() }

    /// Starts a search over `rows` rows: returns the marks and the generation that means visited.
    func begin(rows: Int) -> (marks: UnsafeMutablePointer<UInt32>, generation: UInt32) {
        if capacity < rows {
            marks.deallocate()
            capacity = rows + rows / 4
            marks = .allocate(capacity: capacity)
            marks.initialize(repeating: 0, count: capacity)
            generation = 0
        }
        generation &+= 1
        if generation == 0 {
            marks.update(repeating: 0, count: capacity)
            generation = 1
        }
        return (marks, generation)
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
/// the processor can have several fetches in flight. The heaps are moved out of the scratch
/// into locals for the loop: mutating a class's stored property pays a dynamic exclusivity
/// check per access.
struct GraphSearch {
    let graph: ProximityGraph
    let vectors: UnsafePointer<Float>
    let dimensions: Int

    func search(_ query: UnsafePointer<Float>, width: Int, seeds: [IndexRow], scratch: SearchScratch,
                isResult: (IndexRow) -> Bool) -> [ScoredRow] {
        let (marks, generation) = scratch.begin(rows: graph.rows)
        var candidates = scratch.candidates, results = scratch.results, unvisited = scratch.unvisited
        scratch.candidates = ScoredHeap()
        scratch.results = ScoredHeap()
        scratch.unvisited = []
        candidates.removeAll()
        results.removeAll()
        defer {
            scratch.candidates = candidates
            scratch.results = results
            scratch.unvisited = unvisited
        }
        let d = Int32(dimensions), maxDegree = graph.maxDegree
        func consider(_ row: IndexRow, _ similarity: Float) {
            if results.count < width || similarity > results.top!.similarity {
                candidates.push(ScoredRow(similarity: similarity, row: row))
                if isResult(row) { results.offer(ScoredRow(similarity: similarity, row: row), capacity: width) }
            }
        }
        for seed in seeds where marks[Int(seed)] != generation {
            marks[Int(seed)] = generation
            consider(seed, cosine(query, vectors + Int(seed) * dimensions, d))
        }
        graph.edges.withUnsafeBufferPointer { edges in
            graph.degrees.withUnsafeBufferPointer { degrees in
                while let nearest = candidates.top {
                    if results.count == width, nearest.similarity < results.top!.similarity { break }
                    candidates.pop()
                    let start = Int(nearest.row) * maxDegree
                    unvisited.removeAll(keepingCapacity: true)
                    for edge in start..<start + Int(degrees[Int(nearest.row)]) {
                        let row = edges[edge]
                        if marks[Int(row)] != generation {
                            marks[Int(row)] = generation
                            unvisited.append(row)
                        }
                    }
                    for row in unvisited {
                        consider(row, cosine(query, vectors + Int(row) * dimensions, d))
                    }
                }
            }
        }
        return results.sortedBestFirst()
    }
}
