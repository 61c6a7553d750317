import Foundation

/// The one way payloads are written: compact JSON with sorted keys, so identical values are
/// identical bytes (caches compared across runs, compacted topics de-duplicating).
public enum PayloadEncoding {
    public static func json<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding our own payload types cannot fail: they hold only strings, numbers and
        // arrays, and non-finite numbers are refused on the way in.
        return try! encoder.encode(value)
    }

    public static func jsonText<T: Encodable>(_ value: T) -> String {
        String(decoding: json(value), as: UTF8.self)
    }
}
