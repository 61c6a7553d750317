import NEREEvaluation
import Testing

struct PrequentialScorerTests {
    @Test func recallAndMRRByHistoryLength() {
        var scorer = PrequentialScorer()
        scorer.record(historyLength: 1, rank: 0)      // hit at 1
        scorer.record(historyLength: 1, rank: 4)      // hit at 10, RR 1/5
        scorer.record(historyLength: 1, rank: nil)    // miss
        scorer.record(historyLength: 1, rank: 50)     // hit at 100 only, RR 1/51
        scorer.record(historyLength: 5, rank: 9)
        scorer.record(historyLength: 0, rank: 0)      // cold start: not in the overall row
        let report = scorer.report
        let one = report.byHistoryLength[1]
        #expect(one.predictions == 4)
        #expect(one.recallAt1 == 0.25)
        #expect(one.recallAt10 == 0.5)
        #expect(one.recallAt100 == 0.75)
        #expect(abs(one.mrr - (1 + 0.2 + 1.0 / 51) / 4) < 1e-12)
        #expect(report.overall.predictions == 5)
        #expect(report.overall.recallAt10 == 0.6)
        #expect(report.byHistoryLength[0].predictions == 1)
    }

    @Test func persistedValuesRestoreExactly() {
        var scorer = PrequentialScorer()
        for i in 0..<50 { scorer.record(historyLength: i % 6, rank: i % 3 == 0 ? nil : i) }
        var restored = PrequentialScorer()
        for (key, value) in scorer.persistentValues { restored.restore(key: key, value: value) }
        #expect(restored == scorer)
    }
}
