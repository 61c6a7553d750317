import Testing
@testable import NEREContracts

/// One document the decoder must refuse, and exactly how.
struct Refusal: Sendable, CustomTestStringConvertible {
    let name: String
    let document: JSONObject
    let field: String
    let reason: ContractViolation.Reason

    init(_ name: String, _ document: JSONObject, _ field: String, _ reason: ContractViolation.Reason) {
        self.name = name
        self.document = document
        self.field = field
        self.reason = reason
    }

    /// One refusal per field that must be present.
    static func missing(_ fields: [String], from document: JSONObject) -> [Refusal] {
        fields.map { Refusal("missing \($0)", document.removing($0), $0, .missing) }
    }

    var expected: Outcome { .rejected(field: field, reason: reason) }
    var testDescription: String { name }
}

/// A document the decoder must accept.
struct Example: Sendable, CustomTestStringConvertible {
    let name: String
    let document: JSONObject

    init(_ name: String, _ document: JSONObject) {
        self.name = name
        self.document = document
    }

    var testDescription: String { name }
}
