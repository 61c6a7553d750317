/// The paper's sequence-length figure: a metric against history length, one line per
/// contender, so that whether longer windows help is visible at a glance.
struct LineChart {
    var title: String
    var xLabel: String
    var yLabel: String
    var xValues: [Double]
    var series: [ChartSeries<(x: Double, y: Double)>]
    var width = 420.0
    var height = 280.0

    var svg: String {
        let yTicks = PlotFrame.shareTicks(upTo: series.flatMap { $0.points.map(\.y) }.max() ?? 0)
        let frame = PlotFrame(width: width, height: height,
                              xDomain: (xValues.min() ?? 0) - 0.25...(xValues.max() ?? 1) + 0.25,
                              yDomain: 0...(yTicks.last ?? 1))
        var body = ""
        for line in series where !line.points.isEmpty {
            body += frame.polyline(line.points, colour: line.colour, strokeWidth: 2)
            for point in line.points {
                body += "<circle cx=\"\(HTMLText.px(frame.x(point.x)))\" cy=\"\(HTMLText.px(frame.y(point.y)))\" r=\"3\" "
                    + "fill=\"\(line.colour)\"><title>\(HTMLText.escape(line.label)): \(HTMLText.fixed(point.y, 4))"
                    + "</title></circle>"
            }
        }
        let xTicks = xValues.map { ($0, HTMLText.fixed($0, 0)) }
        return frame.svg(title: title, xLabel: xLabel, yLabel: yLabel, xTicks: xTicks, yTicks: yTicks, body: body)
    }
}
