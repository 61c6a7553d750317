/// Whether a contender's confidence means what it says (DESIGN §5): mean confidence against
/// hit rate per bin, the diagonal being perfect calibration. A bin's area follows its
/// predictions, so that a far-off point backed by three predictions does not look like a
/// verdict.
struct ReliabilityDiagram {
    var series: [ChartSeries<CalibrationBin>]
    var width = 420.0
    var height = 340.0

    var svg: String {
        let frame = PlotFrame(width: width, height: height, xDomain: 0...1, yDomain: 0...1)
        let largest = Double(series.flatMap { $0.points.map(\.predictions) }.max() ?? 1)
        var body = "<line class=\"diagonal\" x1=\"\(HTMLText.px(frame.x(0)))\" y1=\"\(HTMLText.px(frame.y(0)))\" "
            + "x2=\"\(HTMLText.px(frame.x(1)))\" y2=\"\(HTMLText.px(frame.y(1)))\"/>"
        for line in series where !line.points.isEmpty {
            body += frame.polyline(line.points.map { (x: $0.meanConfidence, y: $0.hitRate) }, colour: line.colour,
                                   strokeWidth: 1)
            for bin in line.points {
                let radius = 2.5 + 7.5 * (Double(bin.predictions) / largest).squareRoot()
                body += "<circle class=\"bin\" cx=\"\(HTMLText.px(frame.x(bin.meanConfidence)))\" "
                    + "cy=\"\(HTMLText.px(frame.y(bin.hitRate)))\" r=\"\(HTMLText.px(radius))\" fill=\"\(line.colour)\" "
                    + "fill-opacity=\"0.6\"><title>\(HTMLText.escape(line.label)): confidence "
                    + "\(HTMLText.fixed(bin.lower, 1))–\(HTMLText.fixed(bin.upper, 1)), \(bin.predictions) predictions, "
                    + "mean confidence \(HTMLText.fixed(bin.meanConfidence, 4)), hit rate \(HTMLText.fixed(bin.hitRate, 4))"
                    + "</title></circle>"
            }
        }
        let ticks = stride(from: 0.0, through: 1.0, by: 0.2).map { $0 }
        return frame.svg(title: "Calibration (overall, history 1–5)", xLabel: "mean confidence",
                         yLabel: "hit rate (studied set in the ranking)", xTicks: ticks.map { ($0, HTMLText.fixed($0, 1)) },
                         yTicks: ticks, body: body)
    }
}
