import NEREContracts

/// GloVe's draws over the project's seeded `Xoshiro256`, so that a GloVe seed means the same vectors
/// on every machine and toolchain (the standard library's generator cannot be seeded and its
/// shuffle may change between releases).
///
/// Streams: every stochastic step of training (the initial parameters, each block's shuffle in
/// each epoch) draws from its own stream derived from (seed, stream), so the numbers a step
/// sees do not depend on which thread ran first or how many numbers another step drew.
struct GloVeRandom {
    private var core: Xoshiro256

    init(seed: UInt64, stream: UInt64) {
        var streamMixer = stream ^ 0x6a09_e667_f3bc_c908
        core = Xoshiro256(seed: seed ^ Xoshiro256.splitMix(&streamMixer))
    }

    mutating func next() -> UInt64 {
        core.next()
    }

    /// Uniform in [0, 1) with 24 random bits, every value exactly representable.
    mutating func unitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// Uniform in 0..<bound by Lemire's multiply-high (bias below bound / 2^64, irrelevant here).
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: UInt64(bound).multipliedFullWidth(by: next()).high)
    }

    /// Fisher–Yates, in place.
    mutating func shuffle<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
        var remaining = buffer.count
        while remaining > 1 {
            let pick = below(remaining)
            remaining -= 1
            buffer.swapAt(pick, remaining)
        }
    }
}
