import Foundation
import Testing

/// `nere bench serve` on a small cut of the demo log with the small preset (fine in a debug
/// build): the table and the goals, the JSON with plausible positive figures, and bad flags
/// refused in one line.
struct BenchServeTests {
    static let topics = DevBrokerTests.topics
    static let tiny = ["bench", "serve", "--presets", "small", "--data-preset", "demo", "--events", "3000",
                       "--batch-events", "200", "--vector-epochs", "1", "--topics", topics]

    @Test func reportsTheTableAndTheGoalsAndWritesJSON() throws {
        let directory = try NereProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("serve.json").path
        let output = try NereProcess.run(Self.tiny + ["--json", out])
        try #require(output.status == 0, "\(output.stderr)")
        for line in ["# nere bench serve", "## small: ", " learnable parameters", "| throughput: events ",
                     "| throughput: events/s ", "| throughput: events per CPU-second ", "| replay (no Kafka): events/s ",
                     "| serve ÷ replay ", "| latency: rate, events/s ", "| latency: p50 ms ", "| latency: p99 ms ",
                     "| latency: max ms ", "## Goals", "small: ≥ 10,000 events/s per core: ",
                     "small: p99 < 50 ms at half load: "] {
            #expect(output.stdout.contains(line), "missing \(line) in:\n\(output.stdout)")
        }
        let verdicts = output.stdout.split(separator: "\n").filter { $0.hasPrefix("goal met: ") || $0.hasPrefix("goal missed: ") }
        #expect(verdicts.count == 2, "\(output.stdout)")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out)))
            as? [String: Any])
        #expect(json["log_lines"] as? Int == 3_000 && json["history_lines"] as? Int == 300)
        let presets = try #require(json["presets"] as? [[String: Any]])
        let small = try #require(presets.first)
        #expect(presets.count == 1 && small["preset"] as? String == "small")
        #expect((small["parameters"] as? Int ?? 0) > 100_000)
        let throughput = try #require(small["throughput"] as? [String: Any])
        #expect(throughput["events_produced"] as? Int == 1_350)
        let timed = throughput["events"] as? Int ?? 0
        #expect(timed > 0 && timed <= 1_350)
        #expect((throughput["seconds"] as? Double ?? 0) > 0)
        #expect((throughput["events_per_second"] as? Double ?? 0) > 0)
        #expect((throughput["events_per_cpu_second"] as? Double ?? 0) > 0)
        let replay = try #require(small["replay"] as? [String: Any])
        #expect(replay["events"] as? Int == 1_350 && (replay["events_per_second"] as? Double ?? 0) > 0)
        #expect((small["serve_over_replay"] as? Double ?? 0) > 0)
        let latency = try #require(small["latency"] as? [String: Any])
        #expect(latency["events_sent"] as? Int == 1_350)
        let timedRecommendations = latency["recommendations"] as? Int ?? 0
        #expect(timedRecommendations > 1_000 && timedRecommendations <= 1_350, "\(latency)")
        let p50 = latency["p50_ms"] as? Double ?? 0, p99 = latency["p99_ms"] as? Double ?? 0, max = latency["max_ms"] as? Double ?? 0
        #expect(p50 > 0 && p50 <= p99 && p99 <= max, "\(latency)")
        #expect((latency["target_rate"] as? Double ?? 0) > 0 && (latency["achieved_rate"] as? Double ?? 0) > 0)
        let goals = try #require(json["goals"] as? [[String: Any]])
        #expect(goals.count == 2 && goals.allSatisfy { $0["met"] is Bool }, "\(goals)")
    }

    @Test(arguments: [
        (["bench", "serve", "--presets", "huge"], "--presets"),
        (["bench", "serve", "--presets", "small,small"], "--presets"),
        (["bench", "serve", "--data-preset", "tiny"], "--data-preset"),
        (["bench", "serve", "--events", "10"], "--events"),
        (["bench", "serve", "--batch-events", "0"], "--batch-events"),
        (["bench", "serve", "--batch-events", "60000"], "--batch-events"),
        (["bench", "serve", "--fetch-wait-ms", "0"], "--fetch-wait-ms"),
        (["bench", "serve", "--vector-epochs", "0"], "--vector-epochs"),
        (["bench", "serve", "--blas-threads", "0"], "--blas-threads"),
        (["bench", "serve", "--json", "/nonexistent/serve.json"], "--json"),
        (["bench", "serve", "--topics", "/nonexistent/topics"], "--topics"),
    ])
    func badFlagsGetOneLine(arguments: [String], mentions: String) throws {
        let output = try NereProcess.run(arguments)
        #expect(output.status != 0)
        #expect(output.stderr.split(separator: "\n").count == 1, "stderr: \(output.stderr)")
        #expect(output.stderr.contains(mentions), "stderr: \(output.stderr)")
    }
}
