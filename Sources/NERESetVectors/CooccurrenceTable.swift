/// One counting worker's accumulator for its rows of X: an open-addressing hash table keyed by
/// (word, context) that grows by doubling up to a cap. At the cap it spills: its entries are
/// sorted and merged into `merged`, the worker's sorted result, and the table starts empty again.
///
/// Memory bound: the table itself never exceeds half of `maximumBytes`, so the table plus what
/// briefly coexists with it (the old table while doubling, the sort's scratch of at most ¾ of
/// the table while draining) stays within `maximumBytes`, give or take the sort's one counter
/// per vocabulary word. The bound is on the working memory, not on the output: `merged` holds
/// every distinct pair seen so far (16 bytes each) because that is what the caller gets back.
/// Below the cap nothing spills and every count is summed in corpus order. Each spill costs a
/// sort of the table and a linear merge with `merged`, so a cap far below the number of
/// distinct pairs degrades towards (spills × distinct pairs) work, while the counts change in
/// their last bits only (partial sums added in a different grouping).
///
/// Not thread-safe: one table per worker, used by that worker only.
final class CooccurrenceTable {
    typealias Entry = CooccurrenceCounts.Entry

    /// A table smaller than this would spill every few pairs; limits below twice its size (2 KiB
    /// per worker) are raised to that.
    static let minimumCapacity = 64
    private static let initialCapacity = 4_096
    private static let vacant = Entry(word: -1, context: -1, count: 0)

    private let maximumCapacity: Int
    private let vocabularySize: Int
    private var slots: UnsafeMutableBufferPointer<Entry>
    private var occupied = 0
    /// Fibonacci hashing keeps the top log2(capacity) bits of key × 2^64/φ.
    private var shift: UInt64
    private var merged: [Entry] = []
    private(set) var spills = 0
    /// The most memory the table held at once, counting the old and new table while doubling
    /// and the sort's scratch while draining.
    private(set) var peakBytes: Int

    init(maximumBytes: Int, vocabularySize: Int) {
        self.vocabularySize = vocabularySize
        let slotsWithinLimit = max(Self.minimumCapacity, maximumBytes / (2 * MemoryLayout<Entry>.stride))
        maximumCapacity = 1 << (Int.bitWidth - 1 - slotsWithinLimit.leadingZeroBitCount)
        let capacity = min(Self.initialCapacity, maximumCapacity)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: Self.vacant)
        shift = UInt64(capacity.leadingZeroBitCount + 1)
        peakBytes = capacity * MemoryLayout<Entry>.stride
    }

    deinit {
        slots.deallocate()
    }

    /// X[word][context] += amount.
    @inline(__always)
    func add(word: Int32, context: Int32, amount: Double) {
        let key = UInt64(UInt32(bitPattern: word)) << 32 | UInt64(UInt32(bitPattern: context))
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> shift)
        while true {
            let slot = slots[index]
            if slot.word == word && slot.context == context {
                slots[index] = Entry(word: word, context: context, count: slot.count + amount)
                return
            }
            if slot.word < 0 {
                slots[index] = Entry(word: word, context: context, count: amount)
                occupied += 1
                if occupied * 4 > slots.count * 3 { makeRoom() }
                return
            }
            index = (index + 1) & mask
        }
    }

    /// The worker's entries, sorted by (word, context).
    func finish() -> [Entry] {
        drain()
        return merged
    }

    private func makeRoom() {
        if slots.count < maximumCapacity {
            grow()
        } else {
            drain()
            spills += 1
        }
    }

    private func grow() {
        let old = slots
        slots = .allocate(capacity: old.count * 2)
        slots.initialize(repeating: Self.vacant)
        shift -= 1
        occupied = 0
        peakBytes = max(peakBytes, (old.count + slots.count) * MemoryLayout<Entry>.stride)
        for slot in old where slot.word >= 0 {
            add(word: slot.word, context: slot.context, amount: slot.count)
        }
        old.deallocate()
    }

    /// Sorts the occupied slots in place (compacted to the front) and merges them into `merged`.
    private func drain() {
        var count = 0
        for index in slots.indices where slots[index].word >= 0 {
            slots[count] = slots[index]
            count += 1
        }
        let run = UnsafeMutableBufferPointer(rebasing: slots[0..<count])
        sortByWordThenContext(run)
        merge(UnsafeBufferPointer(run))
        slots.update(repeating: Self.vacant)
        occupied = 0
    }

    /// LSD radix sort with a single digit per key (ids are below the vocabulary size): a stable
    /// counting sort by context into scratch, then by word back. Linear, unlike a comparison
    /// sort, which took half of the counting time on a large corpus.
    private func sortByWordThenContext(_ run: UnsafeMutableBufferPointer<Entry>) {
        let scratch = UnsafeMutableBufferPointer<Entry>.allocate(capacity: run.count)
        defer { scratch.deallocate() }
        peakBytes = max(peakBytes, (slots.count + scratch.count) * MemoryLayout<Entry>.stride)
        Self.countingSort(run, into: scratch, buckets: vocabularySize) { Int($0.context) }
        Self.countingSort(scratch, into: run, buckets: vocabularySize) { Int($0.word) }
    }

    private static func countingSort(_ source: UnsafeMutableBufferPointer<Entry>,
                                     into destination: UnsafeMutableBufferPointer<Entry>,
                                     buckets: Int, key: (Entry) -> Int) {
        var next = [Int](repeating: 0, count: buckets + 1)
        for entry in source {
            next[key(entry) + 1] += 1
        }
        for bucket in 0..<buckets {
            next[bucket + 1] += next[bucket]
        }
        for entry in source {
            destination.initializeElement(at: next[key(entry)], to: entry)
            next[key(entry)] += 1
        }
    }

    /// Merges a sorted run into `merged` from the back, in place, adding the counts of pairs both
    /// hold (earlier partial sum first); `merged` grows by at most the run's length.
    private func merge(_ run: UnsafeBufferPointer<Entry>) {
        guard !merged.isEmpty else {
            merged = Array(run)
            return
        }
        let oldCount = merged.count
        merged.append(contentsOf: repeatElement(Self.vacant, count: run.count))
        let (read, write) = merged.withUnsafeMutableBufferPointer { result in
            var read = oldCount - 1
            var source = run.count - 1
            var write = result.count - 1
            while source >= 0 {
                let incoming = run[source]
                if read >= 0, (incoming.word, incoming.context) < (result[read].word, result[read].context) {
                    result[write] = result[read]
                    read -= 1
                } else if read >= 0, incoming.word == result[read].word, incoming.context == result[read].context {
                    result[write] = Entry(word: incoming.word, context: incoming.context,
                                          count: result[read].count + incoming.count)
                    read -= 1
                    source -= 1
                } else {
                    result[write] = incoming
                    source -= 1
                }
                write -= 1
            }
            return (read, write)
        }
        // Pairs present in both leave a gap between the untouched prefix and the merged tail.
        if write > read {
            merged.removeSubrange(read + 1...write)
        }
    }
}
