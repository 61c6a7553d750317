/// Batch normalisation of the step input (DESIGN §5). Statistics come from the valid steps
/// only: padding would otherwise drag every mean towards zero in batches of short windows.
/// ε = 1e-3 and momentum 0.01, as in Keras, whose defaults the paper trained with.
struct BatchNormLayer {
    static let epsilon: Float = 1e-3
    static let momentum: Float = 0.01

    let gamma: Int
    let beta: Int
    let width: Int
    /// Running statistics are state, not learned: kept outside the parameter block.
    let runningMean: FloatBuffer
    let runningVariance: FloatBuffer

    init(_ parameters: ParameterSet, width: Int) {
        self.width = width
        gamma = parameters.declare("input_norm.weight", [width])
        beta = parameters.declare("input_norm.bias", [width])
        runningMean = FloatBuffer(count: width)
        runningVariance = FloatBuffer([Float](repeating: 1, count: width))
    }

    func initialise(_ parameters: ParameterSet) {
        parameters.value(gamma).update(repeating: 1, count: width)
    }

    // x [N, D] → y [N, D]; normalised [N, D] and inverseStd [D] are kept for backward
    func forward(_ parameters: ParameterSet, x: UnsafePointer<Float>, valid: [Bool], training: Bool,
                 normalised: UnsafeMutablePointer<Float>, inverseStd: UnsafeMutablePointer<Float>,
                 into y: UnsafeMutablePointer<Float>) {
        let rows = valid.count
        if training {
            let mean = FloatBuffer(count: width), variance = FloatBuffer(count: width)
            var count = 0
            for n in 0..<rows where valid[n] {
                BLAS.add(x + n * width, into: mean.pointer, count: width)
                count += 1
            }
            let scale = 1 / Float(max(count, 1))
            for j in 0..<width { mean[j] *= scale }
            for n in 0..<rows where valid[n] {
                let row = x + n * width
                for j in 0..<width {
                    let d = row[j] - mean[j]
                    variance[j] += d * d
                }
            }
            let unbiased = Float(count) / Float(max(count - 1, 1))
            for j in 0..<width {
                variance[j] *= scale
                inverseStd[j] = 1 / (variance[j] + Self.epsilon).squareRoot()
                runningMean[j] = (1 - Self.momentum) * runningMean[j] + Self.momentum * mean[j]
                runningVariance[j] = (1 - Self.momentum) * runningVariance[j] + Self.momentum * variance[j] * unbiased
            }
            normalise(parameters, x: x, mean: mean.pointer, valid: valid, normalised: normalised, inverseStd: inverseStd, into: y)
        } else {
            for j in 0..<width { inverseStd[j] = 1 / (runningVariance[j] + Self.epsilon).squareRoot() }
            normalise(parameters, x: x, mean: runningMean.pointer, valid: valid, normalised: normalised,
                      inverseStd: inverseStd, into: y)
        }
    }

    private func normalise(_ parameters: ParameterSet, x: UnsafePointer<Float>, mean: UnsafePointer<Float>, valid: [Bool],
                           normalised: UnsafeMutablePointer<Float>, inverseStd: UnsafePointer<Float>,
                           into y: UnsafeMutablePointer<Float>) {
        let g = parameters.value(gamma), b = parameters.value(beta)
        for n in valid.indices {
            let input = x + n * width, xhat = normalised + n * width, output = y + n * width
            guard valid[n] else {
                xhat.update(repeating: 0, count: width)
                output.update(repeating: 0, count: width)
                continue
            }
            for j in 0..<width {
                xhat[j] = (input[j] - mean[j]) * inverseStd[j]
                output[j] = g[j] * xhat[j] + b[j]
            }
        }
    }

    /// The inference transform folded into one affine map per column, y = x·scale + shift,
    /// which is all a served step needs.
    func inferenceAffine(_ parameters: ParameterSet) -> (scale: [Float], shift: [Float]) {
        let g = parameters.value(gamma), b = parameters.value(beta)
        var scale = [Float](repeating: 0, count: width), shift = scale
        for j in 0..<width {
            scale[j] = g[j] / (runningVariance[j] + Self.epsilon).squareRoot()
            shift[j] = b[j] - runningMean[j] * scale[j]
        }
        return (scale, shift)
    }

    // dy [N, D] → dx [N, D]; training couples rows through the batch statistics
    func backward(_ parameters: ParameterSet, dy: UnsafePointer<Float>, normalised: UnsafePointer<Float>,
                  inverseStd: UnsafePointer<Float>, valid: [Bool], training: Bool, dx: UnsafeMutablePointer<Float>) {
        let g = parameters.value(gamma), dGamma = parameters.gradient(gamma), dBeta = parameters.gradient(beta)
        let sumDy = FloatBuffer(count: width), sumDyXhat = FloatBuffer(count: width)
        var count = 0
        for n in valid.indices where valid[n] {
            let d = dy + n * width, xhat = normalised + n * width
            for j in 0..<width {
                sumDy[j] += d[j]
                sumDyXhat[j] += d[j] * xhat[j]
            }
            count += 1
        }
        for j in 0..<width {
            dGamma[j] += sumDyXhat[j]
            dBeta[j] += sumDy[j]
        }
        let scale = 1 / Float(max(count, 1))
        for n in valid.indices {
            let d = dy + n * width, xhat = normalised + n * width, out = dx + n * width
            guard valid[n] else {
                out.update(repeating: 0, count: width)
                continue
            }
            for j in 0..<width {
                let k = g[j] * inverseStd[j]
                out[j] = training ? k * (d[j] - sumDy[j] * scale - xhat[j] * sumDyXhat[j] * scale) : k * d[j]
            }
        }
    }
}
