import Foundation
import NEREEvaluation
import Testing

/// ComparisonScorer against figures NumPy computed from the same random log
/// (Tests/Reference/comparison_metrics_reference.py), so that a shared misreading of a
/// definition would have to be made twice, in two languages, to pass.
struct ComparisonReferenceTests {
    struct Fixture: Decodable {
        var catalogSize: Int
        var predictions: [Prediction]
        var expected: Expected

        struct Prediction: Decodable {
            var historyLength: Int
            var ranking: [Int32]
            var studied: Int32
            var confidence: Double
            var predicted: [Float]?
            var target: [Float]?

            enum CodingKeys: String, CodingKey {
                case historyLength = "history_length", ranking, studied, confidence, predicted, target
            }
        }

        struct Expected: Decodable {
            var byHistoryLength: [ComparisonRow]
            var overall: ComparisonRow

            enum CodingKeys: String, CodingKey { case byHistoryLength = "by_history_length", overall }
        }

        enum CodingKeys: String, CodingKey { case catalogSize = "catalog_size", predictions, expected }

        static func load() throws -> Fixture {
            let url = try #require(Bundle.module.url(forResource: "comparison_metrics", withExtension: "json",
                                                     subdirectory: "Fixtures"))
            return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        }

        func scored(hasConfidence: Bool) -> (byHistoryLength: [ComparisonRow], overall: ComparisonRow) {
            var scorer = ComparisonScorer(hasConfidence: hasConfidence)
            for p in predictions {
                scorer.record(historyLength: p.historyLength, ranking: p.ranking, studied: p.studied,
                              confidence: p.confidence, predicted: p.predicted, target: p.target)
            }
            return scorer.rows(catalogSize: catalogSize)
        }
    }

    static let tolerance = 1e-9

    static func expectClose(_ actual: Double?, _ expected: Double?, _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        switch (actual, expected) {
        case (nil, nil): break
        case let (a?, e?):
            #expect(abs(a - e) <= tolerance, "\(what): \(a) ≠ \(e)", sourceLocation: sourceLocation)
        default:
            Issue.record("\(what): \(String(describing: actual)) ≠ \(String(describing: expected))",
                         sourceLocation: sourceLocation)
        }
    }

    static func expectSame(_ actual: ComparisonRow, _ expected: ComparisonRow) {
        let group = expected.historyLength.map { "length \($0)" } ?? "overall"
        #expect(actual.historyLength == expected.historyLength)
        #expect(actual.predictions == expected.predictions, "\(group) predictions")
        expectClose(actual.recallAt1, expected.recallAt1, "\(group) recall@1")
        expectClose(actual.recallAt10, expected.recallAt10, "\(group) recall@10")
        expectClose(actual.recallAt100, expected.recallAt100, "\(group) recall@100")
        expectClose(actual.mrr, expected.mrr, "\(group) MRR")
        expectClose(actual.rSquared, expected.rSquared, "\(group) R²")
        expectClose(actual.coverageAt10, expected.coverageAt10, "\(group) coverage@10")
        expectClose(actual.coverageAt100, expected.coverageAt100, "\(group) coverage@100")
        expectClose(actual.calibrationError, expected.calibrationError, "\(group) calibration error")
        #expect(actual.calibration.count == expected.calibration.count, "\(group) calibration bins")
        for (a, e) in zip(actual.calibration, expected.calibration) {
            let bin = "\(group) bin [\(e.lower), \(e.upper))"
            expectClose(a.lower, e.lower, "\(bin) lower")
            expectClose(a.upper, e.upper, "\(bin) upper")
            #expect(a.predictions == e.predictions, "\(bin) predictions")
            expectClose(a.meanConfidence, e.meanConfidence, "\(bin) mean confidence")
            expectClose(a.hitRate, e.hitRate, "\(bin) hit rate")
        }
    }

    @Test func everyFigureMatchesNumPy() throws {
        let fixture = try Fixture.load()
        // A fixture that exercised nothing would pass vacuously.
        #expect(fixture.predictions.count >= 300)
        #expect(fixture.expected.byHistoryLength.count == 6)
        #expect(fixture.expected.byHistoryLength[0].rSquared == nil)
        #expect(fixture.expected.overall.rSquared != nil)
        #expect(fixture.expected.overall.coverageAt100 < 1)

        let rows = fixture.scored(hasConfidence: true)
        #expect(rows.byHistoryLength.count == fixture.expected.byHistoryLength.count)
        for (actual, expected) in zip(rows.byHistoryLength, fixture.expected.byHistoryLength) {
            Self.expectSame(actual, expected)
        }
        Self.expectSame(rows.overall, fixture.expected.overall)
    }

    @Test func withoutConfidenceThereIsNoCalibration() throws {
        let fixture = try Fixture.load()
        let rows = fixture.scored(hasConfidence: false)
        for row in rows.byHistoryLength + [rows.overall] {
            #expect(row.calibration.isEmpty)
            #expect(row.calibrationError == nil)
        }
        Self.expectClose(rows.overall.recallAt100, fixture.expected.overall.recallAt100, "recall@100")
    }

    @Test func aConfidenceOutsideZeroToOneIsClampedNotATrap() {
        var scorer = ComparisonScorer(hasConfidence: true)
        scorer.record(historyLength: 1, ranking: [1, 2], studied: 2, confidence: .nan)
        scorer.record(historyLength: 1, ranking: [1, 2], studied: 3, confidence: .infinity)
        scorer.record(historyLength: 1, ranking: [1, 2], studied: 1, confidence: -2)
        let bins = scorer.rows(catalogSize: 10).overall.calibration
        #expect(bins.map(\.predictions) == [2, 1])
        #expect(bins.map(\.meanConfidence) == [0, 1])
        #expect(bins.map(\.hitRate) == [1, 0])
    }
}
