import Testing
import NEREContracts
@testable import NEREModel

/// Serving from cached per-session steps gives what a full recomputation of each window gives,
/// and padding never matters.
struct ServingNetworkTests {
    static let shape = NetworkShape(vocabularySizes: [4, 3, 6], embeddingWidth: 5, continuousCount: 3, contentWidth: 7,
                                    featureAttentionWidth: 4, hidden: 6, timeAttentionWidth: 5, denseWidths: [8, 6],
                                    outputWidth: 7, stepDenseWidth: 9)

    struct Session {
        var categorical: [Int32]
        var continuous: [Float]
        var content: [Float]
    }

    static func network(seed: UInt64) -> NERENetwork {
        let network = NERENetwork(shape: shape)
        network.initialise(seed: seed)
        var random = Xoshiro256(seed: seed &+ 1)
        for j in 0..<shape.stepWidth {
            network.runningMean[j] = Float(random.nextUnit() - 0.5)
            network.runningVariance[j] = Float(0.5 + random.nextUnit())
        }
        return network
    }

    static func sessions(_ count: Int, seed: UInt64) -> [Session] {
        var random = Xoshiro256(seed: seed)
        return (0..<count).map { _ in
            Session(categorical: shape.vocabularySizes.map { Int32(random.next() % UInt64($0)) },
                    continuous: (0..<shape.continuousCount).map { _ in Float(random.nextUnit() * 2 - 1) },
                    content: (0..<shape.contentWidth).map { _ in Float(random.nextUnit() * 2 - 1) })
        }
    }

    /// Windows as the full network reads them, padding filled with `padding`.
    static func input(_ windows: [[Session]], padding: Float) -> NetworkInput {
        let T = NetworkInput.steps
        var input = NetworkInput(batchSize: windows.count, shape: shape)
        for (b, window) in windows.enumerated() {
            input.lengths[b] = window.count
            for t in 0..<T {
                let n = b * T + t
                let session = t < window.count ? window[t] : nil
                for f in 0..<shape.categoricalCount {
                    input.categorical[n * shape.categoricalCount + f] = session?.categorical[f] ?? Int32(padding)
                }
                for k in 0..<shape.continuousCount { input.continuous[n * shape.continuousCount + k] = session?.continuous[k] ?? padding }
                for k in 0..<shape.contentWidth { input.content[n * shape.contentWidth + k] = session?.content[k] ?? padding }
            }
        }
        return input
    }

    @Test func cachedStepsGiveTheFullRecomputation() {
        let network = Self.network(seed: 5)
        let serving = ServingNetwork(network)
        let log = Self.sessions(8, seed: 9)
        // Every session's input work once, as the pipeline does when each event arrives.
        let steps = serving.steps(categorical: log.flatMap(\.categorical), continuous: log.flatMap(\.continuous),
                                  content: log.flatMap(\.content), rows: log.count)
        // The windows a sliding (user, subject) sequence goes through, lengths 1 to 5.
        let ranges = (1...log.count).map { max(0, $0 - 5)..<$0 }
        let served = serving.predict(ranges.map { Array(steps[$0]) })
        let full = network.forward(Self.input(ranges.map { Array(log[$0]) }, padding: 0), training: false)
        #expect(ReferenceParityTests.relativeDifference(served.vectors, full.predictions) <= 1e-5)
        #expect(ReferenceParityTests.relativeDifference(served.timeAttention, full.timeAttention) <= 1e-5)
        for (b, range) in ranges.enumerated() {
            let heatmap = served.heatmap(b, length: range.count)
            for t in 0..<range.count {
                let G = network.featureGroupCount, row = (b * NetworkInput.steps + t) * G
                #expect(ReferenceParityTests.relativeDifference(Array(heatmap[t]), Array(full.featureAttention[row..<row + G])) <= 1e-5)
            }
            #expect(abs(served.attention(b, length: range.count).reduce(0, +) - 1) < 1e-5)
        }
    }

    @Test(arguments: [true, false])
    func paddingChangesNothing(training: Bool) {
        let network = Self.network(seed: 6)
        let log = Self.sessions(6, seed: 10)
        let windows = [Array(log[0..<2]), Array(log[2..<3]), Array(log[1..<6])]
        let clean = network.forward(Self.input(windows, padding: 0), training: training)
        let junk = network.forward(Self.input(windows, padding: 3), training: training)
        #expect(clean.predictions == junk.predictions)
        #expect(clean.timeAttention == junk.timeAttention)
    }
}
