import Dispatch

/// Runs `body(part)` for every part on its own thread and returns when all are done.
func inParallel(_ parts: Int, _ body: @Sendable (Int) -> Void) {
    if parts <= 1 {
        body(0)
    } else {
        DispatchQueue.concurrentPerform(iterations: parts, execute: body)
    }
}

/// A deterministic pseudo-random value in [0, 1) from a few integers (SplitMix64 finaliser):
/// NN-Descent's sampling priorities depend on the node pair and round only, never on which
/// thread got there first, so a seed always builds the same graph.
@inline(__always)
func hashedUnit(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Float {
    var z = a &* 0x9E37_79B9_7F4A_7C15 ^ (b &+ 0x632B_E59B_D9B4_E019) &* 0xBF58_476D_1CE4_E5B9 ^ c
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Float(z >> 40) / Float(1 << 24)
}
