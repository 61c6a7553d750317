@testable import NEREContracts

/// What the service does with one record value. Underage sessions are `dropped`: kept out
/// of the DLQ as well as the store, so they count as "not refused" when comparing with a
/// schema.
enum Outcome: Sendable, Equatable, CustomStringConvertible {
    case accepted
    case dropped
    case rejected(field: String, reason: ContractViolation.Reason)

    var reason: ContractViolation.Reason? {
        if case .rejected(_, let reason) = self { reason } else { nil }
    }

    var description: String {
        switch self {
        case .accepted: "accepted"
        case .dropped: "dropped"
        case .rejected(let field, let reason): "rejected(\(field.isEmpty ? "<document>" : field): \(reason.rawValue))"
        }
    }
}

extension Outcome {
    init(_ violation: ContractViolation) {
        self = .rejected(field: violation.field, reason: violation.reason)
    }

    init<T>(_ result: Result<T, ContractViolation>) {
        switch result {
        case .success: self = .accepted
        case .failure(let violation): self.init(violation)
        }
    }
}
