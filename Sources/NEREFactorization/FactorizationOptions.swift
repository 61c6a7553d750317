/// Hyper-parameters of `HybridFactorization`. The defaults are LightFM's (Adagrad, learning
/// rate 0.05, at most 10 WARP trials), the library the reference script trains, so the two
/// compare without tuning either.
public struct FactorizationOptions: Sendable, Hashable {
    /// BPR optimises the whole ranking; WARP spends its updates on the negatives that still
    /// outrank the positive, which is what recall at small cut-offs rewards.
    public enum Loss: String, Sendable, Hashable, CaseIterable {
        case bpr, warp
    }

    public var dimensions: Int
    public var epochs: Int
    public var learningRate: Float
    /// Weight decay applied to every parameter an update touches.
    public var l2: Float
    /// BPR: negatives drawn (and pairs updated) per positive. WARP: the most negatives drawn
    /// while looking for one that violates the margin.
    public var negativesPerPositive: Int
    public var seed: UInt64
    public var loss: Loss

    public init(dimensions: Int = 32, epochs: Int = 10, learningRate: Float = 0.05, l2: Float = 1e-6,
                negativesPerPositive: Int? = nil, seed: UInt64 = 1, loss: Loss = .warp) {
        precondition(dimensions > 0 && epochs >= 0 && learningRate > 0 && l2 >= 0, "invalid factorization options")
        self.dimensions = dimensions
        self.epochs = epochs
        self.learningRate = learningRate
        self.l2 = l2
        self.negativesPerPositive = max(1, negativesPerPositive ?? (loss == .warp ? 10 : 1))
        self.seed = seed
        self.loss = loss
    }
}

/// Reported after every chunk of positives and at the end of each epoch; training never prints.
public struct FactorizationProgress: Sendable, Hashable {
    /// From 1.
    public var epoch: Int
    public var epochs: Int
    public var positivesDone: Int
    public var positives: Int
    /// Mean log-loss log(1 + e^−(s⁺ − s⁻)) of this epoch so far, on the first negative drawn
    /// for each positive before its update: one figure that means the same under BPR and WARP.
    public var meanLoss: Double
    public var epochFinished: Bool
}
