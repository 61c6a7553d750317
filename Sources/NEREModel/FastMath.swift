/// Vectorised exp, sigmoid and tanh for the gate loops. libm's scalar calls cost more than the
/// recurrent matrix products at batch 64 (three transcendental calls per hidden unit and step),
/// so they are computed sixteen lanes at a time with a Cephes-style exp: range reduction to
/// r ∈ [−ln2/2, ln2/2], a degree-6 polynomial, and the exponent written into the float's bits.
/// Relative error ≈ 2e-7, far inside the 1e-4 parity tolerance.
enum FastMath {
    typealias Lanes = SIMD16<Float>

    @inline(__always)
    static func exp(_ x: Lanes) -> Lanes {
        let clamped = x.clamped(lowerBound: Lanes(repeating: -87.3), upperBound: Lanes(repeating: 88.3))
        let n = (clamped * 1.442_695_04).rounded(.toNearestOrEven)
        var r = clamped - n * 0.693_359_375
        r = r + n * 2.121_944_4e-4
        var p = Lanes(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        let y = p * r * r + r + 1
        let exponent = (SIMD16<Int32>(n, rounding: .towardZero) &+ 127) &<< 23
        return y * unsafeBitCast(exponent, to: Lanes.self)
    }

    @inline(__always)
    static func sigmoid(_ x: Lanes) -> Lanes { 1 / (1 + exp(-x)) }

    @inline(__always)
    static func tanh(_ x: Lanes) -> Lanes { 1 - 2 / (exp(x + x) + 1) }

    static func sigmoid(_ values: UnsafeMutablePointer<Float>, count: Int) {
        apply(values, count: count, sigmoid)
    }

    static func tanh(_ values: UnsafeMutablePointer<Float>, count: Int) {
        apply(values, count: count, tanh)
    }

    @inline(__always)
    private static func apply(_ values: UnsafeMutablePointer<Float>, count: Int, _ f: (Lanes) -> Lanes) {
        var i = 0
        while i + 16 <= count {
            let raw = UnsafeMutableRawPointer(values + i)
            raw.storeBytes(of: f(raw.loadUnaligned(as: Lanes.self)), as: Lanes.self)
            i += 16
        }
        if i < count {
            var tail = Lanes()
            for k in 0..<(count - i) { tail[k] = values[i + k] }
            tail = f(tail)
            for k in 0..<(count - i) { values[i + k] = tail[k] }
        }
    }
}
