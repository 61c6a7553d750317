/// Everything one forward pass computes, kept for the backward pass and for reading the
/// prediction and both attentions. Shapes: N = B·T positions (row b·T + t), D step width,
/// G feature groups, H hidden units per direction.
public final class NetworkActivations {
    let input: NetworkInput
    let steps: Int
    let valid: [Bool]          // [N]
    let embedded: FloatBuffer  // x  [N, D]
    let normalised: FloatBuffer // x̂ [N, D]
    let inverseStd: FloatBuffer // [D]
    let normed: FloatBuffer    // y  [N, D]
    let featureScores: FloatBuffer // u [N, G·Af]
    let featureWeights: FloatBuffer // α [N, G]
    let attended: FloatBuffer  // z  [N, D]
    let encoded: FloatBuffer   // e  [N, S] (step encoder; empty without one)
    let projections: FloatBuffer // gi [N, 6H]
    let gates: [FloatBuffer]   // per direction [N, 4H]
    let recurrent: FloatBuffer // o  [N, 2H]
    let dropoutMask: FloatBuffer? // [N, 2H], 0 or 2
    let dropped: FloatBuffer   // o' [N, 2H]
    let timeScores: FloatBuffer // u [N, At]
    let timeWeights: FloatBuffer // a [N]
    let summary: FloatBuffer   // s [B, 2H]
    let dense: [FloatBuffer]   // [B, F_i]
    let prediction: FloatBuffer // [B, P]
    let training: Bool

    /// Without `keepsStepWork` (served windows, whose step work is cached) only the buffers
    /// from the projections on are allocated, and nothing is kept for a backward pass.
    init(input: NetworkInput, shape: NetworkShape, groups: Int, dropoutMask: [Float]?, training: Bool, keepsStepWork: Bool) {
        let B = input.batchSize, T = NetworkInput.steps, H = shape.hidden
        let N = B * T, stepRows = keepsStepWork ? N : 0, D = shape.stepWidth
        self.input = input
        steps = T
        valid = (0..<N).map { $0 % T < input.lengths[$0 / T] }
        embedded = FloatBuffer(count: stepRows * D)
        normalised = FloatBuffer(count: stepRows * D)
        inverseStd = FloatBuffer(count: D)
        normed = FloatBuffer(count: stepRows * D)
        featureScores = FloatBuffer(count: stepRows * groups * shape.featureAttentionWidth)
        featureWeights = FloatBuffer(count: N * groups)
        attended = FloatBuffer(count: stepRows * D)
        encoded = FloatBuffer(count: stepRows * shape.stepDenseWidth)
        projections = FloatBuffer(count: N * 6 * H)
        gates = keepsStepWork ? [FloatBuffer(count: N * 4 * H), FloatBuffer(count: N * 4 * H)] : []
        recurrent = FloatBuffer(count: N * 2 * H)
        self.dropoutMask = dropoutMask.map { FloatBuffer($0) }
        dropped = dropoutMask == nil ? recurrent : FloatBuffer(count: N * 2 * H)
        timeScores = FloatBuffer(count: N * shape.timeAttentionWidth)
        timeWeights = FloatBuffer(count: N)
        summary = FloatBuffer(count: B * 2 * H)
        dense = shape.denseWidths.map { FloatBuffer(count: B * $0) }
        prediction = FloatBuffer(count: B * shape.outputWidth)
        self.training = training
    }

    /// [B, P] predicted content vectors.
    public var predictions: [Float] { prediction.array }
    /// [B, T, G] feature-group weights per step (rows of padding steps are meaningless).
    public var featureAttention: [Float] { featureWeights.array }
    /// [B, T] weights over the window's steps; 0 on padding.
    public var timeAttention: [Float] { timeWeights.array }
}
