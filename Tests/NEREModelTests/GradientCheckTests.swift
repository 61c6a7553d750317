import Testing
import NEREContracts
@testable import NEREModel

/// Central finite differences of the loss along a random direction of each learned tensor
/// (so every layer, each of which owns at least one tensor) against the analytic gradient.
struct GradientCheckTests {
    static let shape = NetworkShape(vocabularySizes: [3, 4], embeddingWidth: 3, continuousCount: 2, contentWidth: 4,
                                    featureAttentionWidth: 3, hidden: 4, timeAttentionWidth: 3, denseWidths: [5],
                                    outputWidth: 4, stepDenseWidth: 6)

    static func batch(_ random: inout Xoshiro256) -> (NetworkInput, [Float], [Float]) {
        let lengths = [5, 2, 3]
        let positions = lengths.count * NetworkInput.steps
        func uniform(_ count: Int) -> [Float] { (0..<count).map { _ in Float(random.nextUnit() * 2 - 1) } }
        var input = NetworkInput(categorical: (0..<positions * 2).map { Int32($0 % 3) },
                                 continuous: uniform(positions * 2), content: uniform(positions * 4), lengths: lengths)
        for n in 0..<positions where n % NetworkInput.steps >= lengths[n / NetworkInput.steps] {
            for k in 0..<2 { input.categorical[n * 2 + k] = 0; input.continuous[n * 2 + k] = 0 }
            for k in 0..<4 { input.content[n * 4 + k] = 0 }
        }
        let mask = (0..<positions * 2 * shape.hidden).map { _ in random.nextUnit() < 0.5 ? Float(0) : 2 }
        return (input, uniform(lengths.count * 4), mask)
    }

    @Test(arguments: [true, false])
    func analyticGradientsMatchFiniteDifferences(training: Bool) {
        let network = NERENetwork(shape: Self.shape)
        network.initialise(seed: 3)
        var random = Xoshiro256(seed: 11)
        // Non-trivial batch-norm state for the inference mode, larger kernels so no gradient is tiny.
        for j in 0..<Self.shape.stepWidth {
            network.runningMean[j] = Float(random.nextUnit() - 0.5)
            network.runningVariance[j] = Float(0.5 + random.nextUnit())
        }
        for i in 0..<network.parameters.count { network.parameters.values[i] += Float(random.nextUnit() - 0.5) * 0.3 }
        let (input, targets, mask) = Self.batch(&random)
        let dropout = training ? mask : nil
        // Each evaluation restores the running statistics (a training pass moves them) and the
        // gradient block, so only the parameters differ between evaluations.
        func loss() -> Double {
            let mean = network.runningMean.array, variance = network.runningVariance.array
            defer {
                for j in mean.indices { network.runningMean[j] = mean[j]; network.runningVariance[j] = variance[j] }
            }
            let pass = network.forward(input, training: training, dropoutMask: dropout)
            let saved = network.parameters.gradients.array
            defer { for i in saved.indices { network.parameters.gradients[i] = saved[i] } }
            return Double(network.backward(pass, targets: targets))
        }
        network.parameters.zeroGradients()
        let baseline = network.forward(input, training: training, dropoutMask: dropout)
        network.backward(baseline, targets: targets)
        let analytic = network.parameters.gradients.array
        network.parameters.zeroGradients()

        let epsilon: Float = 3e-3
        for entry in network.parameters.entries {
            let direction = (0..<entry.count).map { _ in Float(random.nextUnit() * 2 - 1) }
            var expected = 0.0
            for i in 0..<entry.count { expected += Double(direction[i] * analytic[entry.offset + i]) }
            let values = network.parameters.value(entry.offset)
            for i in 0..<entry.count { values[i] += epsilon * direction[i] }
            let up = loss()
            for i in 0..<entry.count { values[i] -= 2 * epsilon * direction[i] }
            let down = loss()
            for i in 0..<entry.count { values[i] += epsilon * direction[i] }
            let numeric = (up - down) / Double(2 * epsilon)
            let tolerance = 2e-2 * max(abs(expected), 1e-2)
            #expect(abs(numeric - expected) <= tolerance, "\(entry.name): finite difference \(numeric), analytic \(expected)")
        }
    }
}
