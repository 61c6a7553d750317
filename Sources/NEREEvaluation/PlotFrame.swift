/// The geometry the report's charts share: a plot area inside margins, linear scales from
/// data to pixels (y grows upwards), and axes with ticks, so that every chart reads alike.
struct PlotFrame {
    var width = 420.0
    var height = 280.0
    var left = 56.0
    var right = 16.0
    var top = 28.0
    var bottom = 44.0
    var xDomain: ClosedRange<Double>
    var yDomain: ClosedRange<Double>

    /// Colours by contender order: colour-blind-safe (Okabe–Ito), dark enough on white.
    static let palette = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#7f7f7f"]

    static func colour(_ index: Int) -> String {
        palette[index % palette.count]
    }

    func x(_ value: Double) -> Double {
        left + (value - xDomain.lowerBound) / Self.span(xDomain) * (width - left - right)
    }

    func y(_ value: Double) -> Double {
        height - bottom - (value - yDomain.lowerBound) / Self.span(yDomain) * (height - top - bottom)
    }

    private static func span(_ domain: ClosedRange<Double>) -> Double {
        max(domain.upperBound - domain.lowerBound, .leastNormalMagnitude)
    }

    /// The whole chart: `body` drawn over grid and axes, `title` both as heading and as the
    /// accessible name.
    func svg(title: String, xLabel: String, yLabel: String, xTicks: [(Double, String)], yTicks: [Double],
             body: String) -> String {
        let (w, h) = (HTMLText.px(width), HTMLText.px(height))
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\">"
        out += "<title>\(HTMLText.escape(title))</title>"
        out += "<text class=\"chart-title\" x=\"\(HTMLText.px(left))\" y=\"16\">\(HTMLText.escape(title))</text>"
        let (x0, x1) = (HTMLText.px(left), HTMLText.px(width - right))
        let (y0, y1) = (HTMLText.px(height - bottom), HTMLText.px(top))
        // Enough decimals that neighbouring ticks never read alike (0.002 steps need three).
        let yDigits = yTicks.count > 1 && yTicks[1] - yTicks[0] < 0.01 - 1e-12 ? 3 : 2
        for tick in yTicks {
            let ty = HTMLText.px(y(tick))
            out += "<line class=\"grid\" x1=\"\(x0)\" y1=\"\(ty)\" x2=\"\(x1)\" y2=\"\(ty)\"/>"
            out += "<text class=\"tick\" x=\"\(HTMLText.px(left - 6))\" y=\"\(ty)\" text-anchor=\"end\" "
                + "dominant-baseline=\"middle\">\(HTMLText.fixed(tick, yDigits))</text>"
        }
        for (tick, label) in xTicks {
            let tx = HTMLText.px(x(tick))
            out += "<line class=\"axis\" x1=\"\(tx)\" y1=\"\(y0)\" x2=\"\(tx)\" y2=\"\(HTMLText.px(height - bottom + 4))\"/>"
            out += "<text class=\"tick\" x=\"\(tx)\" y=\"\(HTMLText.px(height - bottom + 16))\" "
                + "text-anchor=\"middle\">\(HTMLText.escape(label))</text>"
        }
        out += "<line class=\"axis\" x1=\"\(x0)\" y1=\"\(y0)\" x2=\"\(x1)\" y2=\"\(y0)\"/>"
        out += "<line class=\"axis\" x1=\"\(x0)\" y1=\"\(y0)\" x2=\"\(x0)\" y2=\"\(y1)\"/>"
        out += "<text class=\"axis-label\" x=\"\(HTMLText.px((left + width - right) / 2))\" "
            + "y=\"\(HTMLText.px(height - 6))\" text-anchor=\"middle\">\(HTMLText.escape(xLabel))</text>"
        let midY = HTMLText.px((top + height - bottom) / 2)
        out += "<text class=\"axis-label\" x=\"14\" y=\"\(midY)\" text-anchor=\"middle\" "
            + "transform=\"rotate(-90 14 \(midY))\">\(HTMLText.escape(yLabel))</text>"
        return out + body + "</svg>"
    }

    /// The data points joined up, in data order.
    func polyline(_ points: [(x: Double, y: Double)], colour: String, strokeWidth: Int) -> String {
        let coordinates = points.map { "\(HTMLText.px(x($0.x))),\(HTMLText.px(y($0.y)))" }
        return "<polyline class=\"series\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"\(strokeWidth)\" "
            + "points=\"\(coordinates.joined(separator: " "))\"/>"
    }

    /// Ticks from 0 to the smallest round value at or above `maximum` (at most 1, for shares),
    /// so that a chart of small recalls is not flattened against a 0–1 axis.
    static func shareTicks(upTo maximum: Double) -> [Double] {
        let ceiling = min(max(maximum, 0.01), 1)
        let step = [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2].first { ceiling / $0 <= 5 } ?? 0.2
        let count = Int((ceiling / step - 1e-9).rounded(.up))
        return (0...count).map { Double($0) * step }
    }
}

/// One contender's marks in a chart: its points (whatever a chart plots) and its colour,
/// which the HTML legend beside the chart repeats.
struct ChartSeries<Point> {
    var label: String
    var colour: String
    var points: [Point]
}
