/// For every node, the best `width` entries offered so far: a min-heap on score per node (root =
/// the worst kept, so rejecting a candidate costs one comparison) with a flag per entry.
///
/// NN-Descent keeps each node's k nearest neighbours here, flagging the ones not yet joined
/// ("new" in Dong et al.); its candidate sampling reuses it with random priorities as scores,
/// which keeps a uniform sample of the offered ids.
///
/// Threads may push concurrently as long as no two touch the same node: the storage is shared
/// raw memory, and every method reads or writes one node's entries only.
final class NeighborHeaps: @unchecked Sendable {
    static let empty = IndexRow.max

    let nodes: Int
    let width: Int
    let ids: UnsafeMutablePointer<IndexRow>
    let scores: UnsafeMutablePointer<Float>
    let flags: UnsafeMutablePointer<Bool>

    init(nodes: Int, width: Int) {
        self.nodes = nodes
        self.width = width
        let slots = nodes * width
        ids = .allocate(capacity: slots)
        ids.initialize(repeating: Self.empty, count: slots)
        scores = .allocate(capacity: slots)
        scores.initialize(repeating: -.infinity, count: slots)
        flags = .allocate(capacity: slots)
        flags.initialize(repeating: false, count: slots)
    }

    deinit {
        ids.deallocate()
        scores.deallocate()
        flags.deallocate()
    }

    /// The score a newcomer must beat to enter `node`'s list.
    @inline(__always) func bar(_ node: Int) -> Float { scores[node * width] }

    /// Offers `id` to `node`'s list; false when it does not beat the worst kept or is there already.
    @discardableResult
    func push(_ node: Int, id: IndexRow, score: Float, flag: Bool) -> Bool {
        let base = node * width
        guard score > scores[base] else { return false }
        for slot in base..<base + width where ids[slot] == id { return false }
        var parent = 0
        while true {
            var child = 2 * parent + 1
            guard child < width else { break }
            if child + 1 < width, scores[base + child + 1] < scores[base + child] { child += 1 }
            guard scores[base + child] < score else { break }
            ids[base + parent] = ids[base + child]
            scores[base + parent] = scores[base + child]
            flags[base + parent] = flags[base + child]
            parent = child
        }
        ids[base + parent] = id
        scores[base + parent] = score
        flags[base + parent] = flag
        return true
    }

    func contains(_ node: Int, id: IndexRow) -> Bool {
        let base = node * width
        for slot in base..<base + width where ids[slot] == id { return true }
        return false
    }

    /// How many of `node`'s entries score at least `score`.
    func count(_ node: Int, atLeast score: Float) -> Int {
        (node * width..<(node + 1) * width).reduce(0) { $0 + (scores[$1] >= score ? 1 : 0) }
    }

    /// `node`'s entries, best first.
    func sorted(_ node: Int) -> [ScoredRow] {
        let base = node * width
        return (base..<base + width).compactMap { ids[$0] == Self.empty ? nil : ScoredRow(similarity: scores[$0], row: ids[$0]) }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.row < $1.row }
    }
}
