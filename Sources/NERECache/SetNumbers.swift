import NEREContracts
import Synchronization

/// Each catalog set's rowid in the `sets` table, a small integer that never changes (sets
/// are upserted in place). Rankings are stored as these numbers: a 100-deep ranking in every
/// recommendation row is a third of the bytes a replay writes, and numbers take half the
/// space of ids. Sets without a row (only seen in events) are stored by id.
final class SetNumbers: Sendable {
    private struct Maps {
        var numberByID: [String: Int64] = [:]
        var idByNumber: [Int64: String] = [:]
    }

    private let maps = Mutex(Maps())

    func insert(_ rows: [(number: Int64, id: String)]) {
        maps.withLock { maps in
            for row in rows {
                maps.numberByID[row.id] = row.number
                maps.idByNumber[row.number] = row.id
            }
        }
    }

    /// `[12, 345, "unlisted-set"]`: numbers where the catalog has them.
    func encode(_ setIDs: some Sequence<String>) -> String {
        maps.withLock { maps in
            var writer = JSONWriter()
            writer.array(setIDs) { writer, id in
                if let number = maps.numberByID[id] { writer.number(Int(number)) } else { writer.string(id) }
            }
            return writer.text
        }
    }

    func decode(_ references: [SetReference]) -> [String]? {
        maps.withLock { maps in
            var ids: [String] = []
            for reference in references {
                switch reference {
                case .number(let number):
                    guard let id = maps.idByNumber[number] else { return nil }
                    ids.append(id)
                case .id(let id):
                    ids.append(id)
                }
            }
            return ids
        }
    }
}

/// One element of a stored ranking: a `sets` rowid or, for sets without a row, the id.
enum SetReference: Decodable {
    case number(Int64)
    case id(String)

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let number = try? value.decode(Int64.self) {
            self = .number(number)
        } else {
            self = .id(try value.decode(String.self))
        }
    }
}
