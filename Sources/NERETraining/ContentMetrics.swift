import NEREModel

/// How close a network's predictions land to the next sets' content vectors on a part of the
/// examples, computed in inference mode (running batch-norm statistics, no dropout): the
/// figures DESIGN §5 reports.
public struct ContentMetrics: Sendable, Hashable {
    public var examples: Int
    /// Mean over examples and dimensions of the squared error: the training loss without the
    /// L2 penalty.
    public var meanSquaredError: Double
    /// 1 − SSE/SST, with SST taken around each dimension's mean of these examples' targets; 0
    /// when the targets do not vary.
    public var rSquared: Double

    /// Nil when `indices` is empty.
    public init?(of network: NERENetwork, on examples: TrainingExamples, _ indices: Range<Int>, batchSize: Int) {
        guard !indices.isEmpty else { return nil }
        let width = network.shape.outputWidth
        var squaredError = 0.0
        var sums = [Double](repeating: 0, count: width), squares = sums
        examples.forEachPrediction(of: network, in: indices, batchSize: batchSize) { _, predictions, targets in
            for i in targets.indices {
                let target = Double(targets[i]), error = Double(predictions[i]) - target
                squaredError += error * error
                sums[i % width] += target
                squares[i % width] += target * target
            }
        }
        let n = Double(indices.count)
        let totalSquares = zip(sums, squares).reduce(0) { $0 + max($1.1 - $1.0 * $1.0 / n, 0) }
        self.examples = indices.count
        meanSquaredError = squaredError / (n * Double(width))
        rSquared = totalSquares > 0 ? 1 - squaredError / totalSquares : 0
    }
}
