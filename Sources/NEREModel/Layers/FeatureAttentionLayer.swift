import CNEREKernels
import Foundation

/// Feature-level attention inside each step (the paper's heatmap, feature × time): every
/// feature group g (one categorical embedding, the continuous block, the content vector) is
/// scored u_g = tanh(W_g y_g + b_g), s_g = u_g · v, and re-weighted z_g = G·α_g·y_g with
/// α = softmax(s). The factor G keeps a uniform attention an identity map, so the layer starts
/// neutral and the GRU sees inputs of the scale batch normalisation gave them.
struct FeatureAttentionLayer {
    let groups: [Range<Int>]
    let weights: [Int]
    let biases: [Int]
    let context: Int
    let width: Int
    let stepWidth: Int

    init(_ parameters: ParameterSet, shape: NetworkShape) {
        groups = shape.featureGroups
        width = shape.featureAttentionWidth
        stepWidth = shape.stepWidth
        var weights: [Int] = [], biases: [Int] = []
        for (g, group) in groups.enumerated() {
            weights.append(parameters.declare("feature_attention.groups.\(g).weight", [width, group.count]))
            biases.append(parameters.declare("feature_attention.groups.\(g).bias", [width]))
        }
        self.weights = weights
        self.biases = biases
        context = parameters.declare("feature_attention.context", [width])
    }

    var groupCount: Int { groups.count }

    // y [N, D] → z [N, D]; scores u [N, G·Af] and weights α [N, G] are kept for backward
    func forward(_ parameters: ParameterSet, y: UnsafePointer<Float>, rows: Int,
                 u: UnsafeMutablePointer<Float>, alpha: UnsafeMutablePointer<Float>, into z: UnsafeMutablePointer<Float>) {
        let G = groupCount, uStride = G * width
        for (g, group) in groups.enumerated() {
            BLAS.linear(y + group.lowerBound, rows: rows, inputs: group.count, xStride: stepWidth,
                        weight: parameters.value(weights[g]), bias: parameters.value(biases[g]), outputs: width,
                        into: u + g * width, yStride: uStride)
        }
        nere_tanh_in_place(u, rows * uStride)
        let v = parameters.value(context)
        for n in 0..<rows {
            let a = alpha + n * G
            for g in 0..<G { a[g] = BLAS.dot(u + n * uStride + g * width, v, count: width) }
            Softmax.inPlace(a, count: G)
            for (g, group) in groups.enumerated() {
                let factor = Float(G) * a[g]
                for j in group { z[n * stepWidth + j] = factor * y[n * stepWidth + j] }
            }
        }
    }

    // dz [N, D] → dy [N, D] (overwritten)
    func backward(_ parameters: ParameterSet, dz: UnsafePointer<Float>, y: UnsafePointer<Float>, rows: Int,
                  u: UnsafePointer<Float>, alpha: UnsafePointer<Float>, dy: UnsafeMutablePointer<Float>) {
        let G = groupCount, uStride = G * width
        let v = parameters.value(context), dv = parameters.gradient(context)
        let dPre = FloatBuffer(count: rows * uStride)
        var dAlpha = [Float](repeating: 0, count: G)
        for n in 0..<rows {
            let a = alpha + n * G
            for (g, group) in groups.enumerated() {
                let factor = Float(G) * a[g]
                var sum: Float = 0
                for j in group {
                    sum += dz[n * stepWidth + j] * y[n * stepWidth + j]
                    dy[n * stepWidth + j] = factor * dz[n * stepWidth + j]
                }
                dAlpha[g] = Float(G) * sum
            }
            var weighted: Float = 0
            for g in 0..<G { weighted += a[g] * dAlpha[g] }
            for g in 0..<G {
                let ds = a[g] * (dAlpha[g] - weighted)
                let scores = u + n * uStride + g * width, d = dPre.pointer + n * uStride + g * width
                for k in 0..<width {
                    dv[k] += ds * scores[k]
                    d[k] = ds * v[k] * (1 - scores[k] * scores[k])
                }
            }
        }
        for (g, group) in groups.enumerated() {
            BLAS.accumulateWeightGradient(dPre.pointer + g * width, rows: rows, outputs: width, dyStride: uStride,
                                          y + group.lowerBound, inputs: group.count, xStride: stepWidth,
                                          weightGradient: parameters.gradient(weights[g]),
                                          biasGradient: parameters.gradient(biases[g]))
            BLAS.inputGradient(dPre.pointer + g * width, rows: rows, outputs: width, dyStride: uStride,
                               weight: parameters.value(weights[g]), inputs: group.count,
                               into: dy + group.lowerBound, dxStride: stepWidth, accumulate: true)
        }
    }
}

enum Softmax {
    /// Numerically stable softmax of `count` values in place.
    static func inPlace(_ values: UnsafeMutablePointer<Float>, count: Int) {
        guard count > 0 else { return }
        var peak = values[0]
        for i in 1..<count { peak = max(peak, values[i]) }
        var sum: Float = 0
        for i in 0..<count {
            values[i] = Foundation.exp(values[i] - peak)
            sum += values[i]
        }
        for i in 0..<count { values[i] /= sum }
    }
}
