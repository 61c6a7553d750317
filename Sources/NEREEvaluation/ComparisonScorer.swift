/// Scores one recommender's prequential predictions for `nere evaluate` (DESIGN §8) with
/// everything the report shows, per history length 0–5: recall@1/10/100 and MRR, R² of its
/// predicted content vector (when it predicts one), catalog coverage of its top 10 and top
/// 100, and how well its confidence is calibrated.
///
/// Recall and MRR are `PrequentialScorer`'s, so a contender that reproduces a replay reports
/// the replay's figures. R² follows the training report's definition (1 − SSE/SST, SST around each dimension's
/// mean of the targets scored), so a model's replayed R² and its offline test R² compare.
public struct ComparisonScorer: Sendable {
    public static let historyLengths = PrequentialScorer.historyLengths
    public static let coverageCutoffs = [10, 100]
    /// Equal-width confidence bins of the calibration plot and error.
    public static let calibrationBins = 10

    /// What `PrequentialScorer` does not sum, per history length; the overall row adds lengths 1–5.
    struct Accumulator: Sendable {
        var vectorPredictions = 0
        var squaredError = 0.0
        var targetSums: [Double] = []
        var targetSquares = 0.0
        var covered: [Set<Int32>] = [[], []]
        var calibration = [CalibrationBin.Sums](repeating: .init(), count: ComparisonScorer.calibrationBins)

        mutating func add(_ other: Accumulator) {
            vectorPredictions += other.vectorPredictions
            squaredError += other.squaredError
            if targetSums.isEmpty { targetSums = other.targetSums } else if !other.targetSums.isEmpty {
                for i in targetSums.indices { targetSums[i] += other.targetSums[i] }
            }
            targetSquares += other.targetSquares
            for i in covered.indices { covered[i].formUnion(other.covered[i]) }
            for i in calibration.indices { calibration[i].add(other.calibration[i]) }
        }
    }

    private var ranks = PrequentialScorer()
    private var accumulators = [Accumulator](repeating: Accumulator(), count: ComparisonScorer.historyLengths.count)
    /// Whether the recommender's confidence means anything (a popularity list has none).
    public let hasConfidence: Bool

    public init(hasConfidence: Bool) {
        self.hasConfidence = hasConfidence
    }

    /// One prediction: the ranking shown (set numbers, best first, as deep as it was kept), the
    /// set studied, the confidence shown with it, and — for recommenders that predict a point
    /// in content space — that point and the studied set's content vector.
    public mutating func record(historyLength: Int, ranking: some Collection<Int32>, studied: Int32, confidence: Double,
                                predicted: [Float]? = nil, target: [Float]? = nil) {
        let h = min(max(historyLength, 0), Self.historyLengths.upperBound)
        let rank = ranking.firstIndex(of: studied).map { ranking.distance(from: ranking.startIndex, to: $0) }
        ranks.record(historyLength: h, rank: rank)
        var a = accumulators[h]
        for (i, cutoff) in Self.coverageCutoffs.enumerated() { a.covered[i].formUnion(ranking.prefix(cutoff)) }
        if hasConfidence {
            // Clamped before the conversion to Int, which traps on NaN and infinities: one bad
            // confidence must not end an evaluation.
            let clamped = confidence.isNaN ? 0 : min(max(confidence, 0), 1)
            let bin = min(Int(clamped * Double(Self.calibrationBins)), Self.calibrationBins - 1)
            a.calibration[bin].predictions += 1
            a.calibration[bin].confidenceSum += clamped
            a.calibration[bin].hits += rank == nil ? 0 : 1
        }
        if let predicted, let target, predicted.count == target.count {
            if a.targetSums.isEmpty { a.targetSums = [Double](repeating: 0, count: target.count) }
            a.vectorPredictions += 1
            for i in target.indices {
                let y = Double(target[i]), error = Double(predicted[i]) - y
                a.squaredError += error * error
                a.targetSums[i] += y
                a.targetSquares += y * y
            }
        }
        accumulators[h] = a
    }

    /// The rows, with coverage as a share of `catalogSize` sets.
    public func rows(catalogSize: Int) -> (byHistoryLength: [ComparisonRow], overall: ComparisonRow) {
        let report = ranks.report
        let rows = Self.historyLengths.map {
            ComparisonRow(report.byHistoryLength[$0], accumulators[$0], catalogSize: catalogSize, hasConfidence: hasConfidence)
        }
        var warm = Accumulator()
        for accumulator in accumulators.dropFirst() { warm.add(accumulator) }
        return (rows, ComparisonRow(report.overall, warm, catalogSize: catalogSize, hasConfidence: hasConfidence))
    }
}

/// One row of the comparison table: a recommender's figures over the predictions of one
/// history length (or, `historyLength` nil, over lengths 1–5).
public struct ComparisonRow: Sendable, Codable, Equatable {
    public var historyLength: Int?
    public var predictions: Int
    public var recallAt1: Double
    public var recallAt10: Double
    public var recallAt100: Double
    public var mrr: Double
    /// Nil for recommenders that predict no content vector.
    public var rSquared: Double?
    public var coverageAt10: Double
    public var coverageAt100: Double
    /// Expected calibration error of the confidence (nil without confidence).
    public var calibrationError: Double?
    /// The reliability diagram's points (empty without confidence).
    public var calibration: [CalibrationBin]

    enum CodingKeys: String, CodingKey {
        case historyLength = "history_length", predictions
        case recallAt1 = "recall@1", recallAt10 = "recall@10", recallAt100 = "recall@100", mrr
        case rSquared = "r_squared", coverageAt10 = "coverage@10", coverageAt100 = "coverage@100"
        case calibrationError = "expected_calibration_error", calibration
    }

    init(_ ranks: PrequentialReport.Row, _ a: ComparisonScorer.Accumulator, catalogSize: Int, hasConfidence: Bool) {
        historyLength = ranks.historyLength
        predictions = ranks.predictions
        let n = Double(max(ranks.predictions, 1))
        recallAt1 = ranks.recallAt1
        recallAt10 = ranks.recallAt10
        recallAt100 = ranks.recallAt100
        mrr = ranks.mrr
        let catalog = Double(max(catalogSize, 1))
        coverageAt10 = Double(a.covered[0].count) / catalog
        coverageAt100 = Double(a.covered[1].count) / catalog
        if a.vectorPredictions > 0 {
            let m = Double(a.vectorPredictions)
            let total = a.targetSquares - a.targetSums.reduce(0) { $0 + $1 * $1 } / m
            rSquared = total > 0 ? 1 - a.squaredError / total : 0
        }
        calibration = hasConfidence
            ? a.calibration.enumerated().compactMap { i, sums in CalibrationBin(index: i, sums) } : []
        if hasConfidence, ranks.predictions > 0 {
            calibrationError = calibration.reduce(0) { $0 + Double($1.predictions) / n * abs($1.meanConfidence - $1.hitRate) }
        }
    }
}

/// One point of a reliability diagram: predictions whose confidence fell in [lower, upper).
public struct CalibrationBin: Sendable, Codable, Equatable {
    public var lower: Double
    public var upper: Double
    public var predictions: Int
    public var meanConfidence: Double
    /// Share of these predictions whose ranking held the set studied next.
    public var hitRate: Double

    enum CodingKeys: String, CodingKey {
        case lower, upper, predictions, meanConfidence = "mean_confidence", hitRate = "hit_rate"
    }

    struct Sums: Sendable {
        var predictions = 0
        var confidenceSum = 0.0
        var hits = 0

        mutating func add(_ other: Sums) {
            predictions += other.predictions
            confidenceSum += other.confidenceSum
            hits += other.hits
        }
    }

    init?(index: Int, _ sums: Sums) {
        guard sums.predictions > 0 else { return nil }
        let width = 1 / Double(ComparisonScorer.calibrationBins)
        lower = Double(index) * width
        upper = Double(index + 1) * width
        predictions = sums.predictions
        meanConfidence = sums.confidenceSum / Double(sums.predictions)
        hitRate = Double(sums.hits) / Double(sums.predictions)
    }
}
