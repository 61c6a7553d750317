/// Text that goes into the report page. Titles and terms come from users, so every string
/// from data passes through `escape`; numbers are formatted here, without Foundation or a
/// locale, so that the same report always renders to the same bytes.
enum HTMLText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// `x` with exactly `digits` decimals, rounded half away from zero.
    static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : x < 0 ? "-∞" : "∞" }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(x) * Double(scale)).rounded()
        // Beyond 2^53 the integer split below loses digits; such values are never table figures.
        guard scaled < 9e15 else { return String(x) }
        let units = Int64(scaled)
        let sign = x < 0 && units != 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(units)" }
        let fraction = String(units % scale)
        return "\(sign)\(units / scale).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }

    /// A table figure: four decimals, a dash where there is no value.
    static func figure(_ x: Double?) -> String {
        x.map { fixed($0, 4) } ?? "—"
    }

    /// An SVG coordinate: two decimals are far below a pixel and keep the markup short.
    static func px(_ x: Double) -> String {
        fixed(x, 2)
    }
}
