import Dispatch

/// The update order that lets `parts` threads train at once and still give bit-identical vectors
/// for the same seed (Hogwild, `glove.c`'s way, races on shared rows and depends on timing).
///
/// The vocabulary is dealt into `parts` parts (row r to part r mod parts), and entry (i, j)
/// belongs to block (part of i, part of j). Updating an entry reads and writes row i of W, b and
/// their accumulators and row j of W̃, b̃ and theirs, nothing else. Phase p runs blocks
/// (t, (t + p) mod parts), one per thread t: their row parts all differ and so do their column
/// parts, so no two threads of a phase touch the same float, and the join at the end of
/// `concurrentPerform` hands every block of the next phase the finished result of this one.
/// With two parts A and B: (A,A) beside (B,B), then (A,B) beside (B,A). The outcome is that of
/// running the blocks one after another, which is what `concurrently: false` does.
///
/// Each epoch shuffles every block's entries and the order of the phases, each from its own
/// seeded stream, so the order is random but a function of (seed, epoch, block) only.
///
/// Why dealt and not cut into ranges: vocabulary ids run from frequent to rare, so ranges make
/// blocks of very different kinds (frequent × frequent first, rare × rare beside it), and
/// visiting them in phases slowed convergence measurably (loss after 3 epochs on a Zipf corpus:
/// 0.0067 with two ranges, 0.0055 with one global shuffle, 0.0055 with two dealt parts). Dealt
/// parts are alike, and balanced: X is symmetric, so |AB| = |BA| exactly, and |AA| ≈ |BB|.
struct GloVeSchedule {
    let parts: Int
    /// Grouped by block; block b = rowPart × parts + columnPart is blockStarts[b]..<blockStarts[b + 1].
    private var entries: [GloVeEntry]
    private let blockStarts: [Int]

    var entryCount: Int { entries.count }

    init(counts: CooccurrenceCounts, parts: Int, xMax: Double, alpha: Double) {
        self.parts = parts
        let blockOf = { (entry: CooccurrenceCounts.Entry) in
            Int(entry.word) % parts * parts + Int(entry.context) % parts
        }
        var starts = [Int](repeating: 0, count: parts * parts + 1)
        for entry in counts.entries {
            starts[blockOf(entry) + 1] += 1
        }
        for block in 0..<parts * parts {
            starts[block + 1] += starts[block]
        }
        blockStarts = starts
        entries = [GloVeEntry](unsafeUninitializedCapacity: counts.entries.count) { buffer, initialized in
            var next = starts
            for entry in counts.entries {
                let block = blockOf(entry)
                buffer.initializeElement(at: next[block], to: GloVeEntry(entry, xMax: xMax, alpha: alpha))
                next[block] += 1
            }
            initialized = counts.entries.count
        }
    }

    /// One epoch of updates through `kernel`; returns the sum of the entries' loss terms, added
    /// in block order so that it too is the same on every run.
    mutating func runEpoch(_ epoch: Int, seed: UInt64, kernel: GloVeKernel, concurrently: Bool) -> Double {
        let parts = parts
        let starts = blockStarts
        var phaseOrder = Array(0..<parts)
        var phaseRandom = GloVeRandom(seed: seed, stream: Self.stream(epoch: epoch, block: parts * parts, parts: parts))
        phaseOrder.withUnsafeMutableBufferPointer { phaseRandom.shuffle($0) }
        var blockLosses = [Double](repeating: 0, count: parts * parts)
        entries.withUnsafeMutableBufferPointer { allEntries in
            blockLosses.withUnsafeMutableBufferPointer { allLosses in
                // Race-free (see the type's comment): in a phase, thread t touches only block
                // (t, (t + p) mod parts) — its own range of `sharedEntries`, its own slot of
                // `sharedLosses`, and parameter rows that no other thread of the phase touches.
                nonisolated(unsafe) let sharedEntries = allEntries
                nonisolated(unsafe) let sharedLosses = allLosses
                nonisolated(unsafe) let sharedKernel = kernel
                for phase in phaseOrder {
                    let runBlock: @Sendable (Int) -> Void = { thread in
                        let block = thread * parts + (thread + phase) % parts
                        let blockEntries = UnsafeMutableBufferPointer(
                            rebasing: sharedEntries[starts[block]..<starts[block + 1]])
                        var random = GloVeRandom(seed: seed,
                                                 stream: Self.stream(epoch: epoch, block: block, parts: parts))
                        random.shuffle(blockEntries)
                        sharedLosses[block] = sharedKernel.pass(UnsafeBufferPointer(blockEntries))
                    }
                    if concurrently {
                        DispatchQueue.concurrentPerform(iterations: parts, execute: runBlock)
                    } else {
                        (0..<parts).forEach(runBlock)
                    }
                }
            }
        }
        return blockLosses.reduce(0, +)
    }

    /// Stream 0 is the initial parameters; then, per epoch, one stream per block and one for the
    /// phase order (block index parts²).
    private static func stream(epoch: Int, block: Int, parts: Int) -> UInt64 {
        UInt64(epoch) * UInt64(parts * parts + 1) + UInt64(block) + 1
    }
}
