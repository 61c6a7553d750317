import Testing
@testable import NERESetVectors

@Suite struct CooccurrenceCountsTests {
    private static func dictionary(_ counts: CooccurrenceCounts) -> [[Int32]: Double] {
        Dictionary(uniqueKeysWithValues: counts.entries.map { ([$0.word, $0.context], $0.count) })
    }

    /// Random documents over a vocabulary whose low ids are common, as real text is.
    static func skewedCorpus(documents: Int, length: Int, vocabularySize: Int, seed: UInt64) -> [[Int32]] {
        var random = GloVeRandom(seed: seed, stream: 99)
        return (0..<documents).map { _ in
            (0..<length).map { _ in
                let u = random.unitFloat()
                return Int32(Float(vocabularySize - 1) * u * u * u)
            }
        }
    }

    @Test func pairsAddOneOverDistanceBothWays() {
        let counts = CooccurrenceCounts(documents: [[0, 1, 2]], vocabularySize: 3)
        #expect(Self.dictionary(counts) == [[0, 1]: 1, [1, 0]: 1, [1, 2]: 1, [2, 1]: 1, [0, 2]: 0.5, [2, 0]: 0.5])
        #expect(counts.entries.map(\.word) == [0, 0, 1, 1, 2, 2])
    }

    @Test func windowLimitsTheDistance() {
        let counts = CooccurrenceCounts(documents: [[0, 1, 2, 3]], vocabularySize: 4, window: 2)
        #expect(Self.dictionary(counts)[[0, 2]] == 0.5)
        #expect(Self.dictionary(counts)[[0, 3]] == nil)
        #expect(Self.dictionary(counts)[[3, 0]] == nil)
    }

    @Test func aWordNextToItselfCountsTwice() {
        let counts = CooccurrenceCounts(documents: [[4, 4]], vocabularySize: 5)
        #expect(counts.entries == [CooccurrenceCounts.Entry(word: 4, context: 4, count: 2)])
    }

    @Test func windowsDoNotCrossDocuments() {
        let counts = CooccurrenceCounts(documents: [[0], [1], [1, 2]], vocabularySize: 3)
        #expect(Self.dictionary(counts) == [[1, 2]: 1, [2, 1]: 1])
    }

    @Test func emptyCorporaGiveNoEntries() {
        #expect(CooccurrenceCounts(documents: [], vocabularySize: 0).entries.isEmpty)
        #expect(CooccurrenceCounts(documents: [[], []], vocabularySize: 10).entries.isEmpty)
        #expect(CooccurrenceCounts(documents: [[3], [7], []], vocabularySize: 10, threads: 2).entries.isEmpty)
    }

    @Test func sortedSymmetricAndTheSameForAnyThreadCount() {
        let corpus = Self.skewedCorpus(documents: 200, length: 12, vocabularySize: 300, seed: 3)
        let single = CooccurrenceCounts(documents: corpus, vocabularySize: 300, threads: 1)
        #expect(zip(single.entries, single.entries.dropFirst()).allSatisfy {
            ($0.word, $0.context) < ($1.word, $1.context)
        })
        let cells = Self.dictionary(single)
        #expect(cells.allSatisfy { cells[[$0.key[1], $0.key[0]]] == $0.value })
        for threads in [2, 3] {
            let parallel = CooccurrenceCounts(documents: corpus, vocabularySize: 300, threads: threads)
            #expect(parallel.entries == single.entries, "threads \(threads)")
        }
    }

    /// A limit far below the corpus's distinct pairs: the tables spill many times, never hold more
    /// than the limit, and the counts agree with unlimited counting up to rounding.
    @Test func memoryLimitHoldsAndChangesOnlyRounding() {
        let corpus = Self.skewedCorpus(documents: 300, length: 15, vocabularySize: 500, seed: 5)
        let unlimited = CooccurrenceCounts(documents: corpus, vocabularySize: 500)
        let limit = 8 << 10
        let limited = CooccurrenceCounts(documents: corpus, vocabularySize: 500, memoryLimitBytes: limit)
        #expect(unlimited.spills == 0)
        #expect(unlimited.entries.count * MemoryLayout<CooccurrenceCounts.Entry>.stride > 4 * limit)
        #expect(limited.spills > 10)
        #expect(limited.peakWorkingBytes <= limit)
        #expect(limited.entries.count == unlimited.entries.count)
        for (got, wanted) in zip(limited.entries, unlimited.entries) {
            #expect(got.word == wanted.word && got.context == wanted.context)
            #expect(abs(got.count - wanted.count) <= 1e-12 * wanted.count)
        }
    }
}
