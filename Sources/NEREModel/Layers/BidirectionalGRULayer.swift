import CNEREKernels

/// The bidirectional GRU over a masked window, PyTorch's gate convention (r, z, n):
///   r = σ(W_ir x + b_ir + W_hr h + b_hr), u = σ(W_iz x + b_iz + W_hz h + b_hz),
///   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h' = (1 − u) ⊙ n + u ⊙ h,
/// and a padded step keeps the state it was given, so a window of length L < 5 yields what a
/// length-L sequence would. The input half of every gate does not depend on the state: it is
/// one product for all steps and both directions (the two [3H, D] kernels are adjacent, one
/// [6H, D] matrix), and the part a served window caches per session.
struct BidirectionalGRULayer {
    let hidden: Int
    let inputs: Int
    let inputWeight: Int
    let inputBias: Int
    let recurrentWeights: [Int]
    let recurrentBiases: [Int]

    init(_ parameters: ParameterSet, shape: NetworkShape) {
        hidden = shape.hidden
        inputs = shape.recurrentInputWidth
        let gates = 3 * hidden
        inputWeight = parameters.declare("gru.forward.weight_ih", [gates, inputs])
        _ = parameters.declare("gru.backward.weight_ih", [gates, inputs])
        inputBias = parameters.declare("gru.forward.bias_ih", [gates])
        _ = parameters.declare("gru.backward.bias_ih", [gates])
        var weights: [Int] = [], biases: [Int] = []
        for direction in ["forward", "backward"] {
            weights.append(parameters.declare("gru.\(direction).weight_hh", [gates, hidden]))
            biases.append(parameters.declare("gru.\(direction).bias_hh", [gates]))
        }
        recurrentWeights = weights
        recurrentBiases = biases
    }

    /// Width of one step's cached input projection: both directions' three gates.
    var projectionWidth: Int { 6 * hidden }
    /// Per stored step and direction: r, u, n and the recurrent part of n's pre-activation.
    var gateWidth: Int { 4 * hidden }

    // x [N, D] → gi [N, 6H]
    func inputProjection(_ parameters: ParameterSet, x: UnsafePointer<Float>, rows: Int, xStride: Int,
                         into gi: UnsafeMutablePointer<Float>) {
        BLAS.linear(x, rows: rows, inputs: inputs, xStride: xStride, weight: parameters.value(inputWeight),
                    bias: parameters.value(inputBias), outputs: projectionWidth, into: gi, yStride: projectionWidth)
    }

    /// Time indices in the order a direction visits them.
    private static func order(_ direction: Int, steps: Int) -> [Int] {
        direction == 0 ? Array(0..<steps) : Array((0..<steps).reversed())
    }

    // gi [B·T, 6H] → o [B·T, 2H] = [h_fwd | h_bwd]; gates [B·T, 4H] per direction when training
    func recurrence(_ parameters: ParameterSet, gi: UnsafePointer<Float>, lengths: [Int], steps T: Int,
                    gates: [UnsafeMutablePointer<Float>]?, into o: UnsafeMutablePointer<Float>, times: StageTimes? = nil) {
        let H = hidden, B = lengths.count, oStride = 2 * H
        let gh = FloatBuffer(count: B * 3 * H), zeros = FloatBuffer(count: H)
        for direction in 0..<2 {
            let weight = parameters.value(recurrentWeights[direction]), bias = parameters.value(recurrentBiases[direction])
            var previous: Int?
            for t in Self.order(direction, steps: T) {
                // gh = h_prev · W_hhᵀ + b_hh, reading h_prev straight out of o's previous step
                if let p = previous {
                    times.measure(.recurrentProducts) {
                        BLAS.linear(o + p * oStride + direction * H, rows: B, inputs: H, xStride: T * oStride,
                                    weight: weight, bias: bias, outputs: 3 * H, into: gh.pointer, yStride: 3 * H)
                    }
                } else {
                    for b in 0..<B { (gh.pointer + b * 3 * H).update(from: bias, count: 3 * H) }
                }
                for b in 0..<B {
                    let n = b * T + t
                    let h = o + n * oStride + direction * H
                    let hPrevious = previous.map { UnsafePointer(o + (b * T + $0) * oStride + direction * H) } ?? UnsafePointer(zeros.pointer)
                    guard t < lengths[b] else {
                        h.update(from: hPrevious, count: H)
                        if let gates { gates[direction].advanced(by: n * gateWidth).update(repeating: 0, count: gateWidth) }
                        continue
                    }
                    // The gate arithmetic is C (CNEREKernels) so it runs at the CPU's vector width.
                    let x = gi + n * projectionWidth + direction * 3 * H, g = UnsafePointer(gh.pointer + b * 3 * H)
                    if let gates {
                        nere_gru_gates_training(H, x, g, hPrevious, h, gates[direction] + n * gateWidth)
                    } else {
                        nere_gru_gates(H, x, g, hPrevious, h)
                    }
                }
                previous = t
            }
        }
    }

    // do [B·T, 2H] → dgi [B·T, 6H]; accumulates the recurrent kernels' gradients
    func recurrenceBackward(_ parameters: ParameterSet, dOutput: UnsafePointer<Float>, o: UnsafePointer<Float>,
                            gates: [UnsafePointer<Float>], lengths: [Int], steps T: Int,
                            dgi: UnsafeMutablePointer<Float>) {
        let H = hidden, B = lengths.count, oStride = 2 * H
        let carry = FloatBuffer(count: B * H), dgh = FloatBuffer(count: B * 3 * H)
        for direction in 0..<2 {
            carry.zero()
            let weight = parameters.value(recurrentWeights[direction])
            let dWeight = parameters.gradient(recurrentWeights[direction]), dBias = parameters.gradient(recurrentBiases[direction])
            let visited = Self.order(direction, steps: T)
            for (position, t) in visited.enumerated().reversed() {
                let previous = position > 0 ? visited[position - 1] : nil
                for b in 0..<B {
                    let n = b * T + t
                    let dh = carry.pointer + b * H, dg = dgh.pointer + b * 3 * H
                    let dx = dgi + n * projectionWidth + direction * 3 * H
                    BLAS.add(dOutput + n * oStride + direction * H, into: dh, count: H)
                    guard t < lengths[b] else {
                        dg.update(repeating: 0, count: 3 * H)
                        dx.update(repeating: 0, count: 3 * H)
                        continue
                    }
                    let stored = gates[direction] + n * gateWidth
                    let r = stored, u = stored + H, c = stored + 2 * H, ghn = stored + 3 * H
                    for j in 0..<H {
                        let hPrevious = previous.map { o[(b * T + $0) * oStride + direction * H + j] } ?? 0
                        let dCandidate = dh[j] * (1 - u[j]) * (1 - c[j] * c[j])
                        let dUpdate = dh[j] * (hPrevious - c[j]) * u[j] * (1 - u[j])
                        let dReset = dCandidate * ghn[j] * r[j] * (1 - r[j])
                        dx[j] = dReset
                        dx[H + j] = dUpdate
                        dx[2 * H + j] = dCandidate
                        dg[j] = dReset
                        dg[H + j] = dUpdate
                        dg[2 * H + j] = dCandidate * r[j]
                        dh[j] *= u[j]
                    }
                }
                BLAS.accumulateBiasGradient(dgh.pointer, rows: B, outputs: 3 * H, dyStride: 3 * H, into: dBias)
                if let p = previous {
                    BLAS.accumulateWeightGradient(dgh.pointer, rows: B, outputs: 3 * H, dyStride: 3 * H,
                                                  o + p * oStride + direction * H, inputs: H, xStride: T * oStride,
                                                  weightGradient: dWeight, biasGradient: nil)
                    BLAS.inputGradient(dgh.pointer, rows: B, outputs: 3 * H, dyStride: 3 * H, weight: weight, inputs: H,
                                       into: carry.pointer, dxStride: H, accumulate: true)
                }
            }
        }
    }

    // dgi [N, 6H] → dx [N, D] (overwritten); accumulates the input kernels' gradients
    func inputProjectionBackward(_ parameters: ParameterSet, dgi: UnsafePointer<Float>, x: UnsafePointer<Float>,
                                 rows: Int, xStride: Int, dx: UnsafeMutablePointer<Float>) {
        BLAS.accumulateWeightGradient(dgi, rows: rows, outputs: projectionWidth, dyStride: projectionWidth,
                                      x, inputs: inputs, xStride: xStride,
                                      weightGradient: parameters.gradient(inputWeight), biasGradient: parameters.gradient(inputBias))
        BLAS.inputGradient(dgi, rows: rows, outputs: projectionWidth, dyStride: projectionWidth,
                           weight: parameters.value(inputWeight), inputs: inputs, into: dx, dxStride: xStride, accumulate: false)
    }
}
