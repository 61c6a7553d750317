import Foundation

/// Adam (Kingma and Ba 2015) over every tensor of a `ParameterSet` at once: the two moment
/// estimates are blocks of the parameter block's layout, so a step is one pass over four flat
/// arrays. The defaults and the update are Keras's, which the paper trained with: β1 0.9,
/// β2 0.999, ε 1e-7, and the bias corrections folded into the step size,
///   m ← β1·m + (1 − β1)·g,  v ← β2·v + (1 − β2)·g²,
///   w ← w − α·√(1 − β2ᵗ)/(1 − β1ᵗ) · m / (√v + ε),
/// (the form of Kingma and Ba's §2: ε sits beside √v rather than beside the bias-corrected
/// √v̂, which only matters while v is tiny). The L2 penalty is part of the loss, not of the
/// update.
public final class Adam {
    public let learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    /// Updates made so far; the bias corrections depend on it.
    public private(set) var steps = 0
    private let parameters: ParameterSet
    private let firstMoment: FloatBuffer
    private let secondMoment: FloatBuffer

    public init(parameters: ParameterSet, learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-7) {
        precondition(learningRate > 0 && epsilon > 0, "learning rate and epsilon must be positive")
        precondition((0..<1).contains(beta1) && (0..<1).contains(beta2), "betas must lie in [0, 1)")
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoment = FloatBuffer(count: parameters.count)
        secondMoment = FloatBuffer(count: parameters.count)
    }

    /// One update from the gradients now in the parameter set, which it leaves as they are
    /// (the caller zeroes them before the next backward pass).
    public func step() {
        steps += 1
        let t = Double(steps)
        let stepSize = Float(Double(learningRate) * (1 - pow(Double(beta2), t)).squareRoot() / (1 - pow(Double(beta1), t)))
        let w = parameters.values.pointer, g = parameters.gradients.pointer
        let m = firstMoment.pointer, v = secondMoment.pointer
        let beta1 = beta1, beta2 = beta2, epsilon = epsilon
        for i in 0..<parameters.count {
            let gradient = g[i]
            m[i] = beta1 * m[i] + (1 - beta1) * gradient
            v[i] = beta2 * v[i] + (1 - beta2) * gradient * gradient
            w[i] -= stepSize * m[i] / (v[i].squareRoot() + epsilon)
        }
    }
}
