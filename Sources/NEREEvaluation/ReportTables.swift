/// A figure of `ComparisonRow` as a table column: one list drives the overall table, the
/// per-history-length tables and the charts, so they cannot disagree on what a column is.
struct ReportMetric: Sendable {
    var heading: String
    var value: @Sendable (ComparisonRow) -> Double?
    /// Calibration error is the one figure where less is better.
    var lowerIsBetter = false
    /// Counts are not contested, so no cell of theirs is marked best.
    var ranked = true
    var digits = 4

    static let recallAt1 = ReportMetric(heading: "recall@1") { $0.recallAt1 }
    static let recallAt10 = ReportMetric(heading: "recall@10") { $0.recallAt10 }
    static let recallAt100 = ReportMetric(heading: "recall@100") { $0.recallAt100 }
    static let all: [ReportMetric] = [
        recallAt1, recallAt10, recallAt100,
        ReportMetric(heading: "MRR") { $0.mrr },
        ReportMetric(heading: "R²") { $0.rSquared },
        ReportMetric(heading: "coverage@10") { $0.coverageAt10 },
        ReportMetric(heading: "coverage@100") { $0.coverageAt100 },
        ReportMetric(heading: "calibration error", value: { $0.calibrationError }, lowerIsBetter: true),
    ]

    /// Positions holding the best value; ties all count, missing values never do.
    func best(_ values: [Double?]) -> Set<Int> {
        guard ranked else { return [] }
        let finite = values.compactMap { $0 }.filter(\.isFinite)
        guard let target = lowerIsBetter ? finite.min() : finite.max() else { return [] }
        return Set(values.indices.filter { values[$0] == target })
    }
}

extension EvaluationReport {
    /// Overall figures (history 1–5), one row per contender.
    var metricsTable: String {
        var out = "<table class=\"metrics\"><thead><tr><th>Contender</th><th>Kind</th><th>Predictions</th>"
        out += ReportMetric.all.map { "<th>\($0.heading)</th>" }.joined() + "</tr></thead><tbody>"
        let columns = ReportMetric.all.map { metric in
            (metric, metric.best(contenders.map { metric.value($0.overall) }))
        }
        for (i, contender) in contenders.enumerated() {
            out += "<tr><th scope=\"row\">\(HTMLText.escape(contender.label))</th>"
                + "<td>\(HTMLText.escape(contender.kind.rawValue))</td><td class=\"num\">\(contender.overall.predictions)</td>"
            for (metric, best) in columns {
                out += Self.cell(metric.value(contender.overall), digits: metric.digits, best: best.contains(i))
            }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// One small table per figure: contenders × history length 0–5, plus how many predictions
    /// each cell rests on, since a length with few predictions says little.
    var historyLengthTables: String {
        let lengths = Array(ComparisonScorer.historyLengths)
        let predictions = ReportMetric(heading: "predictions", value: { Double($0.predictions) }, ranked: false, digits: 0)
        var out = "<div class=\"small-tables\">"
        for metric in [predictions] + ReportMetric.all {
            out += "<table class=\"by-length\"><caption>\(metric.heading) by history length</caption><thead><tr><th></th>"
            out += lengths.map { "<th>\($0 == 0 ? "0 (cold)" : String($0))</th>" }.joined() + "</tr></thead><tbody>"
            let values = contenders.map { contender in
                lengths.map { h in contender.row(historyLength: h).flatMap(metric.value) }
            }
            let best = lengths.indices.map { h in metric.best(values.map { $0[h] }) }
            for (i, contender) in contenders.enumerated() {
                out += "<tr><th scope=\"row\">\(HTMLText.escape(contender.label))</th>"
                for h in lengths.indices {
                    out += Self.cell(values[i][h], digits: metric.digits, best: best[h].contains(i))
                }
                out += "</tr>"
            }
            out += "</tbody></table>"
        }
        return out + "</div>"
    }

    static func cell(_ value: Double?, digits: Int, best: Bool) -> String {
        "<td class=\"num\(best ? " best" : "")\">\(value.map { HTMLText.fixed($0, digits) } ?? "—")</td>"
    }
}

extension EvaluationReport.Contender {
    func row(historyLength: Int) -> ComparisonRow? {
        byHistoryLength.first { $0.historyLength == historyLength }
    }
}
