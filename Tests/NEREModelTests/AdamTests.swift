import Testing
@testable import NEREModel

/// Adam on f(w) = ½ Σ aᵢ (wᵢ − cᵢ)², whose gradient is aᵢ (wᵢ − cᵢ).
struct AdamTests {
    static let curvature: [Float] = [1, 4, 0.25]
    static let centre: [Float] = [3, -2, 0.5]

    static func parameters(at start: [Float]) -> ParameterSet {
        let parameters = ParameterSet()
        _ = parameters.declare("w", [start.count])
        parameters.allocate()
        parameters.set(parameters.entries[0], to: start)
        return parameters
    }

    static func setGradient(_ parameters: ParameterSet) {
        for i in 0..<parameters.count { parameters.gradients[i] = curvature[i] * (parameters.values[i] - centre[i]) }
    }

    /// After one step m = (1 − β1)g and v = (1 − β2)g², so the update is
    /// α·√(1 − β2)/(1 − β1) · (1 − β1)g / (√(1 − β2)·|g| + ε).
    @Test func oneStepIsTheClosedFormUpdate() {
        let start: [Float] = [0, 0, 0]
        let parameters = Self.parameters(at: start)
        let adam = Adam(parameters: parameters, learningRate: 0.01)
        Self.setGradient(parameters)
        let gradients = parameters.gradients.array
        adam.step()
        for i in start.indices {
            let g = Double(gradients[i]), root = (1 - 0.999).squareRoot()
            let expected = Double(start[i]) - 0.01 * root * g / (root * abs(g) + 1e-7)
            #expect(abs(Double(parameters.values[i]) - expected) < 1e-7, "w[\(i)]")
        }
        #expect(parameters.gradients.array == gradients, "the step leaves the gradients alone")
        #expect(adam.steps == 1)
    }

    @Test func minimisesTheQuadratic() {
        let parameters = Self.parameters(at: [0, 0, 0])
        let adam = Adam(parameters: parameters, learningRate: 0.05)
        for _ in 0..<400 {
            Self.setGradient(parameters)
            adam.step()
        }
        for i in Self.centre.indices {
            #expect(abs(parameters.values[i] - Self.centre[i]) < 0.02, "w[\(i)] = \(parameters.values[i])")
        }
    }
}
