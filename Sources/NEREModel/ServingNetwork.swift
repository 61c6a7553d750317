/// The network as the pipeline serves it: each session's input work — embeddings, batch
/// normalisation (folded into one affine map), feature attention and both directions' GRU
/// input projections — is done once, when the session arrives, and kept as a `Step`; a window
/// is then predicted from its cached steps, so a new event costs one step of input work plus
/// the recurrence, the attention over time and the head. Windows are predicted in batches:
/// one matrix product per layer for all the windows of a poll.
public final class ServingNetwork: @unchecked Sendable {
    /// One session's cached input work.
    public struct Step: Sendable, Hashable {
        /// [6H]: W_ih z + b_ih for the forward then the backward direction.
        public var projection: [Float]
        /// [G]: the feature-group attention of this session (one column of the heatmap).
        public var featureWeights: [Float]
    }

    public struct Predictions: Sendable {
        public var batchSize: Int
        public var width: Int
        /// [B, P]
        public var vectors: [Float]
        /// [B, T]: attention over each window's sessions, oldest first; 0 past its length.
        public var timeAttention: [Float]
        /// [B, T, G]: each session's feature-group attention (the paper's heatmap, feature ×
        /// time); 0 past the window's length.
        public var featureAttention: [Float]
        public var featureGroups: Int

        public func vector(_ row: Int) -> ArraySlice<Float> { vectors[row * width ..< (row + 1) * width] }
        public func attention(_ row: Int, length: Int) -> ArraySlice<Float> {
            timeAttention[row * NetworkInput.steps ..< row * NetworkInput.steps + length]
        }
        /// Row `row`'s heatmap: one [G] column per session, oldest first.
        public func heatmap(_ row: Int, length: Int) -> [ArraySlice<Float>] {
            (0..<length).map { t in
                let start = (row * NetworkInput.steps + t) * featureGroups
                return featureAttention[start ..< start + featureGroups]
            }
        }
    }

    public let network: NERENetwork
    private let normScale: [Float]
    private let normShift: [Float]

    /// Snapshots the batch-normalisation statistics: train the network before serving it.
    public init(_ network: NERENetwork) {
        self.network = network
        (normScale, normShift) = network.norm.inferenceAffine(network.parameters)
    }

    public var shape: NetworkShape { network.shape }

    /// Input work for `rows` sessions given as flat [S, C] ids, [S, K] continuous features and
    /// [S, Dc] content vectors. `times`, when given, accumulates each stage's wall-clock time.
    public func steps(categorical: [Int32], continuous: [Float], content: [Float], rows: Int,
                      times: StageTimes? = nil) -> [Step] {
        guard rows > 0 else { return [] }
        let D = shape.stepWidth, G = network.featureGroupCount, width = network.gru.projectionWidth
        let x = FloatBuffer(count: rows * D)
        times.measure(.stepInput) {
            network.stepInputs(categorical: categorical, continuous: continuous, content: content, rows: rows, into: x.pointer)
            for n in 0..<rows {
                let row = x.pointer + n * D
                for j in 0..<D { row[j] = row[j] * normScale[j] + normShift[j] }
            }
        }
        let scores = FloatBuffer(count: rows * G * shape.featureAttentionWidth), weights = FloatBuffer(count: rows * G)
        let z = FloatBuffer(count: rows * D), projections = FloatBuffer(count: rows * width)
        let encoded = FloatBuffer(count: rows * shape.stepDenseWidth)
        times.measure(.featureAttention) {
            network.featureAttention.forward(network.parameters, y: x.pointer, rows: rows, u: scores.pointer,
                                             alpha: weights.pointer, into: z.pointer)
        }
        network.recurrentInputs(z.pointer, rows: rows, encoded: encoded.pointer, into: projections.pointer, times: times)
        return times.measure(.stepCopy) {
            (0..<rows).map { n in
                Step(projection: Array(UnsafeBufferPointer(start: projections.pointer + n * width, count: width)),
                     featureWeights: Array(UnsafeBufferPointer(start: weights.pointer + n * G, count: G)))
            }
        }
    }

    /// Predicts each window (1...5 steps, oldest first) from its cached steps. `times`, when
    /// given, accumulates each stage's wall-clock time.
    public func predict(_ windows: [[Step]], times: StageTimes? = nil) -> Predictions {
        let B = windows.count, T = NetworkInput.steps, width = network.gru.projectionWidth
        let input = NetworkInput(categorical: [], continuous: [], content: [], lengths: windows.map { min($0.count, T) })
        let G = network.featureGroupCount
        let pass = NetworkActivations(input: input, shape: shape, groups: G, dropoutMask: nil,
                                      training: false, keepsStepWork: false)
        var heatmaps = [Float](repeating: 0, count: B * T * G)
        times.measure(.stepCopy) {
            for (b, window) in windows.enumerated() {
                precondition(!window.isEmpty, "a served window holds at least one session")
                for (t, step) in window.suffix(T).enumerated() {
                    step.projection.withUnsafeBufferPointer {
                        (pass.projections.pointer + (b * T + t) * width).update(from: $0.baseAddress!, count: width)
                    }
                    heatmaps.replaceSubrange((b * T + t) * G ..< (b * T + t + 1) * G, with: step.featureWeights)
                }
            }
        }
        network.sequence(pass, times: times)
        return Predictions(batchSize: B, width: shape.outputWidth, vectors: pass.prediction.array,
                           timeAttention: pass.timeWeights.array, featureAttention: heatmaps, featureGroups: G)
    }
}
