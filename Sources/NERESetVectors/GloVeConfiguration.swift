/// Hyperparameters of GloVe training. The defaults are the GloVe paper's and `glove.c`'s
/// (x_max 100, α 0.75, AdaGrad at 0.05) with DESIGN §4's 128 dimensions.
public struct GloVeConfiguration: Sendable, Equatable {
    public var dimensions: Int
    public var epochs: Int
    public var learningRate: Double
    /// Counts at or above this get full weight in the loss: f(x) = min(1, (x / xMax)^alpha).
    public var xMax: Double
    public var alpha: Double
    public var seed: UInt64
    /// Worker threads, and with them the number of vocabulary parts of the conflict-free schedule
    /// (see `GloVeTrainer`). The parts shape the update order, so the vectors are a function of
    /// (counts, configuration) including `threads`: the same seed with another thread count gives
    /// different, equally good, vectors.
    public var threads: Int

    public init(dimensions: Int = 128, epochs: Int = 25, learningRate: Double = 0.05, xMax: Double = 100,
                alpha: Double = 0.75, seed: UInt64 = 1, threads: Int = 2) {
        self.dimensions = dimensions
        self.epochs = epochs
        self.learningRate = learningRate
        self.xMax = xMax
        self.alpha = alpha
        self.seed = seed
        self.threads = threads
    }
}
