import Foundation
import NEREEvaluation

/// One dataset's figures, ours and the references', as a table and as JSON.
struct IndexReport {
    let ours: IndexFigures
    let references: Result<[IndexReference.Library], ReferenceSkipped>

    /// Recall levels at which queries/s are compared.
    static let targets = [0.95, 0.99]

    var table: String {
        var lines = ["\(ours.dataset): \(ours.rows) rows, \(ours.queries) held-out queries, recall@\(ours.k) against exact search, "
                     + "queries/s on one thread"]
        #if DEBUG
        lines.append("WARNING: debug build, not representative; use `swift build -c release`")
        #endif
        let exact = ours.exactBatchQueriesPerSecond
        func row(_ method: String, build: Double?, memory: Int?, width: String, recall: Double, qps: Double) -> String {
            method.rightPadded(38)
                + (build.map { String(format: "%.1f", $0) } ?? "–").leftPadded(9)
                + (memory.map { String(format: "%.0f", Double($0) / 1_048_576) } ?? "–").leftPadded(11)
                + width.leftPadded(9) + String(format: "%.4f", recall).leftPadded(12)
                + String(format: "%.0f", qps).leftPadded(11) + String(format: "%.1f", qps / exact).leftPadded(9)
        }
        lines.append("method".rightPadded(38) + "build s".leftPadded(9)
                     + "memory MB".leftPadded(11) + "width".leftPadded(9) + "recall".leftPadded(12)
                     + "queries/s".leftPadded(11) + "× exact".leftPadded(9))
        lines.append(row("exact, one query at a time (sgemv)", build: nil, memory: nil, width: "–", recall: 1,
                         qps: ours.exactQueriesPerSecond))
        lines.append(row("exact, \(ours.exactBatch) queries per sgemm", build: nil, memory: nil, width: "–", recall: 1, qps: exact))
        for (offset, search) in ours.searches.enumerated() {
            lines.append(row(offset == 0 ? "ours: NN-Descent graph" : "", build: offset == 0 ? ours.buildSeconds : nil,
                             memory: offset == 0 ? ours.memoryBytes : nil, width: String(search.width),
                             recall: search.recall, qps: search.queriesPerSecond))
        }
        switch references {
        case .success(let libraries):
            for library in libraries {
                for (offset, search) in library.searches.enumerated() {
                    let width = search.parameter == "ef" ? "ef \(Int(search.width))" : "ε \(search.width)"
                    lines.append(row(offset == 0 ? "\(library.name) \(library.version)" : "",
                                     build: offset == 0 ? library.buildSeconds : nil,
                                     memory: offset == 0 ? library.memoryBytes : nil, width: width,
                                     recall: search.recall, qps: search.queriesPerSecond))
                }
            }
        case .failure(let skipped):
            lines.append("hnswlib, pynndescent: skipped (\(skipped.reason))")
        }
        for target in Self.targets {
            var parts: [String] = []
            let mine = Self.queriesPerSecond(at: target, ours.searches.map { ($0.recall, $0.queriesPerSecond) })
            parts.append(mine.map { String(format: "ours %.0f q/s (%.1f× exact)", $0, $0 / exact) } ?? "ours not reached")
            for library in (try? references.get()) ?? [] {
                let theirs = Self.queriesPerSecond(at: target, library.searches.map { ($0.recall, $0.queriesPerSecond) })
                switch (mine, theirs) {
                case let (mine?, theirs?): parts.append(String(format: "%@ %.0f q/s (ours/%@ %.2f)", library.name, theirs,
                                                               library.name, mine / theirs))
                case (_, let theirs?): parts.append(String(format: "%@ %.0f q/s", library.name, theirs))
                case (_, nil): parts.append("\(library.name) not reached")
                }
            }
            lines.append("at recall \(target): " + parts.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// Queries/s at `target` recall, interpolated between the two measured widths around it;
    /// nil when no width reached it. Speed falls as recall rises, so the faster side of the
    /// target is never used alone: reaching it is what counts.
    static func queriesPerSecond(at target: Double, _ curve: [(recall: Double, qps: Double)]) -> Double? {
        let sorted = curve.sorted { $0.recall < $1.recall }
        guard let above = sorted.firstIndex(where: { $0.recall >= target }) else { return nil }
        guard above > 0 else { return sorted[above].qps }
        let low = sorted[above - 1], high = sorted[above]
        let t = (target - low.recall) / (high.recall - low.recall)
        return exp(log(low.qps) + t * (log(high.qps) - log(low.qps)))
    }

    var json: [String: Any] {
        var json: [String: Any] = ["ours": (try? JSONSerialization.jsonObject(with: JSONEncoder().encode(ours))) ?? [:]]
        switch references {
        case .success(let libraries):
            json["references"] = libraries.map { library -> [String: Any] in
                ["name": library.name, "version": library.version, "build_seconds": library.buildSeconds,
                 "memory_bytes": library.memoryBytes,
                 "searches": library.searches.map { ["width": $0.width, "parameter": $0.parameter, "recall": $0.recall,
                                                     "queries_per_second": $0.queriesPerSecond] }]
            }
        case .failure(let skipped):
            json["references"] = ["skipped": skipped.reason]
        }
        for target in Self.targets {
            json["ours_queries_per_second_at_recall_\(target)"] =
                Self.queriesPerSecond(at: target, ours.searches.map { ($0.recall, $0.queriesPerSecond) })
        }
        return json
    }
}
