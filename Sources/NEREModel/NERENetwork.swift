import Foundation
import NEREContracts

/// The NERE network (DESIGN §5), forward and backward on OpenBLAS:
///
///   categorical ids ─ embeddings ┐
///   continuous features ─────────┼─ concat [N, D] ─ batch norm ─ feature attention ─┐
///   content vectors ─────────────┘                                                   │
///   ┌── bidirectional GRU [N, 2H] ◄───────────────────────────────────────────────────┘
///   └─ dropout 0.5 ─ attention over time [B, 2H] ─ dense (ReLU) … ─ output [B, P]
///
/// Where the time goes (paper preset, a batch of 64 windows): the dense head and the GRU's
/// recurrent products are most of it, then the GRU input projection (cached per session when
/// serving) and the attention over time; everything else is a few percent.
public final class NERENetwork: @unchecked Sendable {
    /// L2 penalty on the recurrent kernels, as in the paper.
    public static let recurrentL2: Float = 0.001

    public let shape: NetworkShape
    /// Names of the categorical features, which name the embedding tensors.
    public let categoricalNames: [String]
    public let parameters: ParameterSet
    let embedding: EmbeddingLayer
    let norm: BatchNormLayer
    let featureAttention: FeatureAttentionLayer
    let stepEncoder: DenseLayer?
    let gru: BidirectionalGRULayer
    let timeAttention: TimeAttentionLayer
    let dense: [DenseLayer]
    let output: DenseLayer

    public init(shape: NetworkShape, categoricalNames: [String]? = nil) {
        precondition(shape.contentWidth > 0 && shape.hidden > 0, "a network needs content and hidden units")
        let names = categoricalNames ?? shape.vocabularySizes.indices.map(String.init)
        precondition(names.count == shape.categoricalCount, "one name per categorical feature")
        self.shape = shape
        self.categoricalNames = names
        let parameters = ParameterSet()
        embedding = EmbeddingLayer(parameters, names: names, shape: shape)
        norm = BatchNormLayer(parameters, width: shape.stepWidth)
        featureAttention = FeatureAttentionLayer(parameters, shape: shape)
        stepEncoder = shape.stepDenseWidth > 0
            ? DenseLayer(parameters, name: "step_dense", inputs: shape.stepWidth, outputs: shape.stepDenseWidth, rectified: true)
            : nil
        gru = BidirectionalGRULayer(parameters, shape: shape)
        timeAttention = TimeAttentionLayer(parameters, shape: shape)
        var inputs = 2 * shape.hidden
        var dense: [DenseLayer] = []
        for (i, width) in shape.denseWidths.enumerated() {
            dense.append(DenseLayer(parameters, name: "dense.\(i)", inputs: inputs, outputs: width, rectified: true))
            inputs = width
        }
        self.dense = dense
        output = DenseLayer(parameters, name: "output", inputs: inputs, outputs: shape.outputWidth, rectified: false)
        parameters.allocate()
        self.parameters = parameters
        norm.initialise(parameters)
    }

    public var parameterCount: Int { parameters.count }
    public var featureGroupCount: Int { featureAttention.groupCount }
    public var runningMean: FloatBuffer { norm.runningMean }
    public var runningVariance: FloatBuffer { norm.runningVariance }

    /// Kernels uniform in ±√(6 / (fan_in + fan_out)) (Glorot, Keras's default), embeddings and
    /// attention contexts uniform in ±0.05, biases zero, batch-norm scale one.
    public func initialise(seed: UInt64) {
        var random = Xoshiro256(seed: seed)
        parameters.values.zero()
        for entry in parameters.entries {
            let pointer = parameters.value(entry.offset)
            let limit: Float
            if entry.name == "input_norm.weight" {
                pointer.update(repeating: 1, count: entry.count)
                continue
            } else if entry.name.hasPrefix("embedding.") || entry.name.hasSuffix(".context") {
                limit = 0.05
            } else if entry.shape.count == 1 {
                continue
            } else {
                limit = (6 / Float(entry.shape[0] + entry.shape[1])).squareRoot()
            }
            for i in 0..<entry.count { pointer[i] = (Float(random.nextUnit()) * 2 - 1) * limit }
        }
        norm.runningMean.zero()
        norm.runningVariance.pointer.update(repeating: 1, count: shape.stepWidth)
    }

    // MARK: Forward

    /// Runs the network over a batch. Training mode normalises with the batch's statistics
    /// (and updates the running ones) and keeps what `backward` needs; `dropoutMask`
    /// ([B, T, 2H] of 0 or 2) is applied to the GRU output when given.
    /// `times`, when given, accumulates each stage's wall-clock time (profiling only).
    public func forward(_ input: NetworkInput, training: Bool, dropoutMask: [Float]? = nil,
                        times: StageTimes? = nil) -> NetworkActivations {
        let pass = NetworkActivations(input: input, shape: shape, groups: featureGroupCount,
                                      dropoutMask: dropoutMask, training: training, keepsStepWork: true)
        let N = input.batchSize * NetworkInput.steps
        times.measure(.stepInput) {
            stepInputs(categorical: input.categorical, continuous: input.continuous, content: input.content, rows: N,
                       into: pass.embedded.pointer)
        }
        times.measure(.batchNorm) {
            norm.forward(parameters, x: pass.embedded.pointer, valid: pass.valid, training: training,
                         normalised: pass.normalised.pointer, inverseStd: pass.inverseStd.pointer, into: pass.normed.pointer)
        }
        times.measure(.featureAttention) {
            featureAttention.forward(parameters, y: pass.normed.pointer, rows: N, u: pass.featureScores.pointer,
                                     alpha: pass.featureWeights.pointer, into: pass.attended.pointer)
        }
        recurrentInputs(pass.attended.pointer, rows: N, encoded: pass.encoded.pointer, into: pass.projections.pointer,
                        times: times)
        sequence(pass, times: times)
        return pass
    }

    /// z [rows, D] → the GRU's input projections [rows, 6H], through the step encoder when the
    /// shape has one (its output goes to `encoded`, [rows, S]).
    func recurrentInputs(_ z: UnsafePointer<Float>, rows: Int, encoded: UnsafeMutablePointer<Float>,
                         into projections: UnsafeMutablePointer<Float>, times: StageTimes?) {
        var x = z
        if let stepEncoder {
            times.measure(.stepEncoder) { stepEncoder.forward(parameters, x: z, rows: rows, into: encoded) }
            x = UnsafePointer(encoded)
        }
        times.measure(.inputProjection) {
            gru.inputProjection(parameters, x: x, rows: rows, xStride: shape.recurrentInputWidth, into: projections)
        }
    }

    /// Concatenates each position's embeddings, continuous features and content vector; the
    /// inputs the shape's ablation leaves out are zeros.
    func stepInputs(categorical: [Int32], continuous: [Float], content: [Float], rows: Int, into x: UnsafeMutablePointer<Float>) {
        let D = shape.stepWidth, K = shape.continuousCount, Dc = shape.contentWidth
        let metadata = shape.metadataWidth, embedded = metadata - K
        precondition(categorical.count >= rows * shape.categoricalCount && continuous.count >= rows * K
                     && content.count >= rows * Dc, "step features do not match the network's shape")
        if shape.ablation == .withoutMetadata {
            for n in 0..<rows { (x + n * D).update(repeating: 0, count: metadata) }
        } else {
            categorical.withUnsafeBufferPointer {
                embedding.forward(parameters, ids: $0.baseAddress!, positions: rows, into: x, stride: D)
            }
            continuous.withUnsafeBufferPointer { continuous in
                for n in 0..<rows where K > 0 { (x + n * D + embedded).update(from: continuous.baseAddress! + n * K, count: K) }
            }
        }
        if shape.ablation == .withoutContent {
            for n in 0..<rows { (x + n * D + metadata).update(repeating: 0, count: Dc) }
        } else {
            content.withUnsafeBufferPointer { content in
                for n in 0..<rows { (x + n * D + metadata).update(from: content.baseAddress! + n * Dc, count: Dc) }
            }
        }
    }

    /// Everything after the per-step input work: recurrence, dropout, attention over time and
    /// the dense head. Served windows enter here with cached projections.
    func sequence(_ pass: NetworkActivations, times: StageTimes? = nil) {
        let lengths = pass.input.lengths, B = lengths.count, T = pass.steps
        times.measure(.recurrence) {
            gru.recurrence(parameters, gi: pass.projections.pointer, lengths: lengths, steps: T,
                           gates: pass.gates.isEmpty ? nil : pass.gates.map(\.pointer),
                           into: pass.recurrent.pointer, times: times)
        }
        if let mask = pass.dropoutMask {
            for i in 0..<pass.recurrent.count { pass.dropped[i] = pass.recurrent[i] * mask[i] }
        }
        times.measure(.timeAttention) {
            timeAttention.forward(parameters, h: pass.dropped.pointer, lengths: lengths, steps: T, u: pass.timeScores.pointer,
                                  weights: pass.timeWeights.pointer, into: pass.summary.pointer)
        }
        times.measure(.head) {
            var x = UnsafePointer(pass.summary.pointer)
            for (layer, out) in zip(dense, pass.dense) {
                layer.forward(parameters, x: x, rows: B, into: out.pointer)
                x = UnsafePointer(out.pointer)
            }
            output.forward(parameters, x: x, rows: B, into: pass.prediction.pointer)
        }
    }

    // MARK: Loss and backward

    /// Mean squared error of the predictions against `targets` [B, P] plus the recurrent L2
    /// penalty; adds the gradient of that loss to `parameters.gradients`.
    @discardableResult
    public func backward(_ pass: NetworkActivations, targets: [Float]) -> Float {
        let B = pass.input.batchSize, P = shape.outputWidth, T = pass.steps, N = B * T, H = shape.hidden
        precondition(targets.count == B * P, "targets must be [B, \(P)]")
        let dOut = FloatBuffer(count: B * P)
        var squared: Float = 0
        let scale = 2 / Float(B * P)
        for i in 0..<(B * P) {
            let error = pass.prediction[i] - targets[i]
            squared += error * error
            dOut[i] = scale * error
        }
        var loss = squared / Float(B * P)
        for weight in gru.recurrentWeights {
            let values = parameters.value(weight), gradients = parameters.gradient(weight)
            let count = 3 * H * H
            loss += Self.recurrentL2 * BLAS.dot(values, values, count: count)
            cblasAxpy(2 * Self.recurrentL2, values, gradients, count)
        }

        // dense head, last layer first
        var dy = dOut
        var inputs = pass.dense.last.map { UnsafePointer($0.pointer) } ?? UnsafePointer(pass.summary.pointer)
        let dSummary = FloatBuffer(count: B * 2 * H)
        let layers = dense + [output], outputs = pass.dense + [pass.prediction]
        for i in layers.indices.reversed() {
            let below = i > 0 ? UnsafePointer(pass.dense[i - 1].pointer) : UnsafePointer(pass.summary.pointer)
            inputs = below
            let dx = i > 0 ? FloatBuffer(count: B * layers[i].inputs) : dSummary
            layers[i].backward(parameters, dy: dy.pointer, x: inputs, y: outputs[i].pointer, rows: B, dx: dx.pointer)
            dy = dx
        }

        let dRecurrent = FloatBuffer(count: N * 2 * H)
        timeAttention.backward(parameters, ds: dSummary.pointer, h: pass.dropped.pointer, lengths: pass.input.lengths, steps: T,
                               u: pass.timeScores.pointer, weights: pass.timeWeights.pointer, dh: dRecurrent.pointer)
        if let mask = pass.dropoutMask {
            for i in 0..<dRecurrent.count { dRecurrent[i] *= mask[i] }
        }
        let dProjections = FloatBuffer(count: N * 6 * H)
        gru.recurrenceBackward(parameters, dOutput: dRecurrent.pointer, o: pass.recurrent.pointer,
                               gates: pass.gates.map { UnsafePointer($0.pointer) }, lengths: pass.input.lengths, steps: T,
                               dgi: dProjections.pointer)
        let dAttended = FloatBuffer(count: N * shape.stepWidth)
        if let stepEncoder {
            let dEncoded = FloatBuffer(count: N * shape.stepDenseWidth)
            gru.inputProjectionBackward(parameters, dgi: dProjections.pointer, x: pass.encoded.pointer, rows: N,
                                        xStride: shape.stepDenseWidth, dx: dEncoded.pointer)
            stepEncoder.backward(parameters, dy: dEncoded.pointer, x: pass.attended.pointer, y: pass.encoded.pointer, rows: N,
                                 dx: dAttended.pointer)
        } else {
            gru.inputProjectionBackward(parameters, dgi: dProjections.pointer, x: pass.attended.pointer, rows: N,
                                        xStride: shape.stepWidth, dx: dAttended.pointer)
        }
        let dNormed = FloatBuffer(count: N * shape.stepWidth)
        featureAttention.backward(parameters, dz: dAttended.pointer, y: pass.normed.pointer, rows: N,
                                  u: pass.featureScores.pointer, alpha: pass.featureWeights.pointer, dy: dNormed.pointer)
        let dEmbedded = FloatBuffer(count: N * shape.stepWidth)
        norm.backward(parameters, dy: dNormed.pointer, normalised: pass.normalised.pointer, inverseStd: pass.inverseStd.pointer,
                      valid: pass.valid, training: pass.training, dx: dEmbedded.pointer)
        // Embeddings a metadata ablation never reads get no gradient (and so never move).
        guard shape.ablation != .withoutMetadata else { return loss }
        pass.input.categorical.withUnsafeBufferPointer {
            embedding.backward(parameters, ids: $0.baseAddress!, positions: N, dx: dEmbedded.pointer, stride: shape.stepWidth)
        }
        return loss
    }
}
