/// What `Trainer` reports after every training batch and once more after each epoch's
/// validation, for a progress line; the trainer itself never prints.
public struct TrainingProgress: Sendable, Hashable {
    /// From 1.
    public var epoch: Int
    public var maxEpochs: Int
    /// Batches of this epoch done so far, from 1 to `batches`.
    public var batch: Int
    public var batches: Int
    /// Mean training loss (MSE plus the L2 penalty) of this epoch's batches so far.
    public var runningLoss: Double
    /// R² on the validation examples after the last finished epoch; nil during the first.
    public var validationR2: Double?
    /// True for the report that follows the epoch's validation.
    public var epochFinished: Bool
}
