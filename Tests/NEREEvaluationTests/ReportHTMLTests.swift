import Foundation
import NEREEvaluation
import Testing

struct ReportHTMLTests {
    /// Every `<svg …>…</svg>` of the page, in order.
    static func svgs(_ html: String) -> [Substring] {
        var found: [Substring] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            found.append(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// The numeric value of `name="…"` in each element of `tag` carrying `marker`.
    static func attributes(_ names: [String], of tag: String, marker: String, in svg: Substring) -> [[Double]] {
        svg.components(separatedBy: "<\(tag) ").dropFirst().filter { $0.hasPrefix(marker) }.map { element in
            names.map { name in
                let value = element.components(separatedBy: " \(name)=\"")[1].prefix { $0 != "\"" }
                return Double(value) ?? .nan
            }
        }
    }

    @Test func showsEveryContenderAndOneSVGPerChart() {
        let report = SampleReport.make()
        let html = report.html
        for contender in report.contenders {
            #expect(html.contains(">\(contender.label.replacingOccurrences(of: "&", with: "&amp;"))<"))
        }
        #expect(!html.contains("Popularity & co"))
        // recall@100, @1, @10, the heatmap and the reliability diagram.
        #expect(Self.svgs(html).count == 5)
        #expect(html.components(separatedBy: "<svg").count - 1 == 5)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func fetchesNothing() {
        let html = SampleReport.make().html.lowercased()
        for reference in ["http://", "https://", "src=", "href=", "<link", "@import", "<script"] {
            #expect(!html.contains(reference), "\(reference)")
        }
        // The heatmap's gradient is the only url(), and it points into the page.
        #expect(html.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") })
    }

    @Test func escapesStringsFromData() {
        let html = SampleReport.make().html
        #expect(!html.contains("<script>"))
        #expect(html.contains("Les jours &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Les mois de l&#39;année"))
        #expect(html.contains("content &lt;vector&gt;"))
        #expect(html.contains("Quizlet&#39;s &lt;b&gt;."))
    }

    @Test func omitsTheHeatmapWithoutAttention() {
        let html = SampleReport.make(attention: false).html
        #expect(Self.svgs(html).count == 4)
        #expect(!html.contains("heatmap"))
        #expect(html.contains("No attention in this report"))
    }

    @Test func heatmapWritesEveryWeightInItsCell() {
        let report = SampleReport.make()
        let heatmap = try! #require(Self.svgs(report.html).first { $0.contains("class=\"chart heatmap\"") })
        let values = heatmap.components(separatedBy: "class=\"cell-value\"").dropFirst().map {
            String($0.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
        }
        let attention = try! #require(report.attention)
        let expected = (attention.weights.flatMap { $0 } + attention.timeWeights).map { String(format: "%.3f", $0) }
        #expect(values == expected)
        #expect(heatmap.contains("n = 120"))
    }

    @Test func isDeterministicAndSurvivesItsJSON() throws {
        let report = SampleReport.make()
        let decoded = try JSONDecoder().decode(EvaluationReport.self, from: JSONEncoder().encode(report))
        #expect(decoded.html == report.html)
        #expect(SampleReport.make().html == report.html)
    }

    @Test func marksTheBestValuePerColumn() throws {
        let report = SampleReport.make()
        let table = try #require(report.html.components(separatedBy: "<table class=\"metrics\">").dropFirst().first)
        let rows = table.components(separatedBy: "</table>")[0].components(separatedBy: "<tr>").dropFirst(2)
        #expect(rows.count == report.contenders.count)
        // Cells after the label and kind: predictions, then ReportMetric.all; recall@100 is the fourth.
        let recallCells = rows.map { row -> String in row.components(separatedBy: "<td class=\"num")[4] }
        let recalls = report.contenders.map(\.overall.recallAt100)
        let best = try #require(recalls.max())
        for (cell, recall) in zip(recallCells, recalls) {
            #expect(cell.hasPrefix(" best\"") == (recall == best), "\(cell)")
            #expect(cell.contains(">\(String(format: "%.4f", recall))<"))
        }
        // The baseline has no R² and no calibration: dashes, never marked best.
        #expect(rows.last!.components(separatedBy: "—").count - 1 == 2)
    }

    @Test func reliabilityDiagramPutsEachBinWhereTheDataSays() throws {
        let report = SampleReport.make()
        let diagram = try #require(Self.svgs(report.html).first { $0.contains("class=\"diagonal\"") })
        // The diagonal runs from (0, 0) to (1, 1): its ends give the scale to read points back with.
        let diagonal = try #require(Self.attributes(["x1", "y1", "x2", "y2"], of: "line", marker: "class=\"diagonal\"",
                                                    in: diagram).first)
        let points = Self.attributes(["cx", "cy", "r"], of: "circle", marker: "class=\"bin\"", in: diagram)
        let bins = report.contenders.flatMap(\.overall.calibration)
        #expect(!bins.isEmpty)
        #expect(points.count == bins.count)
        let largest = try #require(bins.map(\.predictions).max())
        for (point, bin) in zip(points, bins) {
            let confidence = (point[0] - diagonal[0]) / (diagonal[2] - diagonal[0])
            let hitRate = (point[1] - diagonal[1]) / (diagonal[3] - diagonal[1])
            #expect(abs(confidence - bin.meanConfidence) < 1e-4, "confidence \(confidence) vs \(bin.meanConfidence)")
            #expect(abs(hitRate - bin.hitRate) < 1e-4, "hit rate \(hitRate) vs \(bin.hitRate)")
            #expect((point[2] > 9.99) == (bin.predictions == largest))
        }
    }

    @Test func recallChartHasAPointPerContenderAndLength() throws {
        let report = SampleReport.make()
        let chart = try #require(Self.svgs(report.html).first { $0.contains("<title>recall@100 by history length</title>") })
        #expect(chart.components(separatedBy: "<circle ").count - 1 == report.contenders.count * 5)
        #expect(chart.components(separatedBy: "<polyline ").count - 1 == report.contenders.count)
        for label in ["1", "2", "3", "4", "5", "history length"] {
            #expect(chart.contains(">\(label)</text>"))
        }
    }

    @Test func rendersASampleReportFileFromJSON() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nere-report-sample")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let json = directory.appendingPathComponent("report.json"), page = directory.appendingPathComponent("report.html")
        try JSONEncoder().encode(SampleReport.make()).write(to: json)
        let report = try JSONDecoder().decode(EvaluationReport.self, from: Data(contentsOf: json))
        try Data(report.html.utf8).write(to: page)
        let written = try String(contentsOf: page, encoding: .utf8)
        #expect(written.components(separatedBy: "<svg").count - 1 == 5)
        #expect(written.contains("Les mois de l&#39;année"))
    }
}
