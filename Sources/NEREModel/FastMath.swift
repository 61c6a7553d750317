/// Vectorised exp and tanh for the attention layers. libm's scalar calls cost more than the
/// matrix products around them, so they use a Cephes-style exp: range reduction to
/// r ∈ [−ln2/2, ln2/2], a degree-6 polynomial, and the exponent written into the float's bits.
/// Relative error ≈ 2e-7, far inside the 1e-4 parity tolerance. (The GRU's gates use the same
/// exp in C, CNEREKernels, where it can be compiled for AVX2 and AVX-512 as well.)
///
/// The functions are written on scalars, branch-free and with wrapping integer arithmetic, so
/// that LLVM vectorises the loops over a buffer at whatever width the target offers. (Written
/// on `SIMD16<Float>` they were ten times slower: the standard library's `clamped`,
/// `rounded(_:)` and float-to-integer conversion of SIMD values go lane by lane through generic
/// calls, with NaN checks, and those cost more than the whole recurrence's products.)
enum FastMath {
    /// 1.5·2²³: a float in [2²³, 2²⁴) has a unit ulp, so adding it rounds to the nearest
    /// integer (ties to even), and that integer sits in the sum's low mantissa bits.
    private static let roundingShift: Float = 12_582_912

    @inline(__always)
    static func exp(_ x: Float) -> Float {
        let clamped = min(max(x, -87.3), 88.3)
        let shifted = clamped * 1.442_695_04 + roundingShift
        let n = shifted - roundingShift
        var r = clamped - n * 0.693_359_375
        r = r + n * 2.121_944_4e-4
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        let y = p * r * r + r + 1
        // 2ⁿ: n + 127 in the exponent field; n is the low bits of `shifted`'s pattern.
        let exponent = (shifted.bitPattern &- roundingShift.bitPattern &+ 127) &<< 23
        return y * Float(bitPattern: exponent)
    }

    @inline(__always)
    static func tanh(_ x: Float) -> Float { 1 - 2 / (exp(x + x) + 1) }

    static func tanh(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { values[i] = tanh(values[i]) }
    }
}
