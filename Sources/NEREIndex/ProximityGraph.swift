/// The search graph: at most `maxDegree` out-edges per row, in one flat array so that a row's
/// edges are one cache line or two.
struct ProximityGraph: Sendable {
    let maxDegree: Int
    private(set) var edges: [IndexRow]
    private(set) var degrees: [UInt16]

    init(maxDegree: Int, rows: Int) {
        precondition(maxDegree > 0 && maxDegree <= Int(UInt16.max), "a degree between 1 and 65535")
        self.maxDegree = maxDegree
        edges = [IndexRow](repeating: 0, count: rows * maxDegree)
        degrees = [UInt16](repeating: 0, count: rows)
    }

    init(maxDegree: Int, edges: [IndexRow], degrees: [UInt16]) {
        self.maxDegree = maxDegree
        self.edges = edges
        self.degrees = degrees
    }

    var rows: Int { degrees.count }

    mutating func ensureRows(_ rows: Int) {
        guard rows > degrees.count else { return }
        edges.append(contentsOf: repeatElement(0, count: (rows - degrees.count) * maxDegree))
        degrees.append(contentsOf: repeatElement(0, count: rows - degrees.count))
    }

    func neighbors(of row: IndexRow) -> ArraySlice<IndexRow> {
        let start = Int(row) * maxDegree
        return edges[start..<start + Int(degrees[Int(row)])]
    }

    mutating func setNeighbors(of row: IndexRow, to neighbors: some Collection<IndexRow>) {
        precondition(neighbors.count <= maxDegree, "more neighbours than the degree allows")
        let start = Int(row) * maxDegree
        for (offset, neighbor) in neighbors.enumerated() { edges[start + offset] = neighbor }
        degrees[Int(row)] = UInt16(neighbors.count)
    }

    /// Adds `edge` to `row` if there is room; false when the row is full.
    mutating func appendNeighbor(_ edge: IndexRow, to row: IndexRow) -> Bool {
        let degree = Int(degrees[Int(row)])
        guard degree < maxDegree else { return false }
        edges[Int(row) * maxDegree + degree] = edge
        degrees[Int(row)] = UInt16(degree + 1)
        return true
    }
}

extension ProximityGraph {
    /// The search graph from NN-Descent's k-NN lists: each node's list pruned for diversity,
    /// then each node's pruned list merged with the nodes that chose it and pruned again (HNSW
    /// adds the same reverse links): without them a node nobody's pruned list kept could not be
    /// reached at all.
    /// Some edges are exempt from pruning, which would always drop them: `extra` (by node
    /// number), the long edges between clusters; and a ring through each group of identical
    /// rows (copied sets), where the first copy kept would hide every other.
    static func fromNearestNeighbors(_ lists: NeighborHeaps, vectors: UnsafePointer<Float>, dimensions: Int,
                                     parameters: GraphParameters, extra: [Int: [IndexRow]]) -> ProximityGraph {
        let nodes = lists.nodes, threads = max(1, min(parameters.threads, nodes / 1_000 + 1))
        let pruning = DiversityPruning(vectors: vectors, dimensions: dimensions, maxDegree: parameters.maxDegree,
                                       slack: parameters.pruneSlack)
        nonisolated(unsafe) var forward = [[ScoredRow]](repeating: [], count: nodes)
        forward.withUnsafeMutableBufferPointer { forward in
            nonisolated(unsafe) let forward = forward
            inParallel(threads) { part in
                for node in stride(from: part, to: nodes, by: threads) {
                    forward[node] = pruning.prune(lists.sorted(node).filter { $0.similarity < NNDescent.identical })
                }
            }
        }
        let rings = copyRings(lists)
        var reverse = [[ScoredRow]](repeating: [], count: nodes)
        for (node, kept) in forward.enumerated() {
            for edge in kept { reverse[Int(edge.row)].append(ScoredRow(similarity: edge.similarity, row: IndexRow(node))) }
        }
        nonisolated(unsafe) var graph = ProximityGraph(maxDegree: parameters.maxDegree, rows: nodes)
        let chosen = forward, chosenBy = reverse
        withUnsafeMutablePointer(to: &graph) { graph in
            nonisolated(unsafe) let graph = graph
            graph.pointee.edges.withUnsafeMutableBufferPointer { edges in
                nonisolated(unsafe) let edges = edges
                graph.pointee.degrees.withUnsafeMutableBufferPointer { degrees in
                    nonisolated(unsafe) let degrees = degrees
                    inParallel(threads) { part in
                        for node in stride(from: part, to: nodes, by: threads) {
                            let merged = mergeBestFirst(chosen[node], chosenBy[node])
                            let exempt = (rings[node].map { [$0] } ?? []) + (extra[node] ?? [])
                            let kept = mergeBestFirst(pruning.prune(merged), pruning.scored(exempt, against: IndexRow(node)))
                                .prefix(parameters.maxDegree)
                            for (offset, edge) in kept.enumerated() { edges[node * parameters.maxDegree + offset] = edge.row }
                            degrees[node] = UInt16(kept.count)
                        }
                    }
                }
            }
        }
        return graph
    }
}

/// For each row with identical copies, the next copy (by node number, cyclically): the groups
/// are what the k-NN lists reveal, joined by union–find. Walking the ring reaches every copy.
private func copyRings(_ lists: NeighborHeaps) -> [Int: IndexRow] {
    var parent = Array(0..<lists.nodes)
    func root(_ node: Int) -> Int {
        var node = node
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }
    var copied = Set<Int>()
    for node in 0..<lists.nodes {
        for slot in node * lists.width..<(node + 1) * lists.width
        where lists.ids[slot] != NeighborHeaps.empty && lists.scores[slot] >= NNDescent.identical {
            let (a, b) = (root(node), root(Int(lists.ids[slot])))
            if a != b { parent[max(a, b)] = min(a, b) }
            copied.insert(node)
            copied.insert(Int(lists.ids[slot]))
        }
    }
    var groups: [Int: [Int]] = [:]
    for node in copied.sorted() { groups[root(node), default: []].append(node) }
    var next: [Int: IndexRow] = [:]
    for members in groups.values where members.count > 1 {
        for (offset, node) in members.enumerated() { next[node] = IndexRow(members[(offset + 1) % members.count]) }
    }
    return next
}

/// Two candidate lists as one, best first, each row once.
func mergeBestFirst(_ first: [ScoredRow], _ second: [ScoredRow]) -> [ScoredRow] {
    var seen = Set<IndexRow>()
    return (first + second)
        .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.row < $1.row }
        .filter { seen.insert($0.row).inserted }
}
