/// A JSON object kept as ordered members with raw value text, so a test controls exactly
/// what the decoder sees (`20.5` rather than `20`, a 257-byte string, a missing key) instead
/// of depending on how a serializer formats values.
struct JSONObject: Sendable, CustomStringConvertible {
    private var members: [(key: String, raw: String)]

    init(_ members: KeyValuePairs<String, String>) {
        self.members = members.map { (key: $0.key, raw: $0.value) }
    }

    /// Replaces (or appends) a member; `raw` is JSON text, so strings need `quoted(_:)`.
    func setting(_ key: String, raw: String) -> JSONObject {
        var copy = self
        if let index = copy.members.firstIndex(where: { $0.key == key }) {
            copy.members[index].raw = raw
        } else {
            copy.members.append((key: key, raw: raw))
        }
        return copy
    }

    func setting(_ changes: KeyValuePairs<String, String>) -> JSONObject {
        changes.reduce(self) { $0.setting($1.key, raw: $1.value) }
    }

    func removing(_ key: String) -> JSONObject {
        var copy = self
        copy.members.removeAll { $0.key == key }
        return copy
    }

    var description: String {
        "{" + members.map { quoted($0.key) + ": " + $0.raw }.joined(separator: ", ") + "}"
    }

    var bytes: [UInt8] { Array(description.utf8) }
}

/// The JSON string literal for `text`.
func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case _ where scalar.value < 0x20:
            let hex = String(scalar.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// A JSON array of `count` copies of `element` (raw JSON text).
func jsonArray(repeating element: String, count: Int) -> String {
    "[" + Array(repeating: element, count: count).joined(separator: ", ") + "]"
}
