/// A fully connected layer, ReLU or linear (the output layer).
struct DenseLayer {
    let weight: Int
    let bias: Int
    let inputs: Int
    let outputs: Int
    let rectified: Bool

    init(_ parameters: ParameterSet, name: String, inputs: Int, outputs: Int, rectified: Bool) {
        self.inputs = inputs
        self.outputs = outputs
        self.rectified = rectified
        weight = parameters.declare("\(name).weight", [outputs, inputs])
        bias = parameters.declare("\(name).bias", [outputs])
    }

    // x [B, in] → y [B, out]
    func forward(_ parameters: ParameterSet, x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>) {
        BLAS.linear(x, rows: rows, inputs: inputs, xStride: inputs, weight: parameters.value(weight),
                    bias: parameters.value(bias), outputs: outputs, into: y, yStride: outputs)
        if rectified {
            // max rather than a conditional store, which LLVM does not vectorise
            for i in 0..<(rows * outputs) { y[i] = max(y[i], 0) }
        }
    }

    // dy [B, out] → dx [B, in] (overwritten); dy is masked by the ReLU in place
    func backward(_ parameters: ParameterSet, dy: UnsafeMutablePointer<Float>, x: UnsafePointer<Float>, y: UnsafePointer<Float>,
                  rows: Int, dx: UnsafeMutablePointer<Float>?) {
        if rectified {
            for i in 0..<(rows * outputs) where y[i] <= 0 { dy[i] = 0 }
        }
        BLAS.accumulateWeightGradient(dy, rows: rows, outputs: outputs, dyStride: outputs, x, inputs: inputs, xStride: inputs,
                                      weightGradient: parameters.gradient(weight), biasGradient: parameters.gradient(bias))
        if let dx {
            BLAS.inputGradient(dy, rows: rows, outputs: outputs, dyStride: outputs, weight: parameters.value(weight),
                               inputs: inputs, into: dx, dxStride: inputs, accumulate: false)
        }
    }
}
