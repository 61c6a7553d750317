import Testing
import NEREContracts
@testable import NEREModel

/// An ablated network ignores exactly the inputs it leaves out, in training and in serving,
/// and still reads the ones it keeps.
struct InputAblationTests {
    typealias Fixture = ServingNetworkTests

    static func network(_ ablation: InputAblation, seed: UInt64 = 5) -> NERENetwork {
        var shape = Fixture.shape
        shape.ablation = ablation
        let network = NERENetwork(shape: shape)
        network.initialise(seed: seed)
        return network
    }

    /// The same windows with their metadata or their content vectors replaced by other values.
    static func windows(changing ablated: InputAblation) -> (original: [[Fixture.Session]], changed: [[Fixture.Session]]) {
        let log = Fixture.sessions(6, seed: 3), other = Fixture.sessions(6, seed: 4)
        let changed = zip(log, other).map { session, other in
            var session = session
            switch ablated {
            case .withoutMetadata: (session.categorical, session.continuous) = (other.categorical, other.continuous)
            case .withoutContent: session.content = other.content
            case .none: break
            }
            return session
        }
        return ([Array(log[0..<3]), Array(log[1..<6])], [Array(changed[0..<3]), Array(changed[1..<6])])
    }

    @Test(arguments: [InputAblation.withoutMetadata, .withoutContent])
    func leftOutInputsChangeNothing(_ ablation: InputAblation) {
        let (original, changed) = Self.windows(changing: ablation)
        let ablated = Self.network(ablation), full = Self.network(.none)
        for training in [false, true] {
            let a = ablated.forward(Fixture.input(original, padding: 0), training: training).predictions
            let b = ablated.forward(Fixture.input(changed, padding: 0), training: training).predictions
            #expect(a == b, "training \(training)")
        }
        let fullA = full.forward(Fixture.input(original, padding: 0), training: false).predictions
        let fullB = full.forward(Fixture.input(changed, padding: 0), training: false).predictions
        #expect(ReferenceParityTests.relativeDifference(fullA, fullB) > 1e-3, "the full network does read those inputs")
    }

    @Test(arguments: [InputAblation.withoutMetadata, .withoutContent])
    func keptInputsStillMatter(_ ablation: InputAblation) {
        let kept: InputAblation = ablation == .withoutMetadata ? .withoutContent : .withoutMetadata
        let (original, changed) = Self.windows(changing: kept)
        let network = Self.network(ablation)
        let a = network.forward(Fixture.input(original, padding: 0), training: false).predictions
        let b = network.forward(Fixture.input(changed, padding: 0), training: false).predictions
        #expect(ReferenceParityTests.relativeDifference(a, b) > 1e-3)
    }

    @Test func servingAppliesTheArtifactsAblation() {
        let network = Self.network(.withoutContent)
        let serving = ServingNetwork(network)
        let (original, changed) = Self.windows(changing: .withoutContent)
        func served(_ windows: [[Fixture.Session]]) -> [Float] {
            serving.predict(windows.map { window in
                serving.steps(categorical: window.flatMap(\.categorical), continuous: window.flatMap(\.continuous),
                              content: window.flatMap(\.content), rows: window.count)
            }).vectors
        }
        #expect(served(original) == served(changed))
        #expect(network.shape.ablation == .withoutContent)
    }

    @Test func metadataAblationGivesEmbeddingsNoGradient() {
        let network = Self.network(.withoutMetadata)
        let pass = network.forward(Fixture.input(Self.windows(changing: .none).original, padding: 0), training: true)
        network.parameters.zeroGradients()
        _ = network.backward(pass, targets: [Float](repeating: 0.5, count: pass.predictions.count))
        let embeddings = network.parameters.entries.filter { $0.name.hasPrefix("embedding.") }
        #expect(!embeddings.isEmpty)
        #expect(embeddings.allSatisfy { network.parameters.gradientTensor($0).allSatisfy { $0 == 0 } })
        let others = network.parameters.entries.filter { !$0.name.hasPrefix("embedding.") }
        #expect(others.contains { network.parameters.gradientTensor($0).contains { $0 != 0 } }, "the rest does learn")
    }
}
