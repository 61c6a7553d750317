import Foundation
import NEREContracts

/// The order of events.jsonl and the faults planted in it. Sessions are delivered in
/// `ended_at` order, as a stream would deliver them, except for the faults a consumer must
/// survive: late deliveries (a phone that synced hours later), duplicates (a producer retry
/// minutes later) and malformed payloads. Faults are only planted on sessions of users 13 or
/// older, so each line counts towards exactly one kind of trouble.
struct EventLog {
    enum Kind: UInt8 {
        case regular, late, duplicate, malformed
    }

    struct Line {
        /// Index into the `ended_at`-sorted sessions; also the event's number.
        var session: Int32
        var kind: Kind
        var malformation: Malformation
        var key: Int64
        var order: Int64
    }

    private(set) var lines: [Line] = []

    init(sessions: [SessionRecord], learners: [Learner], configuration: SyntheticConfiguration,
         random: inout RandomSource) {
        let count = sessions.count
        let eligible = sessions.indices.filter { !learners[Int(sessions[$0].learner)].underage }
        let duplicates = Int((Double(count) * configuration.duplicateShare).rounded())
        let late = Int((Double(count) * configuration.lateShare).rounded())
        let malformed = max(Malformation.allCases.count, Int((Double(count) * configuration.malformedShare).rounded()))
        var chosen = random.sample(duplicates + late + malformed, of: eligible.count).map { eligible[$0] }
        random.shuffle(&chosen)

        var kinds = Array(repeating: Kind.regular, count: count)
        var malformations = Array(repeating: Malformation.endedBeforeStarted, count: count)
        for (rank, session) in chosen.enumerated() {
            if rank < duplicates {
                kinds[session] = .duplicate
            } else if rank < duplicates + late {
                kinds[session] = .late
            } else {
                kinds[session] = .malformed
                malformations[session] = Malformation.allCases[(rank - duplicates - late) % Malformation.allCases.count]
            }
        }

        lines.reserveCapacity(count + duplicates)
        let total = Int64(count)
        for index in 0..<count {
            let end = sessions[index].end
            let session = Int32(index)
            switch kinds[index] {
            case .late:
                lines.append(Line(session: session, kind: .late, malformation: .endedBeforeStarted,
                                  key: end + Int64(random.int(in: 3600...259_200)), order: total + Int64(index)))
            case .duplicate:
                lines.append(Line(session: session, kind: .regular, malformation: .endedBeforeStarted,
                                  key: end, order: Int64(index)))
                lines.append(Line(session: session, kind: .duplicate, malformation: .endedBeforeStarted,
                                  key: end + Int64(random.int(in: 1...7200)), order: 2 * total + Int64(index)))
            case .malformed:
                lines.append(Line(session: session, kind: .malformed, malformation: malformations[index],
                                  key: end, order: Int64(index)))
            case .regular:
                lines.append(Line(session: session, kind: .regular, malformation: .endedBeforeStarted,
                                  key: end, order: Int64(index)))
            }
        }
        lines.sort { ($0.key, $0.order) < ($1.key, $1.order) }
    }
}

/// Ways a producer breaks a payload. Each is rejected by `SessionDecoding` for a different
/// reason, so the dead-letter path sees more than one kind of failure.
enum Malformation: CaseIterable, Sendable {
    case endedBeforeStarted
    case missingUserID
    case nonRFC3339Timestamp
    case truncatedJSON
    case unknownSubject

    /// `session` is the well-formed event; `variant` picks among equivalent breakages.
    func payload(for session: StudySession, variant: Int) -> [UInt8] {
        var session = session
        switch self {
        case .endedBeforeStarted:
            swap(&session.startedAt, &session.endedAt)
            return Array(PayloadEncoding.json(session))
        case .missingUserID:
            return Array(Malformation.removing(field: "user_id", from: PayloadEncoding.jsonText(session)).utf8)
        case .nonRFC3339Timestamp:
            let rfc = session.endedAt.rfc3339
            let local: String
            switch variant % 3 {
            case 0:
                local = rfc.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
            case 1:
                let date = rfc.prefix(10).split(separator: "-")
                local = "\(date[1])/\(date[2])/\(date[0]) " + rfc.dropFirst(11).prefix(8)
            default:
                local = String(session.endedAt.microsecondsSinceEpoch / 1_000_000)
            }
            return Array(Malformation.replacing(field: "ended_at", with: local, in: PayloadEncoding.jsonText(session)).utf8)
        case .truncatedJSON:
            let bytes = Array(PayloadEncoding.json(session))
            return Array(bytes.prefix(bytes.count * (40 + variant % 40) / 100))
        case .unknownSubject:
            let invented = ["Mathematics", "Biology", "Music", "english"][variant % 4]
            session.subject = session.subject ?? .history
            return Array(Malformation.replacing(field: "subject", with: invented, in: PayloadEncoding.jsonText(session)).utf8)
        }
    }

    /// Drops `,"field":"value"` from one-line JSON whose string values hold no quotes.
    private static func removing(field: String, from json: String) -> String {
        guard let key = json.range(of: ",\"\(field)\":\""),
              let close = json[key.upperBound...].firstIndex(of: "\"") else { return json }
        return String(json[..<key.lowerBound] + json[json.index(after: close)...])
    }

    private static func replacing(field: String, with value: String, in json: String) -> String {
        guard let key = json.range(of: "\"\(field)\":\""),
              let close = json[key.upperBound...].firstIndex(of: "\"") else { return json }
        return String(json[..<key.upperBound] + value + json[close...])
    }
}
