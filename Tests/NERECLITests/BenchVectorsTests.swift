import Foundation
import Testing

/// `nere bench vectors` on a catalog small enough for a debug build: it must name every figure,
/// skip the reference with a reason instead of failing, and refuse bad flags in one line.
struct BenchVectorsTests {
    /// Forty sets over a dozen words: a vocabulary and co-occurrences, trained in milliseconds.
    private static func tinyCatalog() throws -> String {
        let words = ["photosynthesis", "chlorophyll", "glucose", "oxygen", "carbon", "dioxide", "light", "leaf",
                     "energy", "water", "root", "stem"]
        let lines = try (0..<40).map { n in
            let terms = (0..<6).map { words[(n + $0 * 5) % words.count] }
            let set: [String: Any] = [
                "set_id": String(format: "set-%05d", n + 1), "subject": "Natural Sciences", "title": "Plants \(n)",
                "terms": terms, "definitions": terms.map { "the \($0) of a plant" }, "term_lang": "en",
                "def_lang": "en", "has_images": false, "has_diagrams": false, "total_views": 1, "studier_count": 1,
                "mean_session_length_min": 5.0, "mean_studier_age": 15.0, "preferred_platform": "web",
                "preferred_study_mode": "learn",
            ]
            return String(decoding: try JSONSerialization.data(withJSONObject: set), as: UTF8.self)
        }
        let path = try NereProcess.temporaryDirectory().appendingPathComponent("sets.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func namesEveryFigureAndWritesThemAsJSON() throws {
        let sets = try Self.tinyCatalog()
        let out = URL(fileURLWithPath: sets).deletingLastPathComponent().appendingPathComponent("bench.json").path
        let output = try NereProcess.run(["bench", "vectors", "--sets", sets, "--epochs", "1", "--skip-reference",
                                          "--out", out])
        try #require(output.status == 0, "\(output.stderr)")
        for figure in ["40 sets", "tokenise", "count co-occurrences", "GloVe s/epoch, ours, 2 threads",
                       "GloVe s/epoch, ours, 1 thread", "reference (NumPy)", "skipped", "--skip-reference"] {
            #expect(output.stdout.contains(figure), "missing \(figure) in:\n\(output.stdout)")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
            as? [String: Any])
        #expect(json["sets"] as? Int == 40)
        #expect((json["tokenize_tokens_per_second"] as? Double ?? 0) > 0)
        #expect((json["ours"] as? [[String: Any]])?.map { $0["threads"] as? Int } == [2, 1])
        #expect((json["reference"] as? [String: String])?["skipped"] == "--skip-reference")
    }

    @Test func missingPythonSkipsTheReferenceWithTheReason() throws {
        let output = try NereProcess.run(["bench", "vectors", "--sets", try Self.tinyCatalog(), "--epochs", "1",
                                          "--python", "/nonexistent/python3", "--reference-script", "/dev/null"])
        try #require(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("/nonexistent/python3 not found"), "\(output.stdout)")
    }

    @Test(arguments: [
        (["bench", "vectors", "--epochs", "0"], "--epochs"),
        (["bench", "vectors", "--sets", "/nonexistent/sets.jsonl"], "--sets"),
        (["bench", "vectors", "--reference-script", "/nonexistent/ref.py"], "--reference-script"),
        (["bench", "vectors", "--out", "/nonexistent/bench.json"], "--out"),
    ])
    func badFlagsGetOneLine(arguments: [String], mentions: String) throws {
        let output = try NereProcess.run(arguments)
        #expect(output.status != 0)
        #expect(output.stderr.split(separator: "\n").count == 1, "stderr: \(output.stderr)")
        #expect(output.stderr.contains(mentions), "stderr: \(output.stderr)")
    }
}
