/// Which end of a `ScoredHeap` is on top.
protocol HeapOrder {
    /// Whether `a` belongs above `b`.
    static func above(_ a: Float, _ b: Float) -> Bool
}

/// The lowest similarity on top: a bounded list of the best rows so far, whose top is the
/// one to evict and the bar a newcomer must clear.
enum WorstOnTop: HeapOrder {
    @inline(__always) static func above(_ a: Float, _ b: Float) -> Bool { a < b }
}

/// The highest similarity on top: the next candidate a graph search expands.
enum BestOnTop: HeapOrder {
    @inline(__always) static func above(_ a: Float, _ b: Float) -> Bool { a > b }
}

/// A binary heap of scored rows. Kept allocated between searches (`removeAll` keeps the
/// capacity): a query should not allocate.
struct ScoredHeap<Order: HeapOrder> {
    private(set) var items: [ScoredRow] = []

    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }
    var top: ScoredRow? { items.first }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func push(_ item: ScoredRow) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Order.above(item.similarity, items[parent].similarity) else { break }
            items[child] = items[parent]
            child = parent
        }
        items[child] = item
    }

    @discardableResult
    mutating func pop() -> ScoredRow {
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty { siftDown(last) }
        return top
    }

    /// Replaces the top with `item`: one sift instead of a pop and a push.
    mutating func replaceTop(with item: ScoredRow) {
        siftDown(item)
    }

    /// Keeps the best `capacity` rows offered (for a `WorstOnTop` heap).
    mutating func offer(_ item: ScoredRow, capacity: Int) {
        if items.count < capacity {
            push(item)
        } else if Order.above(items[0].similarity, item.similarity) {
            replaceTop(with: item)
        }
    }

    private mutating func siftDown(_ item: ScoredRow) {
        let count = items.count
        var parent = 0
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, Order.above(items[child + 1].similarity, items[child].similarity) { child += 1 }
            guard Order.above(items[child].similarity, item.similarity) else { break }
            items[parent] = items[child]
            parent = child
        }
        items[parent] = item
    }

    /// The rows best first (ties by row, so equal scores come out in a fixed order).
    func sortedBestFirst() -> [ScoredRow] {
        items.sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.row < $1.row }
    }
}
