import Dispatch

/// The word–context co-occurrence matrix X that GloVe fits, kept sparse as its non-zero entries
/// sorted by (word, context).
///
/// Counting follows Stanford's `cooccur.c` (symmetric window, distance weighting): each token
/// looks back over the `window` tokens before it in its own document, and the pair at distance
/// d adds 1/d to X[a][b] and to X[b][a] (so a word next to itself adds 2/d to X[a][a]). A
/// document is one set's token stream; windows never cross documents.
///
/// Parallel and deterministic: of `threads` workers, worker w owns the rows (words) with
/// id mod threads = w, reads the whole corpus and records only the pairs whose row it owns. No
/// cell is touched by two workers and every cell sums its contributions in corpus order, so
/// (unless a worker spills, see `CooccurrenceTable`) the counts are bit-identical for any thread
/// count. Interleaved rows rather than ranges, because the cost is in the distinct pairs, which
/// the rare words have most of and a split by frequency cannot see in advance.
///
/// Where the time goes: every worker scans all tokens (sequential, cheap); each pair update is
/// a probe of a hash table far larger than the cache, and that random access dominates. Then
/// each worker sorts its table (two counting-sort passes) and the sorted rows are interleaved.
/// Measured, release build, window 10, 2-vCPU Xeon VM: a Zipf corpus of 1.2 M tokens over 15k
/// words (6.0 M distinct pairs) counts at 1.1 M tokens/s on one thread and 1.9 M on two; 2.0 M
/// tokens of set text over 6.2k words (1.25 M pairs) at 4.2 M and 6.5 M tokens/s.
public struct CooccurrenceCounts: Sendable {
    /// X[word][context] = count.
    public struct Entry: Sendable, Hashable {
        public let word: Int32
        public let context: Int32
        public let count: Double

        public init(word: Int32, context: Int32, count: Double) {
            self.word = word
            self.context = context
            self.count = count
        }
    }

    /// Room for about 6 M distinct pairs before anything spills (two workers, tables at most
    /// 64 MiB each and ¾ full); 20,000 generated sets have about 1.3 M.
    public static let defaultMemoryLimitBytes = 256 << 20

    public let vocabularySize: Int
    public let window: Int
    public let entries: [Entry]
    /// How often a worker's table hit the memory limit and spilled; 0 means every count was
    /// summed in corpus order.
    let spills: Int
    /// The most counting memory the workers held at once (their peaks added), `entries` aside.
    let peakWorkingBytes: Int

    /// - Parameters:
    ///   - documents: token ids, each in 0..<vocabularySize (anything else is a programming error).
    ///   - memoryLimitBytes: cap on the counting tables of all workers together (not on `entries`,
    ///     the output); at least 2 KiB per worker.
    ///   - threads: counting workers.
    public init(documents: [[Int32]], vocabularySize: Int, window: Int = 10,
                memoryLimitBytes: Int = CooccurrenceCounts.defaultMemoryLimitBytes, threads: Int = 2) {
        precondition(vocabularySize >= 0 && vocabularySize <= Int(Int32.max), "vocabulary size out of range")
        precondition(window >= 1, "the window must hold at least one neighbour")
        precondition(threads >= 1, "at least one thread")
        for document in documents {
            for token in document {
                precondition(token >= 0 && Int(token) < vocabularySize, "token id \(token) outside the vocabulary")
            }
        }
        let workers = max(1, min(threads, vocabularySize))
        typealias WorkerResult = (entries: [Entry], spills: Int, peakBytes: Int)
        let results = UnsafeMutableBufferPointer<WorkerResult>.allocate(capacity: workers)
        results.initialize(repeating: ([], 0, 0))
        defer {
            results.deinitialize()
            results.deallocate()
        }
        // Race-free: worker w writes results[w] only, and `documents` is read-only.
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let table = CooccurrenceTable(maximumBytes: memoryLimitBytes / workers, vocabularySize: vocabularySize)
            let owned = (0..<vocabularySize).map { $0 % workers == worker }
            Self.count(documents, owned: owned, window: window, into: table)
            output[worker] = (table.finish(), table.spills, table.peakBytes)
        }
        self.init(vocabularySize: vocabularySize, window: window,
                  entries: Self.interleave(results.map(\.entries), vocabularySize: vocabularySize),
                  spills: results.reduce(0) { $0 + $1.spills },
                  peakWorkingBytes: results.reduce(0) { $0 + $1.peakBytes })
    }

    /// Counts given directly, e.g. from a reference file; `entries` must be sorted by (word, context).
    init(vocabularySize: Int, window: Int, entries: [Entry], spills: Int = 0, peakWorkingBytes: Int = 0) {
        self.vocabularySize = vocabularySize
        self.window = window
        self.entries = entries
        self.spills = spills
        self.peakWorkingBytes = peakWorkingBytes
    }

    private static func count(_ documents: [[Int32]], owned: [Bool], window: Int, into table: CooccurrenceTable) {
        let weights = (0...window).map { 1 / Double(max($0, 1)) }
        for document in documents {
            document.withUnsafeBufferPointer { tokens in
                for position in tokens.indices {
                    let current = tokens[position]
                    let ownsCurrent = owned[Int(current)]
                    for distance in 1..<(min(window, position) + 1) {
                        let previous = tokens[position - distance]
                        if owned[Int(previous)] {
                            table.add(word: previous, context: current, amount: weights[distance])
                        }
                        if ownsCurrent {
                            table.add(word: current, context: previous, amount: weights[distance])
                        }
                    }
                }
            }
        }
    }

    /// The workers' sorted results, whose rows alternate (row r is in part r mod parts), as one
    /// sorted list.
    private static func interleave(_ parts: [[Entry]], vocabularySize: Int) -> [Entry] {
        guard parts.count > 1 else { return parts.first ?? [] }
        var entries: [Entry] = []
        entries.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        var cursors = [Int](repeating: 0, count: parts.count)
        for row in 0..<vocabularySize {
            let part = row % parts.count
            let start = cursors[part]
            var end = start
            while end < parts[part].count && Int(parts[part][end].word) == row {
                end += 1
            }
            entries.append(contentsOf: parts[part][start..<end])
            cursors[part] = end
        }
        return entries
    }
}
