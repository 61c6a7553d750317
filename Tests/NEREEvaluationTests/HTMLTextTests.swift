@testable import NEREEvaluation
import Testing

struct HTMLTextTests {
    @Test(arguments: [
        (0.0, 4, "0.0000"), (1, 4, "1.0000"), (0.12346, 4, "0.1235"), (-0.00001, 4, "0.0000"), (-1.5, 2, "-1.50"),
        (2.5, 0, "3"), (123.456, 1, "123.5"), (0.05, 3, "0.050"), (Double.nan, 2, "NaN"),
    ])
    func fixedDecimals(value: Double, digits: Int, expected: String) {
        #expect(HTMLText.fixed(value, digits) == expected)
    }

    @Test func escapesMarkupAndQuotes() {
        #expect(HTMLText.escape(#"<a href="x">Tom & Jerry's</a>"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLText.escape("déjà vu") == "déjà vu")
    }

    @Test func missingFiguresAreDashes() {
        #expect(HTMLText.figure(nil) == "—")
        #expect(HTMLText.figure(0.5) == "0.5000")
    }

    @Test func shareTicksCoverTheLargestValue() {
        let ticks = PlotFrame.shareTicks(upTo: 0.54)
        #expect(ticks.count == 4)
        #expect(abs(ticks[3] - 0.6) < 1e-12)
        #expect(PlotFrame.shareTicks(upTo: 0.03).last! >= 0.03)
        #expect(PlotFrame.shareTicks(upTo: 3).last == 1)
        #expect(PlotFrame.shareTicks(upTo: 0).count >= 2)
    }

    @Test func smallRecallsGetTickLabelsThatDiffer() {
        let chart = LineChart(title: "t", xLabel: "x", yLabel: "y", xValues: [1, 2],
                              series: [ChartSeries(label: "a", colour: "#000000", points: [(x: 1, y: 0.004), (x: 2, y: 0.009)])]).svg
        #expect(chart.contains(">0.002</text>"))
        #expect(chart.contains(">0.010</text>"))
        #expect(!chart.contains(">0.00</text>"))
    }
}
