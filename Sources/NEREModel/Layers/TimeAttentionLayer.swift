import CNEREKernels
import Foundation

/// Attention with context over the window's steps (Yang et al., the paper's eqs. 2–4):
/// u_t = tanh(W h_t + b), a_t = softmax(u_t · u_w) over the valid steps, s = Σ a_t h_t.
/// The weights a are the per-session attention a recommendation publishes.
struct TimeAttentionLayer {
    let weight: Int
    let bias: Int
    let context: Int
    let width: Int
    let inputs: Int

    init(_ parameters: ParameterSet, shape: NetworkShape) {
        width = shape.timeAttentionWidth
        inputs = 2 * shape.hidden
        weight = parameters.declare("time_attention.weight", [width, inputs])
        bias = parameters.declare("time_attention.bias", [width])
        context = parameters.declare("time_attention.context", [width])
    }

    // h [B·T, 2H] → s [B, 2H]; scores u [B·T, At] and weights a [B·T] are kept for backward
    func forward(_ parameters: ParameterSet, h: UnsafePointer<Float>, lengths: [Int], steps T: Int,
                 u: UnsafeMutablePointer<Float>, weights a: UnsafeMutablePointer<Float>, into s: UnsafeMutablePointer<Float>) {
        let rows = lengths.count * T
        BLAS.linear(h, rows: rows, inputs: inputs, xStride: inputs, weight: parameters.value(weight),
                    bias: parameters.value(bias), outputs: width, into: u, yStride: width)
        nere_tanh_in_place(u, rows * width)
        let v = parameters.value(context)
        for (b, length) in lengths.enumerated() {
            let row = a + b * T
            for t in 0..<T { row[t] = t < length ? BLAS.dot(u + (b * T + t) * width, v, count: width) : 0 }
            Softmax.inPlace(row, count: length)
            let out = s + b * inputs
            out.update(repeating: 0, count: inputs)
            for t in 0..<length {
                cblasAxpy(row[t], h + (b * T + t) * inputs, out, inputs)
            }
        }
    }

    // ds [B, 2H] → dh [B·T, 2H] (overwritten)
    func backward(_ parameters: ParameterSet, ds: UnsafePointer<Float>, h: UnsafePointer<Float>, lengths: [Int], steps T: Int,
                  u: UnsafePointer<Float>, weights a: UnsafePointer<Float>, dh: UnsafeMutablePointer<Float>) {
        let rows = lengths.count * T
        let v = parameters.value(context), dv = parameters.gradient(context)
        let dPre = FloatBuffer(count: rows * width)
        dh.update(repeating: 0, count: rows * inputs)
        for (b, length) in lengths.enumerated() {
            let grad = ds + b * inputs
            var dWeights = [Float](repeating: 0, count: length)
            var weighted: Float = 0
            for t in 0..<length {
                let n = b * T + t
                dWeights[t] = BLAS.dot(grad, h + n * inputs, count: inputs)
                weighted += a[n] * dWeights[t]
                cblasAxpy(a[n], grad, dh + n * inputs, inputs)
            }
            for t in 0..<length {
                let n = b * T + t
                let dScore = a[n] * (dWeights[t] - weighted)
                let scores = u + n * width, d = dPre.pointer + n * width
                for k in 0..<width {
                    dv[k] += dScore * scores[k]
                    d[k] = dScore * v[k] * (1 - scores[k] * scores[k])
                }
            }
        }
        BLAS.accumulateWeightGradient(dPre.pointer, rows: rows, outputs: width, dyStride: width, h, inputs: inputs,
                                      xStride: inputs, weightGradient: parameters.gradient(weight),
                                      biasGradient: parameters.gradient(bias))
        BLAS.inputGradient(dPre.pointer, rows: rows, outputs: width, dyStride: width, weight: parameters.value(weight),
                           inputs: inputs, into: dh, dxStride: inputs, accumulate: true)
    }
}
