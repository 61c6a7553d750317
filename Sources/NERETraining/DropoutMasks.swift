import NEREContracts
import NEREModel

/// Dropout of rate 0.5 on the GRU output as `NERENetwork.forward` takes it: one mask value
/// per [B, T, 2H] element, 0 or 2 (inverted dropout, so inference needs no rescaling). Each
/// random 64-bit word decides 64 elements, so masks cost little next to the batch they drop.
struct DropoutMasks {
    private var random: Xoshiro256
    /// Mask values per window: steps × both directions' hidden units.
    private let widthPerRow: Int

    init(seed: UInt64, hidden: Int) {
        random = Xoshiro256(seed: seed)
        widthPerRow = NetworkInput.steps * 2 * hidden
    }

    mutating func next(rows: Int) -> [Float] {
        let count = rows * widthPerRow
        return [Float](unsafeUninitializedCapacity: count) { mask, initialised in
            for start in stride(from: 0, to: count, by: 64) {
                let bits = random.next()
                for k in 0..<min(64, count - start) { mask[start + k] = Float((bits >> UInt64(k)) & 1) * 2 }
            }
            initialised = count
        }
    }
}
