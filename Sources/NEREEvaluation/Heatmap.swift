/// The paper's attention figure: feature group × time step, brighter where the model looked
/// more, with the window-level attention over time as a separate row beneath. Values are
/// written in the cells, because shades alone do not compare across rows.
struct Heatmap {
    var attention: EvaluationReport.AttentionHeatmap

    private let cellWidth = 64.0
    private let cellHeight = 26.0
    private let top = 48.0

    var svg: String {
        let steps = max(attention.timeWeights.count, attention.weights.map(\.count).max() ?? 0)
        let labelWidth = min(220, max(80, 7 * Double(attention.groups.map(\.count).max() ?? 0) + 12))
        let all = attention.weights.flatMap { $0 } + attention.timeWeights
        let largest = max(all.filter(\.isFinite).max() ?? 0, .leastNormalMagnitude)
        let gridWidth = Double(steps) * cellWidth
        let timeRowY = top + Double(attention.groups.count) * cellHeight + 10
        let legendY = timeRowY + cellHeight + 34
        let width = labelWidth + gridWidth + 16, height = legendY + 36
        let (w, h) = (HTMLText.px(width), HTMLText.px(height))

        var out = "<svg class=\"chart heatmap\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\">"
        out += "<title>Attention by feature group and time step</title>"
        out += "<text class=\"chart-title\" x=\"4\" y=\"16\">Attention: feature group × time step (t = newest)</text>"
        for step in 0..<steps {
            let label = step == steps - 1 ? "t" : "t−\(steps - 1 - step)"
            out += "<text class=\"tick\" x=\"\(HTMLText.px(labelWidth + (Double(step) + 0.5) * cellWidth))\" "
                + "y=\"\(HTMLText.px(top - 8))\" text-anchor=\"middle\">\(label)</text>"
        }
        func row(_ name: String, _ values: [Double], y: Double) -> String {
            var row = "<text class=\"tick\" x=\"\(HTMLText.px(labelWidth - 6))\" y=\"\(HTMLText.px(y + cellHeight / 2))\" "
                + "text-anchor=\"end\" dominant-baseline=\"middle\">\(HTMLText.escape(name))</text>"
            for (step, value) in values.prefix(steps).enumerated() {
                let x = labelWidth + Double(step) * cellWidth
                let shade = value.isFinite ? min(max(value / largest, 0), 1) : 0
                row += "<rect class=\"cell\" x=\"\(HTMLText.px(x))\" y=\"\(HTMLText.px(y))\" width=\"\(HTMLText.px(cellWidth))\" "
                    + "height=\"\(HTMLText.px(cellHeight))\" fill=\"\(Self.colour(shade))\"/>"
                row += "<text class=\"cell-value\" x=\"\(HTMLText.px(x + cellWidth / 2))\" "
                    + "y=\"\(HTMLText.px(y + cellHeight / 2))\" text-anchor=\"middle\" dominant-baseline=\"middle\" "
                    + "fill=\"\(shade > 0.55 ? "#ffffff" : "#000000")\">\(HTMLText.fixed(value, 3))</text>"
            }
            return row
        }
        for (g, name) in attention.groups.enumerated() where g < attention.weights.count {
            out += row(name, attention.weights[g], y: top + Double(g) * cellHeight)
        }
        out += row("time (window)", attention.timeWeights, y: timeRowY)
        for (step, count) in attention.predictionsPerStep.prefix(steps).enumerated() {
            out += "<text class=\"tick\" x=\"\(HTMLText.px(labelWidth + (Double(step) + 0.5) * cellWidth))\" "
                + "y=\"\(HTMLText.px(timeRowY + cellHeight + 14))\" text-anchor=\"middle\">n = \(count)</text>"
        }
        return out + legend(x: labelWidth, y: legendY, width: gridWidth, largest: largest) + "</svg>"
    }

    private func legend(x: Double, y: Double, width: Double, largest: Double) -> String {
        var out = "<defs><linearGradient id=\"attention-scale\">"
        for stop in 0...4 {
            let t = Double(stop) / 4
            out += "<stop offset=\"\(HTMLText.fixed(t, 2))\" stop-color=\"\(Self.colour(t))\"/>"
        }
        out += "</linearGradient></defs>"
        out += "<rect x=\"\(HTMLText.px(x))\" y=\"\(HTMLText.px(y))\" width=\"\(HTMLText.px(width))\" height=\"12\" "
            + "fill=\"url(#attention-scale)\" stroke=\"#999999\"/>"
        for stop in 0...2 {
            let t = Double(stop) / 2
            out += "<text class=\"tick\" x=\"\(HTMLText.px(x + t * width))\" y=\"\(HTMLText.px(y + 26))\" "
                + "text-anchor=\"middle\">\(HTMLText.fixed(t * largest, 3))</text>"
        }
        return out
    }

    /// Light to dark blue: `t` in 0…1 of the largest weight shown.
    static func colour(_ t: Double) -> String {
        let light = (247.0, 251.0, 255.0), dark = (8.0, 48.0, 107.0)
        func channel(_ a: Double, _ b: Double) -> String {
            let value = Int((a + (b - a) * t).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(light.0, dark.0) + channel(light.1, dark.1) + channel(light.2, dark.2)
    }
}
