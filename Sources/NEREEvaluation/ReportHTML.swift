/// `report.html` of `nere evaluate`: the same report as `report.json`, readable without any
/// tool. One file with inline CSS and SVG and nothing fetched, so it can be mailed, archived
/// or opened offline and always shows what it showed when written.
extension EvaluationReport {
    public var html: String {
        var page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        page += "<title>NERE-Stream evaluation</title><style>\(Self.style)</style></head><body>\n"
        page += header
        page += "<section><h2>Results (history length 1–5)</h2>\(metricsTable)"
        page += "<p class=\"note\">Best value per column in bold; calibration error: lower is better.</p>"
        page += contenderList + "</section>\n"
        page += "<section><h2>By history length</h2>\(historyLengthTables)</section>\n"
        page += "<section><h2>Recall against history length</h2>\(recallCharts)</section>\n"
        page += "<section><h2>Attention</h2>\(attentionFigure)</section>\n"
        page += "<section><h2>Calibration</h2>\(calibrationFigure)</section>\n"
        page += "<section><h2>Against the paper</h2>\(paperComparison)</section>\n"
        page += "<section><h2>Examples</h2>\(exampleList)</section>\n"
        return page + "</body></html>\n"
    }

    private static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:72em;padding:0 1em;\
        color:#222}h1{margin-bottom:.2em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}\
        table{border-collapse:collapse;margin:.5em 0}th,td{padding:.25em .6em;border-bottom:1px solid #e4e4e4;\
        text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}td.best{font-weight:bold;\
        background:#e8f3e8}caption{text-align:left;font-weight:bold;padding:.3em 0}.small-tables{display:flex;\
        flex-wrap:wrap;gap:0 2em}.small-tables table{font-size:.85em}dl.facts{display:grid;\
        grid-template-columns:max-content auto;gap:.2em 1em}dl.facts dt{font-weight:bold}.note{color:#666}\
        .charts{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}svg.chart{font-size:11px}\
        svg .chart-title{font-weight:bold;font-size:12px}svg .grid{stroke:#e4e4e4}svg .axis{stroke:#444}\
        svg .diagonal{stroke:#999;stroke-dasharray:4 3}svg .cell{stroke:#fff}ul.legend{list-style:none;padding:0;\
        display:flex;flex-wrap:wrap;gap:.3em 1.2em}.swatch{display:inline-block;width:.9em;height:.9em;\
        margin-right:.35em;vertical-align:middle}.terms{color:#666;font-size:.9em}.example{border:1px solid #ddd;\
        padding:.5em 1em;margin:1em 0}.example th{width:12em;vertical-align:top}li.hit{font-weight:bold}
        """

    private var header: String {
        var out = "<header><h1>NERE-Stream evaluation</h1><dl class=\"facts\">"
        let facts: [(String, String)] = [
            ("Events", events), ("Sets", sets), ("Split at", splitAt.description),
            ("Events in log", String(eventsTotal)), ("Events scored", String(eventsScored)),
            ("Sets in catalog", String(setsInCatalog)),
            ("Scoring", HTMLText.fixed(secondsScoring, 2) + " s"), ("Training", HTMLText.fixed(secondsTraining, 2) + " s"),
        ]
        for (term, value) in facts {
            out += "<dt>\(term)</dt><dd>\(HTMLText.escape(value))</dd>"
        }
        return out + "</dl></header>\n"
    }

    private var contenderList: String {
        var out = "<dl class=\"facts\">"
        for contender in contenders {
            out += "<dt>\(HTMLText.escape(contender.label))</dt><dd>\(HTMLText.escape(contender.description))"
            out += " <span class=\"terms\">(\(HTMLText.fixed(contender.secondsScoring, 2)) s scoring"
            if let fallbacks = contender.fallbacks, !fallbacks.isEmpty {
                let reasons = fallbacks.sorted { $0.key < $1.key }.map { "\(HTMLText.escape($0.key)) \($0.value)" }
                out += "; fallbacks: " + reasons.joined(separator: ", ")
            }
            out += ")</span></dd>"
        }
        return out + "</dl>"
    }

    private static func legend<Point>(_ series: [ChartSeries<Point>]) -> String {
        let items = series.map {
            "<li><span class=\"swatch\" style=\"background:\($0.colour)\"></span>\(HTMLText.escape($0.label))</li>"
        }
        return "<ul class=\"legend\">\(items.joined())</ul>"
    }

    /// Recall@100 large as in the paper's figure, recall@1 and @10 beside it, lengths 1–5
    /// (cold starts have no window, so they are not on the paper's axis).
    private var recallCharts: String {
        let lengths = Array(ComparisonScorer.historyLengths.dropFirst())
        func series(_ metric: ReportMetric) -> [ChartSeries<(x: Double, y: Double)>] {
            contenders.enumerated().map { i, contender in
                ChartSeries(label: contender.label, colour: PlotFrame.colour(i), points: lengths.compactMap { h in
                    contender.row(historyLength: h).flatMap(metric.value).map { (x: Double(h), y: $0) }
                })
            }
        }
        func chart(_ metric: ReportMetric, width: Double, height: Double) -> String {
            LineChart(title: "\(metric.heading) by history length", xLabel: "history length",
                             yLabel: metric.heading, xValues: lengths.map(Double.init), series: series(metric),
                             width: width, height: height).svg
        }
        return Self.legend(series(.recallAt100)) + "<div class=\"charts\">" + chart(.recallAt100, width: 520, height: 320)
            + chart(.recallAt1, width: 320, height: 240) + chart(.recallAt10, width: 320, height: 240) + "</div>"
    }

    private var attentionFigure: String {
        guard let attention else {
            return "<p class=\"note\">No attention in this report: no NERE model was evaluated.</p>"
        }
        return Heatmap(attention: attention).svg
            + "<p class=\"note\">Each column's feature-group weights are one attention over the groups at that "
            + "step; the time row is the window-level attention over steps; n: predictions averaged at that step.</p>"
    }

    private var calibrationFigure: String {
        let series = contenders.enumerated().compactMap { i, contender in
            contender.overall.calibration.isEmpty ? nil
                : ChartSeries(label: contender.label, colour: PlotFrame.colour(i), points: contender.overall.calibration)
        }
        guard !series.isEmpty else {
            return "<p class=\"note\">No contender reports a confidence.</p>"
        }
        return Self.legend(series) + ReliabilityDiagram(series: series).svg
            + "<p class=\"note\">Ten equal-width confidence bins; a point's area follows its predictions; "
            + "on the dashed diagonal, confidence means what it says.</p>"
    }

    private var paperComparison: String {
        var out = "<table><thead><tr><th>Paper model</th><th>Paper R²</th><th>Paper recall@100</th><th>Ours</th>"
        out += "<th>Our R²</th><th>Our recall@100</th></tr></thead><tbody>"
        for row in paper {
            let ours = contenders.first { $0.name == row.contender }?.label ?? row.contender
            out += "<tr><td>\(HTMLText.escape(row.paperModel))</td><td class=\"num\">\(HTMLText.figure(row.paperRSquared))</td>"
            out += "<td class=\"num\">\(HTMLText.figure(row.paperRecallAt100))</td><td>\(HTMLText.escape(ours))</td>"
            out += "<td class=\"num\">\(HTMLText.figure(row.ourRSquared))</td>"
            out += "<td class=\"num\">\(HTMLText.figure(row.ourRecallAt100))</td></tr>"
        }
        out += "</tbody></table>"
        if !differences.isEmpty {
            out += "<h3>Where our setting differs</h3><ul>"
            out += differences.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
        }
        return out
    }

    /// Like the paper's French example: what the user studied, what came next, and what the
    /// model offered instead, so a reader can judge the recommendations by their content.
    private var exampleList: String {
        guard !examples.isEmpty else { return "<p class=\"note\">No examples in this report.</p>" }
        func set(_ summary: SetSummary) -> String {
            let terms = summary.terms.prefix(5).map(HTMLText.escape).joined(separator: "; ")
            return "\(HTMLText.escape(summary.title)) <span class=\"terms\">\(terms)</span>"
        }
        var out = ""
        for example in examples {
            out += "<article class=\"example\"><h3>\(HTMLText.escape(example.subject)) "
                + "<span class=\"terms\">user \(HTMLText.escape(example.userID))</span></h3><table>"
            out += "<tr><th>History, oldest first</th><td><ol>"
                + example.history.map { "<li>\(HTMLText.escape($0.title))</li>" }.joined() + "</ol></td></tr>"
            out += "<tr><th>Studied next</th><td>\(set(example.studied))</td></tr>"
            out += "<tr><th>Recommended</th><td><ol>" + example.recommended.map {
                "<li\($0.setID == example.studied.setID ? " class=\"hit\"" : "")>\(set($0))</li>"
            }.joined() + "</ol></td></tr>"
            out += "<tr><th>Rank of studied set</th><td>\(example.rankOfStudied.map(String.init) ?? "not in the ranking")</td></tr>"
            out += "<tr><th>Confidence</th><td>\(HTMLText.figure(example.confidence))</td></tr></table></article>"
        }
        return out
    }
}
