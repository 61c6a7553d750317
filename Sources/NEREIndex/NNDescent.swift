/// NN-Descent (Dong, Moses and Li, WWW 2011): builds an approximate k-NN graph from random
/// neighbour lists by repeatedly comparing each node's neighbours with each other — a
/// neighbour of a neighbour is likely a neighbour. Per round, each node joins a sample of its
/// neighbours not yet joined ("new", at most ρ·k, plus reverse ones) with each other and with
/// the rest ("old"); the round's changes decide when to stop (δ·n·k).
///
/// Shapes: vectors [n × d] unit rows; lists [n × k]; candidates [n × ρk] new and old.
/// Where the time goes: the local joins, ~(2ρk)² cosines per node and round, on rows that
/// are already in cache after the first touch; applying the updates is a few percent.
/// Two phases per block of nodes make it parallel without locks and deterministic: threads
/// join disjoint nodes and only record proposed updates, then each thread applies the
/// updates whose target it owns (target mod threads).
struct NNDescent {
    let vectors: UnsafePointer<Float>
    let nodes: Int
    let dimensions: Int
    let parameters: GraphParameters

    static let nodesPerBlock = 16_384

    /// Rows this similar are copies of each other (catalogs hold near-duplicate sets).
    static let identical: Float = 1 - 1e-6
    /// At most this many copies in one node's list: a group of more than k identical rows
    /// would otherwise fill each member's list with the others, leaving pruning one edge and
    /// the group an island nobody can enter.
    static let copiesPerList = 4

    /// Offers `id` to `node`'s list, keeping the number of copies of `node` in it bounded.
    @inline(__always)
    static func offer(_ lists: NeighborHeaps, _ node: Int, _ id: IndexRow, _ similarity: Float) -> Bool {
        if similarity >= identical, lists.count(node, atLeast: identical) >= copiesPerList { return false }
        return lists.push(node, id: id, score: similarity, flag: true)
    }

    struct Update { var a: IndexRow; var b: IndexRow; var similarity: Float }

    /// The k-NN lists (best first per node), and the updates made in each round.
    func build(progress: (_ round: Int, _ updates: Int) -> Void = { _, _ in }) -> (lists: NeighborHeaps, updatesPerRound: [Int]) {
        let k = min(parameters.neighbors, max(nodes - 1, 1))
        let lists = NeighborHeaps(nodes: nodes, width: k)
        guard nodes > 1 else { return (lists, []) }
        initializeFromTrees(lists)
        initializeRandomly(lists)
        var rounds: [Int] = []
        let stopBelow = Int(parameters.terminationDelta * Double(nodes * k))
        for round in 1...max(1, parameters.maxIterations) {
            let updates = self.round(round, lists)
            rounds.append(updates)
            progress(round, updates)
            if updates <= stopBelow { break }
        }
        return (lists, rounds)
    }

    private var threads: Int { max(1, min(parameters.threads, nodes / 1_000 + 1)) }

    /// Every pair of rows sharing a leaf of `parameters.trees` random-projection trees. Trees
    /// are grown in parallel; each tree's leaves are disjoint, so threads join different leaves.
    private func initializeFromTrees(_ lists: NeighborHeaps) {
        let trees = parameters.initialTrees, threads = threads, nodes = nodes, dimensions = dimensions
        let vectors = SharedPointer(vectors), d = Int32(dimensions), seed = parameters.seed
        let leafSize = max(lists.width + 1, parameters.neighbors)
        guard trees > 0 else { return }
        nonisolated(unsafe) var forest = [RandomProjectionTree?](repeating: nil, count: trees)
        forest.withUnsafeMutableBufferPointer { forest in
            nonisolated(unsafe) let forest = forest
            inParallel(threads) { part in
                for tree in stride(from: part, to: trees, by: threads) {
                    forest[tree] = RandomProjectionTree(vectors: vectors.base, nodes: nodes, dimensions: dimensions,
                                                        leafSize: leafSize, seed: seed &+ UInt64(tree) &* 7_919)
                }
            }
        }
        for tree in forest.compactMap({ $0 }) {
            inParallel(threads) { part in
                for leaf in stride(from: part, to: tree.leaves.count, by: threads) {
                    let members = tree.order[tree.leaves[leaf]]
                    for (offset, a) in zip(members.indices, members) {
                        for b in members[(offset + 1)...] {
                            let similarity = cosine(vectors.base + Int(a) * dimensions, vectors.base + Int(b) * dimensions, d)
                            _ = Self.offer(lists, Int(a), b, similarity)
                            _ = Self.offer(lists, Int(b), a, similarity)
                        }
                    }
                }
            }
        }
    }

    /// Fills what the trees left empty (rows in tiny leaves) with random rows.
    private func initializeRandomly(_ lists: NeighborHeaps) {
        let threads = threads, nodes = nodes, k = lists.width, seed = parameters.seed
        let vectors = SharedPointer(vectors), d = Int32(dimensions), dimensions = dimensions
        inParallel(threads) { part in
            for node in stride(from: part, to: nodes, by: threads) {
                var attempt: UInt64 = 0
                var filled = (node * k..<(node + 1) * k).filter { lists.ids[$0] != NeighborHeaps.empty }.count
                while filled < k && attempt < UInt64(4 * k) {
                    let other = Int(hashedUnit(seed, UInt64(node), attempt) * Float(nodes)) % nodes
                    attempt += 1
                    guard other != node else { continue }
                    let similarity = cosine(vectors.base + node * dimensions, vectors.base + other * dimensions, d)
                    if Self.offer(lists, node, IndexRow(other), similarity) { filled += 1 }
                }
            }
        }
    }

    private func round(_ round: Int, _ lists: NeighborHeaps) -> Int {
        let sample = max(1, Int((parameters.sampleRate * Double(lists.width)).rounded()))
        let (fresh, old) = sampleCandidates(lists, sample: sample, round: round)
        var updates = 0
        var proposals = Array(repeating: [Update](), count: threads)
        for start in stride(from: 0, to: nodes, by: Self.nodesPerBlock) {
            let block = start..<min(nodes, start + Self.nodesPerBlock)
            proposals = join(block, lists: lists, fresh: fresh, old: old, reusing: proposals)
            updates += apply(proposals, to: lists)
        }
        return updates
    }

    /// Each node's new and old candidates: its own neighbours and those that list it, a
    /// uniform sample of at most `sample` of each (random priorities per pair and round). The
    /// new ones picked are flagged old in the lists: they will have been joined.
    private func sampleCandidates(_ lists: NeighborHeaps, sample: Int, round: Int) -> (NeighborHeaps, NeighborHeaps) {
        let fresh = NeighborHeaps(nodes: nodes, width: sample), old = NeighborHeaps(nodes: nodes, width: sample)
        let threads = threads, nodes = nodes, k = lists.width, seed = parameters.seed &+ UInt64(round)
        inParallel(threads) { part in
            for node in 0..<nodes {
                for slot in node * k..<(node + 1) * k {
                    let other = lists.ids[slot]
                    guard other != NeighborHeaps.empty else { continue }
                    let target = lists.flags[slot] ? fresh : old
                    let priority = hashedUnit(seed, UInt64(node), UInt64(other))
                    if node % threads == part { target.push(node, id: other, score: priority, flag: false) }
                    if Int(other) % threads == part { target.push(Int(other), id: IndexRow(node), score: priority, flag: false) }
                }
            }
        }
        inParallel(threads) { part in
            for node in stride(from: part, to: nodes, by: threads) {
                for slot in node * k..<(node + 1) * k where lists.flags[slot] && fresh.contains(node, id: lists.ids[slot]) {
                    lists.flags[slot] = false
                }
            }
        }
        return (fresh, old)
    }

    /// The local joins of one block of nodes: proposed updates, one array per thread.
    private func join(_ block: Range<Int>, lists: NeighborHeaps, fresh: NeighborHeaps, old: NeighborHeaps,
                      reusing buffers: [[Update]]) -> [[Update]] {
        let threads = threads, vectors = SharedPointer(vectors), dimensions = dimensions, d = Int32(dimensions)
        nonisolated(unsafe) var results = buffers
        results.withUnsafeMutableBufferPointer { results in
            nonisolated(unsafe) let results = results
            inParallel(threads) { part in
                var proposals = results[part]
                proposals.removeAll(keepingCapacity: true)
                var newIDs: [IndexRow] = [], oldIDs: [IndexRow] = []
                func consider(_ a: IndexRow, _ b: IndexRow) {
                    let similarity = cosine(vectors.base + Int(a) * dimensions, vectors.base + Int(b) * dimensions, d)
                    if similarity > lists.bar(Int(a)) || similarity > lists.bar(Int(b)) {
                        proposals.append(Update(a: a, b: b, similarity: similarity))
                    }
                }
                for node in stride(from: block.lowerBound + part, to: block.upperBound, by: threads) {
                    newIDs.removeAll(keepingCapacity: true)
                    oldIDs.removeAll(keepingCapacity: true)
                    for slot in node * fresh.width..<(node + 1) * fresh.width {
                        if fresh.ids[slot] != NeighborHeaps.empty { newIDs.append(fresh.ids[slot]) }
                        if old.ids[slot] != NeighborHeaps.empty { oldIDs.append(old.ids[slot]) }
                    }
                    for (i, a) in newIDs.enumerated() {
                        for b in newIDs[(i + 1)...] { consider(a, b) }
                        for b in oldIDs where b != a { consider(a, b) }
                    }
                }
                results[part] = proposals
            }
        }
        return results
    }

    private func apply(_ proposals: [[Update]], to lists: NeighborHeaps) -> Int {
        let threads = threads
        nonisolated(unsafe) var counts = [Int](repeating: 0, count: threads)
        counts.withUnsafeMutableBufferPointer { counts in
            nonisolated(unsafe) let counts = counts
            inParallel(threads) { part in
                var applied = 0
                for list in proposals {
                    for update in list {
                        if Int(update.a) % threads == part, Self.offer(lists, Int(update.a), update.b, update.similarity) {
                            applied += 1
                        }
                        if Int(update.b) % threads == part, Self.offer(lists, Int(update.b), update.a, update.similarity) {
                            applied += 1
                        }
                    }
                }
                counts[part] = applied
            }
        }
        return counts.reduce(0, +)
    }
}

/// A read-only pointer handed to worker threads.
struct SharedPointer: @unchecked Sendable {
    let base: UnsafePointer<Float>
    init(_ base: UnsafePointer<Float>) { self.base = base }
}
