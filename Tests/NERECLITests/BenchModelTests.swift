import Foundation
import Testing

/// `nere bench model` on the small preset with tiny timings (fine in a debug build): every
/// figure of the report and the JSON, the reference skipped with its reason, a reference that
/// disagrees failing the run, and bad flags refused in one line.
struct BenchModelTests {
    static let tiny = ["bench", "model", "--presets", "small", "--batches", "1,4", "--seconds", "0.05", "--windows", "16"]

    @Test func reportsEveryFigureAndWritesThemAsJSON() throws {
        let out = try NereProcess.temporaryDirectory().appendingPathComponent("model.json").path
        let output = try NereProcess.run(Self.tiny + ["--skip-reference", "--out", out])
        try #require(output.status == 0, "\(output.stderr)")
        for figure in ["# nere bench model", "(**(a)**, the peak)", "## small: ", " learnable parameters",
                       "served µs/event", "PyTorch: skipped (--skip-reference)", "| 4 ", "served B=4", "full B=1",
                       "recurrence (products + gates)", "of which h·W_hhᵀ products", "dense head and output",
                       "## Goals", "not measured (needs --presets paper"] {
            #expect(output.stdout.contains(figure), "missing \(figure) in:\n\(output.stdout)")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
            as? [String: Any])
        #expect(((json["sgemm_peak"] as? [String: Any])?["gflops"] as? Double ?? 0) > 0)
        let presets = try #require(json["presets"] as? [[String: Any]])
        let small = try #require(presets.first)
        #expect(presets.count == 1 && small["preset"] as? String == "small")
        #expect((small["parameters"] as? Int ?? 0) > 100_000)
        #expect((small["served_vs_full_max_relative_difference"] as? Double ?? 1) <= 1e-4)
        #expect((small["pytorch"] as? [String: String])?["skipped"] == "--skip-reference")
        let batches = try #require(small["batches"] as? [[String: Any]])
        #expect(batches.map { $0["batch"] as? Int } == [1, 4])
        for batch in batches {
            let served = try #require(batch["served"] as? [String: Any]), full = try #require(batch["full"] as? [String: Any])
            #expect((served["us_per_event"] as? Double ?? 0) > 0 && (served["events_per_second"] as? Double ?? 0) > 0)
            #expect((full["us_per_window"] as? Double ?? 0) > 0)
            let stages = try #require(served["stages_us_per_event"] as? [String: Double])
            #expect(stages["recurrence"] ?? 0 > 0 && stages["head"] ?? 0 > 0, "\(stages)")
            let recurrence = try #require(batch["recurrence"] as? [String: Any])
            #expect((recurrence["gflops"] as? Double ?? 0) > 0)
            #expect(((recurrence["sgemm_at_shape"] as? [String: Any])?["n"] as? Int) == 3 * 48)
        }
        #expect((json["goals"] as? [[String: Any]])?.first?["met"] == nil)
        #expect(json["failures"] == nil)
    }

    @Test func missingPythonSkipsTheReferenceWithTheReason() throws {
        let output = try NereProcess.run(Self.tiny + ["--python", "/nonexistent/python3", "--reference-script", "/dev/null"])
        try #require(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("/nonexistent/python3 not found"), "\(output.stdout)")
    }

    /// Whether this machine's python3 can import what the reference needs (the command checks
    /// before running a script).
    static let hasReferenceModules: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import torch, safetensors, numpy"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// A stand-in reference whose predictions disagree (it writes the script's JSON and exits 1,
    /// as the real one does): the report still prints, and the run fails with one line.
    @Test(.enabled(if: hasReferenceModules, "python3 lacks torch, safetensors or numpy"))
    func aDisagreeingReferenceFailsTheRun() throws {
        let directory = try NereProcess.temporaryDirectory()
        let script = directory.appendingPathComponent("disagreeing_reference.py")
        try """
            import json, sys
            args = sys.argv[1:]
            batches = [int(b) for b in args[args.index("--batches") + 1].split(",")]
            with open(args[args.index("--out") + 1], "w") as f:
                json.dump({"torch_version": "stand-in", "threads": 1, "max_relative_difference": 0.25,
                           "batches": [{"batch": b, "us_per_window": 100.0, "windows_per_second": 1e4} for b in batches]}, f)
            print("model_reference: predictions differ", file=sys.stderr)
            sys.exit(1)
            """.write(to: script, atomically: true, encoding: .utf8)
        let out = directory.appendingPathComponent("model.json").path
        let output = try NereProcess.run(Self.tiny + ["--reference-script", script.path, "--out", out])
        #expect(output.status != 0)
        #expect(output.stdout.contains("PyTorch stand-in (1 thread): max relative difference to our predictions 0.25"),
                "\(output.stdout)")
        #expect(output.stdout.contains("**FAILED: small: PyTorch's predictions differ from ours by 0.25"), "\(output.stdout)")
        #expect(output.stderr.split(separator: "\n").last?.hasPrefix("nere: small: PyTorch's predictions differ") == true,
                "stderr: \(output.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        #expect((json?["failures"] as? [String])?.count == 1)
    }

    @Test(arguments: [
        (["bench", "model", "--presets", "huge"], "--presets"),
        (["bench", "model", "--presets", "small,small"], "--presets"),
        (["bench", "model", "--batches", "0"], "--batches"),
        (["bench", "model", "--batches", "1,x"], "--batches"),
        (["bench", "model", "--batches", "5000"], "--batches"),
        (["bench", "model", "--seconds", "0"], "--seconds"),
        (["bench", "model", "--windows", "0"], "--windows"),
        (["bench", "model", "--reference-script", "/nonexistent/ref.py"], "--reference-script"),
        (["bench", "model", "--out", "/nonexistent/model.json"], "--out"),
    ])
    func badFlagsGetOneLine(arguments: [String], mentions: String) throws {
        let output = try NereProcess.run(arguments)
        #expect(output.status != 0)
        #expect(output.stderr.split(separator: "\n").count == 1, "stderr: \(output.stderr)")
        #expect(output.stderr.contains(mentions), "stderr: \(output.stderr)")
    }
}
