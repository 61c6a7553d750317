import Foundation
import Testing
import NEREContracts
@testable import NEREModel

/// The network against the PyTorch reference (`Fixtures/make_model_fixtures.py`, float64):
/// predictions, both attentions, the loss, the batch-norm running statistics and the gradient
/// of every learned tensor agree within 1e-4 relative to each tensor's largest value.
struct ReferenceParityTests {
    struct Fixture {
        let tensors: [String: Safetensors.Tensor]
        let shape: NetworkShape
        let training: Bool

        init(_ name: String) throws {
            let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "safetensors"))
            let file = try Safetensors(bytes: Array(try Data(contentsOf: url)))
            tensors = file.tensors
            shape = try JSONDecoder().decode(NetworkShape.self, from: Data(try #require(file.metadata["shape"]).utf8))
            training = file.metadata["mode"] == "training"
        }

        func floats(_ name: String) throws -> [Float] { try #require(tensors[name]?.floats, "missing \(name)") }
        func ints(_ name: String) throws -> [Int32] { try #require(tensors[name]?.int32s, "missing \(name)") }
    }

    static func relativeDifference(_ actual: [Float], _ expected: [Float]) -> Float {
        precondition(actual.count == expected.count, "\(actual.count) values for \(expected.count)")
        let scale = expected.map(abs).max() ?? 0
        let difference = zip(actual, expected).map { abs($0 - $1) }.max() ?? 0
        return scale == 0 ? difference : difference / scale
    }

    @Test(arguments: ["model-full", "model-masked", "model-inference", "model-nocontinuous", "model-stepdense"])
    func matchesPyTorch(_ name: String) throws {
        let fixture = try Fixture(name)
        let network = NERENetwork(shape: fixture.shape)
        for entry in network.parameters.entries {
            network.parameters.set(entry, to: try fixture.floats(entry.name))
        }
        let mean = try fixture.floats("input_norm.running_mean"), variance = try fixture.floats("input_norm.running_var")
        for j in mean.indices {
            network.runningMean[j] = mean[j]
            network.runningVariance[j] = variance[j]
        }
        let input = NetworkInput(categorical: try fixture.ints("input.categorical"),
                                 continuous: fixture.tensors["input.continuous"]?.floats ?? [],
                                 content: try fixture.floats("input.content"),
                                 lengths: try fixture.ints("input.lengths").map(Int.init))
        let mask = fixture.training ? try fixture.floats("input.dropout_mask") : nil

        network.parameters.zeroGradients()
        let pass = network.forward(input, training: fixture.training, dropoutMask: mask)
        let loss = network.backward(pass, targets: try fixture.floats("input.target"))

        let tolerance: Float = 1e-4
        #expect(Self.relativeDifference(pass.predictions, try fixture.floats("output.prediction")) <= tolerance)
        #expect(Self.relativeDifference([loss], try fixture.floats("output.loss")) <= tolerance)
        #expect(Self.relativeDifference(pass.timeAttention, try fixture.floats("output.time_attention")) <= tolerance)
        let G = network.featureGroupCount
        let validFeatureAttention = pass.featureAttention.enumerated().map { pass.valid[$0.offset / G] ? $0.element : 0 }
        #expect(Self.relativeDifference(validFeatureAttention, try fixture.floats("output.feature_attention")) <= tolerance)
        #expect(Self.relativeDifference(network.runningMean.array, try fixture.floats("output.running_mean")) <= tolerance)
        #expect(Self.relativeDifference(network.runningVariance.array, try fixture.floats("output.running_var")) <= tolerance)
        for entry in network.parameters.entries {
            let difference = Self.relativeDifference(network.parameters.gradientTensor(entry), try fixture.floats("grad." + entry.name))
            #expect(difference <= tolerance, "gradient of \(entry.name): \(difference)")
        }
    }
}
