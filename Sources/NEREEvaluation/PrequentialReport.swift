/// Recall@1/10/100 and MRR overall (windows with history) and per history length, the
/// paper's sequence-length breakdown; JSON keys are stable for tools that read reports.
public struct PrequentialReport: Sendable, Codable, Equatable {
    public struct Row: Sendable, Codable, Equatable {
        /// nil for the overall row, which covers history lengths 1–5.
        public var historyLength: Int?
        public var predictions: Int
        public var recallAt1: Double
        public var recallAt10: Double
        public var recallAt100: Double
        public var mrr: Double

        init(historyLength: Int?, accumulator a: PrequentialScorer.Accumulator) {
            self.historyLength = historyLength
            predictions = Int(a.predictions)
            let n = max(a.predictions, 1)
            recallAt1 = a.hitsAt[0] / n
            recallAt10 = a.hitsAt[1] / n
            recallAt100 = a.hitsAt[2] / n
            mrr = a.reciprocalRankSum / n
        }

        enum CodingKeys: String, CodingKey {
            case historyLength = "history_length", predictions
            case recallAt1 = "recall@1", recallAt10 = "recall@10", recallAt100 = "recall@100", mrr
        }
    }

    public var byHistoryLength: [Row]
    public var overall: Row

    enum CodingKeys: String, CodingKey {
        case byHistoryLength = "by_history_length", overall
    }

    /// A fixed-width table for terminals.
    public var table: String {
        func cell(_ value: Double) -> String {
            let text = String(Int((value * 10_000).rounded()))
            let padded = String(repeating: "0", count: max(0, 5 - text.count)) + text
            return padded.dropLast(4) + "." + padded.suffix(4)
        }
        let widths = [11, 10, 10, 11, 8]
        func line(_ label: String, _ cells: [String]) -> String {
            var text = label.rightPadded(12)
            for (cell, width) in zip(cells, widths) { text += cell.leftPadded(width) }
            return text
        }
        func line(_ label: String, _ row: Row) -> String {
            line(label, [String(row.predictions), cell(row.recallAt1), cell(row.recallAt10),
                         cell(row.recallAt100), cell(row.mrr)])
        }
        var lines = [line("history", ["predictions", "recall@1", "recall@10", "recall@100", "MRR"])]
        for row in byHistoryLength {
            let label = row.historyLength == 0 ? "0 (cold)" : String(row.historyLength ?? 0)
            lines.append(line(label, row))
        }
        lines.append(line("all (1–5)", overall))
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Right-aligns in a column of `width` characters (terminal tables).
    public func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    public func rightPadded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
