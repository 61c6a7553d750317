import COpenBLAS

/// The three products every dense layer needs, on row-major matrices with explicit row
/// strides (so a step's rows can be read straight out of a [B, T, width] activation without
/// gathering). Weights are [out, in], as in PyTorch.
enum BLAS {
    /// y[n, :] = x[n, :] · Wᵀ (+ bias), or += when `accumulate`.
    static func linear(_ x: UnsafePointer<Float>, rows: Int, inputs: Int, xStride: Int,
                       weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?, outputs: Int,
                       into y: UnsafeMutablePointer<Float>, yStride: Int, accumulate: Bool = false) {
        guard rows > 0 else { return }
        if !accumulate {
            for n in 0..<rows {
                let row = y + n * yStride
                if let bias { row.update(from: bias, count: outputs) } else { row.update(repeating: 0, count: outputs) }
            }
        } else if let bias {
            for n in 0..<rows { add(bias, into: y + n * yStride, count: outputs) }
        }
        if rows == 1 {
            // One row is a matrix-vector product: sgemm would first copy all of W into its
            // packed layout (OpenBLAS 0.3.21 does not forward to gemv), ten times the cost.
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(outputs), Int32(inputs), 1, weight, Int32(inputs), x, 1, 1, y, 1)
        } else {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs),
                        1, x, Int32(xStride), weight, Int32(inputs), 1, y, Int32(yStride))
        }
    }

    /// dW += dyᵀ · x and, with a bias, db += Σₙ dy[n, :].
    static func accumulateWeightGradient(_ dy: UnsafePointer<Float>, rows: Int, outputs: Int, dyStride: Int,
                                         _ x: UnsafePointer<Float>, inputs: Int, xStride: Int,
                                         weightGradient: UnsafeMutablePointer<Float>,
                                         biasGradient: UnsafeMutablePointer<Float>?) {
        guard rows > 0 else { return }
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(outputs), Int32(inputs), Int32(rows),
                    1, dy, Int32(dyStride), x, Int32(xStride), 1, weightGradient, Int32(inputs))
        if let biasGradient { accumulateBiasGradient(dy, rows: rows, outputs: outputs, dyStride: dyStride, into: biasGradient) }
    }

    /// db += Σₙ dy[n, :].
    static func accumulateBiasGradient(_ dy: UnsafePointer<Float>, rows: Int, outputs: Int, dyStride: Int,
                                       into biasGradient: UnsafeMutablePointer<Float>) {
        for n in 0..<rows { add(dy + n * dyStride, into: biasGradient, count: outputs) }
    }

    /// dx[n, :] (+)= dy[n, :] · W.
    static func inputGradient(_ dy: UnsafePointer<Float>, rows: Int, outputs: Int, dyStride: Int,
                              weight: UnsafePointer<Float>, inputs: Int,
                              into dx: UnsafeMutablePointer<Float>, dxStride: Int, accumulate: Bool) {
        guard rows > 0 else { return }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(inputs), Int32(outputs),
                    1, dy, Int32(dyStride), weight, Int32(inputs), accumulate ? 1 : 0, dx, Int32(dxStride))
    }

    static func add(_ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, count: Int) {
        cblas_saxpy(Int32(count), 1, x, 1, y, 1)
    }

    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
        cblas_sdot(Int32(count), x, 1, y, 1)
    }

    /// OpenBLAS's own thread pool size for the products that follow (process-wide).
    static func setThreads(_ threads: Int) {
        openblas_set_num_threads(Int32(max(1, threads)))
    }
}

/// Process-wide BLAS threading, for the commands that choose it (training uses both cores,
/// the one-core benchmark one).
public enum ComputeThreads {
    public static func use(_ threads: Int) { BLAS.setThreads(threads) }
}

/// y += α·x.
@inline(__always)
func cblasAxpy(_ alpha: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, _ count: Int) {
    cblas_saxpy(Int32(count), alpha, x, 1, y, 1)
}
