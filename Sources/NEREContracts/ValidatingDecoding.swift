import Foundation

extension [any CodingKey] {
    /// `terms[3]`, `source.offset`: the path a person would type to find a value.
    public var jsonPath: String {
        var path = ""
        for key in self {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return path
    }
}

/// Keyed decoding that checks each value against DESIGN §2 as it is read, so every refusal
/// names its field and reason. Payload decoders use it instead of synthesised `Codable`.
struct ValidatingContainer<Key: CodingKey> {
    let container: KeyedDecodingContainer<Key>

    init(_ decoder: any Decoder, keyedBy: Key.Type) throws {
        do {
            container = try decoder.container(keyedBy: Key.self)
        } catch {
            throw ContractViolation(field: decoder.codingPath.jsonPath, reason: .wrongType,
                                    detail: "expected a JSON object")
        }
    }

    func path(_ key: Key) -> String { (container.codingPath + [key]).jsonPath }

    func required<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        guard let value = try optional(type, key) else {
            throw ContractViolation(field: path(key), reason: .missing, detail: "required field is absent or null")
        }
        return value
    }

    func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        do {
            return try container.decodeIfPresent(type, forKey: key)
        } catch let violation as ContractViolation {
            throw violation
        } catch DecodingError.typeMismatch(let expected, let context) {
            throw ContractViolation(field: context.codingPath.jsonPath, reason: .wrongType,
                                    detail: "expected \(Self.jsonTypeName(expected))")
        } catch DecodingError.dataCorrupted(let context) {
            throw ContractViolation(field: context.codingPath.jsonPath, reason: .wrongType,
                                    detail: context.debugDescription)
        } catch DecodingError.valueNotFound(_, let context) {
            throw ContractViolation(field: context.codingPath.jsonPath, reason: .missing, detail: "null value")
        } catch DecodingError.keyNotFound(let missingKey, let context) {
            throw ContractViolation(field: (context.codingPath + [missingKey]).jsonPath, reason: .missing,
                                    detail: "required field is absent")
        } catch {
            // JSONDecoder reports a number that does not fit the Swift type (20.5 or 1e30 for an
            // Int) with an internal error that carries no coding path; left alone it surfaces as
            // "invalid JSON" for the whole payload instead of naming the field.
            throw ContractViolation(field: path(key), reason: .wrongType,
                                    detail: "expected \(Self.jsonTypeName(type)) (\(error))")
        }
    }

    private static func jsonTypeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is Int.Type, is Int64.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "an array" : name.hasPrefix("Dictionary") ? "an object" : name
        }
    }

    // MARK: Typed fields

    /// Identifiers: non-empty, at most `ContractLimits.maxIDBytes` UTF-8 bytes.
    func identifier(_ key: Key) throws -> String {
        try text(key, maxBytes: ContractLimits.maxIDBytes)
    }

    func text(_ key: Key, maxBytes: Int) throws -> String {
        try checkText(required(String.self, key), key, maxBytes: maxBytes)
    }

    func optionalText(_ key: Key, maxBytes: Int) throws -> String? {
        try optional(String.self, key).map { try checkText($0, key, maxBytes: maxBytes) }
    }

    private func checkText(_ value: String, _ key: Key, maxBytes: Int) throws -> String {
        if value.isEmpty {
            throw ContractViolation(field: path(key), reason: .empty, detail: "must not be empty")
        }
        if value.utf8.count > maxBytes {
            throw ContractViolation(field: path(key), reason: .tooLong,
                                    detail: "\(value.utf8.count) bytes, at most \(maxBytes) allowed")
        }
        return value
    }

    func timestamp(_ key: Key, now: Timestamp) throws -> Timestamp {
        let value = try required(Timestamp.self, key)
        if value < ContractLimits.earliestTimestamp {
            throw ContractViolation(field: path(key), reason: .tooOld, detail: "\(value) is before 2000-01-01")
        }
        if value.microsecondsSinceEpoch > now.microsecondsSinceEpoch + ContractLimits.futureToleranceSeconds * 1_000_000 {
            throw ContractViolation(field: path(key), reason: .inFuture,
                                    detail: "\(value) is more than a day after \(now)")
        }
        return value
    }

    func optionalNumber(_ key: Key, in range: ClosedRange<Double>) throws -> Double? {
        guard let value = try optional(Double.self, key) else { return nil }
        return try checkRange(value, key, range)
    }

    func number(_ key: Key, in range: ClosedRange<Double>) throws -> Double {
        try checkRange(required(Double.self, key), key, range)
    }

    private func checkRange(_ value: Double, _ key: Key, _ range: ClosedRange<Double>) throws -> Double {
        guard value.isFinite, range.contains(value) else {
            throw ContractViolation(field: path(key), reason: .outOfRange,
                                    detail: "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    func optionalInteger(_ key: Key, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = try optional(Int.self, key) else { return nil }
        return try checkRange(value, key, range)
    }

    func integer(_ key: Key, in range: ClosedRange<Int>) throws -> Int {
        try checkRange(required(Int.self, key), key, range)
    }

    private func checkRange(_ value: Int, _ key: Key, _ range: ClosedRange<Int>) throws -> Int {
        guard range.contains(value) else {
            throw ContractViolation(field: path(key), reason: .outOfRange,
                                    detail: "\(value) is outside \(range.lowerBound)…\(range.upperBound)")
        }
        return value
    }

    func subject(_ key: Key) throws -> Subject? {
        guard let raw = try optional(String.self, key) else { return nil }
        guard let subject = Subject(rawValue: raw) else {
            throw ContractViolation(field: path(key), reason: .unknownSubject,
                                    detail: "\(raw.prefix(64)) is not one of the paper's 17 subjects")
        }
        return subject
    }
}

/// Entry point shared by every payload: size and encoding checks happen before JSON parsing
/// so a 50 MB or binary message costs nothing more than a length check.
public enum PayloadDecoding {
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: some Collection<UInt8>,
                                            now: Timestamp) -> Result<T, ContractViolation> {
        if let result = bytes.withContiguousStorageIfAvailable({ decode(type, raw: UnsafeRawBufferPointer($0), now: now) }) {
            return result
        }
        return Array(bytes).withUnsafeBytes { decode(type, raw: $0, now: now) }
    }

    public static func decode<T: Decodable>(_ type: T.Type, raw bytes: UnsafeRawBufferPointer,
                                            now: Timestamp) -> Result<T, ContractViolation> {
        if bytes.count > ContractLimits.maxPayloadBytes {
            return .failure(ContractViolation(field: "", reason: .payloadTooLarge,
                                              detail: "\(bytes.count) bytes, at most \(ContractLimits.maxPayloadBytes) allowed"))
        }
        var ascii = true
        var nul = false
        for byte in bytes {
            if byte >= 0x80 { ascii = false }
            if byte == 0 { nul = true }
        }
        if !ascii, String(validating: bytes.assumingMemoryBound(to: UInt8.self), as: UTF8.self) == nil {
            return .failure(ContractViolation(field: "", reason: .invalidUTF8, detail: "payload is not valid UTF-8"))
        }
        // UTF-8 JSON text never holds a raw NUL, but UTF-16/32 text of ASCII characters does and
        // is otherwise valid UTF-8, which a lenient parser would transcode and accept.
        if nul {
            return .failure(ContractViolation(field: "", reason: .invalidJSON,
                                              detail: "payload contains a NUL byte (UTF-16 or UTF-32 text?)"))
        }
        do {
            let root = try JSONParser.parse(bytes)
            let decoder = JSONValueDecoder(value: root, userInfo: [.validationClock: now])
            return .success(try T(from: decoder))
        } catch let failure as JSONParser.Failure {
            return .failure(ContractViolation(field: "", reason: .invalidJSON, detail: failure.message))
        } catch let violation as ContractViolation {
            return .failure(violation)
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            return .failure(ContractViolation(field: "", reason: .wrongType, detail: "payload is not a JSON object"))
        } catch {
            return .failure(ContractViolation(field: "", reason: .invalidJSON, detail: Self.describe(error)))
        }
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return String(describing: error)
    }
}

extension CodingUserInfoKey {
    /// The instant "now" for future-timestamp checks; replay and tests pin it.
    public static let validationClock = CodingUserInfoKey(rawValue: "nere.validationClock")!
}

extension Decoder {
    var validationClock: Timestamp {
        userInfo[.validationClock] as? Timestamp ?? Timestamp.now
    }
}

extension Timestamp {
    public static var now: Timestamp {
        Timestamp(secondsSinceEpoch: Date().timeIntervalSince1970)
    }
}
