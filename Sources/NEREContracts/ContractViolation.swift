/// Why a payload was refused. `field` is a JSON path such as `ended_at` or `terms[3]`
/// (empty for problems with the document as a whole), so a DLQ reader can find the
/// offending value without re-running the validator.
public struct ContractViolation: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        case payloadTooLarge = "payload_too_large"
        case invalidUTF8 = "invalid_utf8"
        case invalidJSON = "invalid_json"
        case missing = "missing"
        case wrongType = "wrong_type"
        case empty = "empty"
        case tooLong = "too_long"
        case invalidTimestamp = "invalid_timestamp"
        case endedBeforeStarted = "ended_before_started"
        case inFuture = "in_future"
        case tooOld = "too_old"
        case outOfRange = "out_of_range"
        case lengthMismatch = "length_mismatch"
        case unknownSubject = "unknown_subject"
        case invalidIP = "invalid_ip"
        case unknownSet = "unknown_set"
    }

    public var field: String
    public var reason: Reason
    public var detail: String

    public init(field: String, reason: Reason, detail: String) {
        self.field = field
        self.reason = reason
        self.detail = detail
    }

    public var description: String {
        field.isEmpty ? "\(reason.rawValue): \(detail)" : "\(field): \(reason.rawValue): \(detail)"
    }
}
