import COpenBLAS

/// The graph index's levels, as in HNSW but each built by NN-Descent: the base graph links
/// every row; each upper level holds about one row in `thinning` of the level below (a fixed
/// hash of the row decides, so a row's levels never change) with a graph of its own; the top
/// level is small enough (at most `entryPoints` rows) to be scanned by one `sgemv`.
///
/// Why levels: the k-NN graph of clustered data falls apart into islands, one per cluster,
/// and a search that starts in the wrong island never leaves it (pynndescent's graph does the
/// same on the benchmark's 1,000-cluster data). An upper level is sparser, so its nearest
/// neighbours span clusters; descending through the levels starts the base search among the
/// query's true neighbours.
struct GraphHierarchy: Sendable {
    /// An upper level: its rows (base row per node), their vectors packed in node order, and
    /// its graph over node numbers. The top level is scanned; its graph serves only as bridges.
    struct Level: Sendable {
        var rows: [IndexRow] = []
        var nodeOfRow: [IndexRow: IndexRow] = [:]
        var vectors: UnitVectors
        var graph: ProximityGraph

        mutating func append(_ row: IndexRow, _ unit: [Float]) -> IndexRow {
            let node = vectors.append(unit)
            rows.append(row)
            nodeOfRow[row] = node
            graph.ensureRows(rows.count)
            return node
        }
    }

    static let thinning = 32.0

    var base: ProximityGraph
    var levels: [Level]
    let parameters: GraphParameters

    /// How many upper levels `row` belongs to (0: the base only).
    func height(of row: IndexRow) -> Int {
        let draw = Double(hashedUnit(parameters.seed, UInt64(row), 0x1E7E1))
        var height = 0, threshold = 1 / Self.thinning
        while draw < threshold && height < 8 {
            height += 1
            threshold /= Self.thinning
        }
        return height
    }

    // MARK: Building

    /// Builds every level over `rows` (the live rows) of `vectors` with NN-Descent.
    static func build(rows: [IndexRow], vectors: UnitVectors, parameters: GraphParameters,
                      progress: (Int, Int) -> Void) -> GraphHierarchy {
        var hierarchy = GraphHierarchy(base: ProximityGraph(maxDegree: parameters.maxDegree, rows: vectors.count),
                                       levels: [], parameters: parameters)
        hierarchy.buildLevels(over: rows, vectors: vectors)
        let bridges = hierarchy.bridges(for: rows)
        let graph = nearestNeighborGraph(of: rows, in: vectors, parameters: parameters, extra: bridges, progress: progress)
        for (node, row) in rows.enumerated() {
            hierarchy.base.setNeighbors(of: row, to: graph.neighbors(of: IndexRow(node)).map { rows[Int($0)] })
        }
        return hierarchy
    }

    /// Extra edge candidates for the base graph, by position in `rows`: a row of the first
    /// upper level offers its neighbours there. Those span clusters, and they are what lets a
    /// base search cross from one cluster to the next: NN-Descent's lists never leave a
    /// cluster bigger than k. (HNSW's base layer gets such edges from the rows inserted first.)
    private func bridges(for rows: [IndexRow]) -> [Int: [IndexRow]] {
        guard let first = levels.first else { return [:] }
        var position: [IndexRow: IndexRow] = [:]
        for (offset, row) in rows.enumerated() where first.nodeOfRow[row] != nil { position[row] = IndexRow(offset) }
        var bridges: [Int: [IndexRow]] = [:]
        for (node, row) in first.rows.enumerated() {
            guard let from = position[row] else { continue }
            bridges[Int(from)] = first.graph.neighbors(of: IndexRow(node)).compactMap { position[first.rows[Int($0)]] }
        }
        return bridges
    }

    /// Rebuilds the upper levels from the base's live rows (after a build or a consolidation).
    mutating func buildLevels(over rows: [IndexRow], vectors: UnitVectors) {
        levels = []
        var members = rows
        var height = 1
        // A graph small enough to scan whole still gets one level when that level would be big
        // enough to offer bridges.
        while members.count > parameters.entryPoints
            || (levels.isEmpty && Double(members.count) / Self.thinning >= 8) {
            members = members.filter { self.height(of: $0) >= height }
            var level = Level(vectors: UnitVectors(dimensions: vectors.dimensions),
                              graph: ProximityGraph(maxDegree: parameters.maxDegree, rows: 0))
            for row in members { _ = level.append(row, Array(vectors.row(row))) }
            // The top level is scanned, not searched, but its graph still gives the base its
            // bridges when it is the only level.
            if members.count > 2 {
                let local = (0..<members.count).map(IndexRow.init)
                level.graph = Self.nearestNeighborGraph(of: local, in: level.vectors, parameters: parameters, extra: [:]) { _, _ in }
            }
            levels.append(level)
            height += 1
        }
    }

    /// NN-Descent over `rows` packed together, pruned: node numbers are positions in `rows`.
    private static func nearestNeighborGraph(of rows: [IndexRow], in vectors: UnitVectors, parameters: GraphParameters,
                                             extra: [Int: [IndexRow]], progress: (Int, Int) -> Void) -> ProximityGraph {
        // A fresh bulk load's live rows are all the rows in order: no need to copy them.
        let packed = rows.count == vectors.count ? vectors.values : rows.flatMap { vectors.row($0) }
        return packed.withUnsafeBufferPointer { packed in
            let lists = NNDescent(vectors: packed.baseAddress!, nodes: rows.count, dimensions: vectors.dimensions,
                                  parameters: parameters).build(progress: progress).lists
            return ProximityGraph.fromNearestNeighbors(lists, vectors: packed.baseAddress!, dimensions: vectors.dimensions,
                                                       parameters: parameters, extra: extra)
        }
    }

    // MARK: Searching

    /// Base rows to start the base search from: the top level scanned, then a narrow search
    /// down each level below it. `visit` sees each level's answer (node numbers, best first)
    /// before the descent goes on; an insertion links the new row there.
    func seeds(for query: UnsafePointer<Float>, baseVectors: UnitVectors, scratch: SearchScratch,
               width: Int, visit: (_ level: Int, _ found: [ScoredRow]) -> Void = { _, _ in }) -> [IndexRow] {
        let d = baseVectors.dimensions
        guard let top = levels.last else {
            return Self.scan(baseVectors.values, rows: baseVectors.count, dimensions: d, query: query,
                             keep: parameters.entrySeeds).map(\.row)
        }
        var found = Self.scan(top.vectors.values, rows: top.rows.count, dimensions: d, query: query,
                              keep: max(parameters.entrySeeds, width))
        visit(levels.count - 1, found)
        for level in stride(from: levels.count - 2, through: 0, by: -1) {
            let above = levels[level + 1], here = levels[level]
            let starts = found.prefix(parameters.entrySeeds).compactMap { here.nodeOfRow[above.rows[Int($0.row)]] }
            found = here.vectors.values.withUnsafeBufferPointer { vectors in
                GraphSearch(graph: here.graph, vectors: vectors.baseAddress!, dimensions: d)
                    .search(query, width: width, seeds: starts, scratch: scratch) { _ in true }
            }
            visit(level, found)
        }
        return found.prefix(parameters.entrySeeds).map { levels[0].rows[Int($0.row)] }
    }

    /// The `keep` best of `rows` vectors by one matrix–vector product.
    private static func scan(_ vectors: [Float], rows: Int, dimensions: Int, query: UnsafePointer<Float>,
                             keep: Int) -> [ScoredRow] {
        guard rows > 0 else { return [] }
        var scores = [Float](repeating: 0, count: rows)
        cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(rows), Int32(dimensions), 1, vectors, Int32(dimensions),
                    query, 1, 0, &scores, 1)
        var best = ScoredHeap<WorstOnTop>()
        for (row, score) in scores.enumerated() { best.offer(ScoredRow(similarity: score, row: IndexRow(row)), capacity: keep) }
        return best.sortedBestFirst()
    }

    // MARK: Changing

    /// Links `row` (new, or moved to a new vector) into the base and into each upper level it
    /// belongs to: its out-edges are chosen among what a search for it finds, and each new
    /// neighbour links back (re-pruning a neighbour with no room). Edges into a moved row from
    /// its old place stay: they cost a search a detour, never a wrong answer.
    mutating func link(_ row: IndexRow, baseVectors: UnitVectors, scratch: SearchScratch,
                       isCandidate: (IndexRow) -> Bool) {
        let unit = Array(baseVectors.row(row)), height = height(of: row)
        base.ensureRows(baseVectors.count)
        for level in levels.indices where level < height {
            if let node = levels[level].nodeOfRow[row] {
                levels[level].vectors.replace(node, with: unit)
            } else {
                _ = levels[level].append(row, unit)
            }
        }
        var levelAnswers: [Int: [ScoredRow]] = [:]
        let starts = unit.withUnsafeBufferPointer { query in
            seeds(for: query.baseAddress!, baseVectors: baseVectors, scratch: scratch, width: parameters.insertWidth) {
                levelAnswers[$0] = $1
            }
        }
        for level in levels.indices.dropLast() where level < height {
            let node = levels[level].nodeOfRow[row]!
            let candidates = levelAnswers[level, default: []].filter { $0.row != node }
            Self.link(node, candidates: candidates, graph: &levels[level].graph, vectors: levels[level].vectors,
                      parameters: parameters)
        }
        let candidates = unit.withUnsafeBufferPointer { query in
            baseVectors.values.withUnsafeBufferPointer { vectors in
                GraphSearch(graph: base, vectors: vectors.baseAddress!, dimensions: baseVectors.dimensions)
                    .search(query.baseAddress!, width: parameters.insertWidth, seeds: starts, scratch: scratch) {
                        $0 != row && isCandidate($0)
                    }
            }
        }
        let bridges = height > 0 && levels.count > 1
            ? levelAnswers[0, default: []].map { ScoredRow(similarity: $0.similarity, row: levels[0].rows[Int($0.row)]) }
                .filter { $0.row != row && isCandidate($0.row) }
            : []
        Self.link(row, candidates: candidates, bridges: bridges, graph: &base, vectors: baseVectors, parameters: parameters)
    }

    private static func link(_ node: IndexRow, candidates: [ScoredRow], bridges: [ScoredRow] = [],
                             graph: inout ProximityGraph, vectors: UnitVectors, parameters: GraphParameters) {
        vectors.values.withUnsafeBufferPointer { values in
            let pruning = DiversityPruning(vectors: values.baseAddress!, dimensions: vectors.dimensions,
                                           maxDegree: parameters.maxDegree, slack: parameters.pruneSlack)
            let chosen = Array(mergeBestFirst(pruning.prune(candidates), bridges).prefix(parameters.maxDegree))
            graph.setNeighbors(of: node, to: chosen.map(\.row))
            for neighbor in chosen where !graph.appendNeighbor(node, to: neighbor.row) {
                let current = pruning.scored(graph.neighbors(of: neighbor.row), against: neighbor.row)
                let merged = mergeBestFirst(current, [ScoredRow(similarity: neighbor.similarity, row: node)])
                graph.setNeighbors(of: neighbor.row, to: pruning.prune(merged).map(\.row))
            }
        }
    }

    /// Repairs the base around deleted rows (FreshDiskANN's delete consolidation): each live
    /// row that pointed at a deleted one chooses again among its live neighbours and the
    /// deleted row's live neighbours. The deleted rows are left without edges, ready for reuse.
    mutating func consolidate(isLive: (IndexRow) -> Bool, isDeleted: (IndexRow) -> Bool, vectors: UnitVectors) {
        vectors.values.withUnsafeBufferPointer { values in
            let pruning = DiversityPruning(vectors: values.baseAddress!, dimensions: vectors.dimensions,
                                           maxDegree: parameters.maxDegree, slack: parameters.pruneSlack)
            for index in 0..<base.rows where isLive(IndexRow(index)) {
                let row = IndexRow(index), neighbors = base.neighbors(of: row)
                guard neighbors.contains(where: isDeleted) else { continue }
                var candidates: [IndexRow] = []
                for neighbor in neighbors {
                    if isDeleted(neighbor) {
                        candidates += base.neighbors(of: neighbor).filter { isLive($0) && $0 != row }
                    } else {
                        candidates.append(neighbor)
                    }
                }
                let merged = mergeBestFirst(pruning.scored(candidates, against: row), [])
                base.setNeighbors(of: row, to: pruning.prune(merged).map(\.row))
            }
        }
        for index in 0..<base.rows where isDeleted(IndexRow(index)) { base.setNeighbors(of: IndexRow(index), to: []) }
        buildLevels(over: (0..<base.rows).map(IndexRow.init).filter(isLive), vectors: vectors)
    }
}
