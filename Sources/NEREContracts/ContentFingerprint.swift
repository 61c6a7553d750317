/// A fast 64-bit content hash (multiply–xorshift over 8-byte words) for identifying files and
/// artifacts: which events file a replay's positions belong to, which vectors a model was
/// trained on. Not cryptographic; it detects accidents, not attacks.
public enum ContentFingerprint {
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 33
            offset += 8
        }
        for byte in bytes[offset...] {
            hash = (hash ^ UInt64(byte)) &* 0xFF51_AFD7_ED55_8CCD
        }
        hash ^= UInt64(bytes.count)
        return hash
    }

    /// The hash as 16 hex digits.
    public static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        let text = String(hash(bytes), radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
