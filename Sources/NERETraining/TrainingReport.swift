/// What a training run did and how good the kept weights are.
public struct TrainingReport: Sendable, Hashable {
    public struct Epoch: Sendable, Hashable {
        /// From 1.
        public var epoch: Int
        /// Mean over the epoch's batches of MSE plus the L2 penalty, with dropout.
        public var trainingLoss: Double
        public var validation: ContentMetrics
        /// Wall time of the epoch: its training batches and its validation.
        public var seconds: Double
    }

    public var epochs: [Epoch]
    /// The epoch whose weights the network was left with: the lowest validation loss.
    public var bestEpoch: Int
    /// False when training ran all `maxEpochs`.
    public var stoppedEarly: Bool
    /// The kept weights on the validation and the test examples (nil when there are none).
    public var validation: ContentMetrics
    public var test: ContentMetrics?
    /// The whole run, test evaluation included.
    public var seconds: Double

    public var secondsPerEpoch: Double { epochs.reduce(0) { $0 + $1.seconds } / Double(epochs.count) }

    /// The figures a model artifact records (`ModelArtifact.metrics`).
    public var metrics: [String: Double] {
        var metrics = ["validation_mse": validation.meanSquaredError, "validation_r2": validation.rSquared,
                       "validation_examples": Double(validation.examples), "epochs": Double(epochs.count),
                       "best_epoch": Double(bestEpoch), "seconds": seconds, "seconds_per_epoch": secondsPerEpoch]
        if let test {
            metrics["test_mse"] = test.meanSquaredError
            metrics["test_r2"] = test.rSquared
            metrics["test_examples"] = Double(test.examples)
        }
        return metrics
    }
}
