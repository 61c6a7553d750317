/// How `Trainer` trains. The defaults are DESIGN §5's: Adam at Keras's 1e-3, batches of 256,
/// early stopping once the validation loss has not improved for two epochs.
public struct TrainingOptions: Sendable, Hashable {
    public var batchSize: Int
    /// Upper bound on epochs; early stopping usually ends training before it.
    public var maxEpochs: Int
    /// Epochs without a lower validation loss after which training stops.
    public var patience: Int
    public var learningRate: Float
    /// Fixes the initial weights, the order of the examples in every epoch and the dropout
    /// masks: the same seed, examples and BLAS thread count give the same weights.
    public var seed: UInt64
    /// Windows per inference batch when measuring validation and test metrics; only speed
    /// depends on it (larger batches make fewer, larger matrix products).
    public var evaluationBatchSize: Int

    public init(batchSize: Int = 256, maxEpochs: Int = 20, patience: Int = 2, learningRate: Float = 1e-3,
                seed: UInt64 = 1, evaluationBatchSize: Int = 1024) {
        precondition(batchSize >= 1 && evaluationBatchSize >= 1, "batches need at least one example")
        precondition(maxEpochs >= 1 && patience >= 1, "at least one epoch, and a patience of at least one")
        self.batchSize = batchSize
        self.maxEpochs = maxEpochs
        self.patience = patience
        self.learningRate = learningRate
        self.seed = seed
        self.evaluationBatchSize = evaluationBatchSize
    }
}
