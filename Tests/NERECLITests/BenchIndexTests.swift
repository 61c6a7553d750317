import Foundation
import Testing

/// `nere bench index` on a dataset small enough for a debug build: every row of the table,
/// recall that a working graph reaches, and the JSON figures.
struct BenchIndexTests {
    @Test func measuresExactAndGraphSearchAndWritesJSON() throws {
        let out = try NereProcess.temporaryDirectory().appendingPathComponent("index.json").path
        let output = try NereProcess.run(["bench", "index", "--sizes", "3000", "--queries", "40", "--widths", "100,200",
                                          "--skip-catalog", "--skip-reference", "--neighbors", "24", "--out", out])
        try #require(output.status == 0, "\(output.stderr)")
        for figure in ["clustered-3000: 3000 rows, 40 held-out queries", "exact, one query at a time (sgemv)",
                       "exact, 64 queries per sgemm", "ours: NN-Descent graph", "skipped (--skip-reference)",
                       "at recall 0.95:"] {
            #expect(output.stdout.contains(figure), "missing \(figure) in:\n\(output.stdout)")
        }
        let reports = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
            as? [[String: Any]])
        let ours = try #require(reports.first?["ours"] as? [String: Any])
        #expect(ours["rows"] as? Int == 3_000)
        let searches = try #require(ours["searches"] as? [[String: Any]])
        #expect(searches.map { $0["width"] as? Int } == [100, 200])
        #expect(searches.allSatisfy { ($0["recall"] as? Double ?? 0) > 0.9 }, "\(searches)")
        #expect((ours["build_seconds"] as? Double ?? 0) > 0 && (ours["memory_bytes"] as? Int ?? 0) > 0)
    }
}
