import Foundation
import Testing
@testable import NEREContracts

/// Checks every payload makes before its fields are read: size, encoding, JSON, objectness.
@Suite("Payload envelope")
struct PayloadEnvelopeTests {
    static let limit = ContractLimits.maxPayloadBytes

    /// The valid document padded with trailing whitespace to exactly `size` bytes.
    static func padded(_ kind: PayloadKind, to size: Int) -> [UInt8] {
        let bytes = kind.valid.bytes
        return bytes + Array(repeating: UInt8(ascii: " "), count: size - bytes.count)
    }

    @Test(arguments: PayloadKind.allCases)
    func acceptsAPayloadOfExactlyTheLimit(_ kind: PayloadKind) {
        #expect(kind.decode(Self.padded(kind, to: Self.limit)) == .accepted)
    }

    @Test(arguments: PayloadKind.allCases)
    func refusesAPayloadOneByteOverTheLimit(_ kind: PayloadKind) {
        #expect(kind.decode(Self.padded(kind, to: Self.limit + 1)) == .rejected(field: "", reason: .payloadTooLarge))
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let bytes: [UInt8]
        let reason: ContractViolation.Reason

        init(_ name: String, _ bytes: [UInt8], _ reason: ContractViolation.Reason) {
            testDescription = name
            self.bytes = bytes
            self.reason = reason
        }

        /// A user_id string with `bytes` spliced into it.
        init(_ name: String, inString bytes: [UInt8], _ reason: ContractViolation.Reason) {
            self.init(name, Array(#"{"user_id": "u"#.utf8) + bytes + Array(#""}"#.utf8), reason)
        }
    }

    static let malformed = [
        Malformed("a byte that is never UTF-8", inString: [0xFF], .invalidUTF8),
        Malformed("a truncated UTF-8 sequence", inString: [0xC3], .invalidUTF8),
        Malformed("an encoded surrogate", inString: [0xED, 0xA0, 0x80], .invalidUTF8),
        Malformed("an overlong encoding", inString: [0xC0, 0xAF], .invalidUTF8),
        Malformed("a NUL byte", inString: [0], .invalidJSON),
        Malformed("empty", [], .invalidJSON),
        Malformed("truncated", Array(#"{"user_id": "u-42", "set_id": "#.utf8), .invalidJSON),
        Malformed("trailing garbage", Array(#"{"user_id": "u-42"} {"#.utf8), .invalidJSON),
        Malformed("single quotes", Array("{'user_id': 'u-42'}".utf8), .invalidJSON),
        Malformed("an array", Array("[1, 2]".utf8), .wrongType),
        Malformed("a string", Array(#""u-42""#.utf8), .wrongType),
        Malformed("a number", Array("42".utf8), .wrongType),
        Malformed("null", Array("null".utf8), .wrongType),
        Malformed("true", Array("true".utf8), .wrongType),
    ]

    @Test(arguments: PayloadKind.allCases, malformed)
    func refusesMalformedPayloads(_ kind: PayloadKind, _ payload: Malformed) {
        #expect(kind.decode(payload.bytes) == .rejected(field: "", reason: payload.reason))
    }

    /// UTF-16 text of ASCII characters is valid UTF-8 byte for byte, and JSONDecoder would
    /// transcode it; DESIGN §2 says payloads are UTF-8.
    @Test(arguments: PayloadKind.allCases)
    func refusesUTF16(_ kind: PayloadKind) {
        let ascii = String(kind.valid.description.unicodeScalars.map { $0.isASCII ? Character($0) : "x" })
        let utf16LE = ascii.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8($0 >> 8)] }
        #expect(kind.decode(Array(ascii.utf8)) == .accepted)
        #expect(kind.decode(utf16LE) == .rejected(field: "", reason: .invalidJSON))
    }
}
