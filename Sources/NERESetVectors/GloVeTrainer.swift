/// Trains GloVe word vectors (Pennington et al. 2014) on co-occurrence counts: minimises
/// J = Σ f(X_ij) (w_i·w̃_j + b_i + b̃_j − log X_ij)² over the non-zero X_ij with AdaGrad, the
/// update Stanford's `glove.c` makes (see `GloVeKernel`; in Float32 and without its skipping of
/// NaN updates), but with a conflict-free schedule of `threads` threads (`GloVeSchedule`)
/// instead of Hogwild, so that a seed always gives the same vectors.
///
/// The loss reported per epoch is `glove.c`'s "cost": the mean over entries of ½ f(X) r², each
/// residual r taken just before its entry's update.
///
/// A word with no co-occurrence entry keeps its random initial vectors.
public struct GloVeTrainer: Sendable {
    public let configuration: GloVeConfiguration

    public init(configuration: GloVeConfiguration = GloVeConfiguration()) {
        precondition(configuration.dimensions >= 1, "at least one dimension")
        precondition(configuration.epochs >= 0, "a negative number of epochs")
        precondition(configuration.threads >= 1, "at least one thread")
        precondition(configuration.learningRate > 0 && configuration.xMax > 0,
                     "learning rate and xMax must be positive")
        self.configuration = configuration
    }

    /// - Parameter progress: called on the calling thread after every epoch with the epoch
    ///   (from 1) and its loss.
    public func train(_ counts: CooccurrenceCounts, progress: (Int, Double) -> Void = { _, _ in }) -> GloVeVectors {
        train(counts, concurrently: true, progress: progress)
    }

    /// W, W̃, b and b̃ (concatenated in that order) as training starts from them, so that a
    /// reference implementation can be run from the same point (`nere bench vectors`).
    public func initialParameters(vocabularySize: Int) -> [Float] {
        let parameters = startingParameters(vocabularySize: vocabularySize)
        return Array(parameters.word) + Array(parameters.context) + Array(parameters.wordBias)
            + Array(parameters.contextBias)
    }

    private func startingParameters(vocabularySize: Int) -> GloVeParameters {
        var random = GloVeRandom(seed: configuration.seed, stream: 0)
        return GloVeParameters(dimensions: configuration.dimensions, vocabularySize: vocabularySize, random: &random)
    }

    /// `concurrently: false` runs the same schedule on the calling thread alone; the result is
    /// the same bits, which is how the tests show the schedule is race-free.
    func train(_ counts: CooccurrenceCounts, concurrently: Bool,
               progress: (Int, Double) -> Void = { _, _ in }) -> GloVeVectors {
        let configuration = configuration
        var parameters = startingParameters(vocabularySize: counts.vocabularySize)
        var schedule = GloVeSchedule(counts: counts, parts: configuration.threads, xMax: configuration.xMax,
                                     alpha: configuration.alpha)
        var losses: [Double] = []
        for epoch in stride(from: 1, through: configuration.epochs, by: 1) {
            var loss = 0.0
            if schedule.entryCount > 0 {
                let total = parameters.withKernel(learningRate: Float(configuration.learningRate)) { kernel in
                    schedule.runEpoch(epoch, seed: configuration.seed, kernel: kernel, concurrently: concurrently)
                }
                loss = total / Double(schedule.entryCount)
            }
            losses.append(loss)
            progress(epoch, loss)
        }
        return GloVeVectors(dimensions: configuration.dimensions, vocabularySize: counts.vocabularySize,
                            values: parameters.summedVectors, losses: losses)
    }
}
