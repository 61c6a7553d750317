import Foundation
import NERECache
import NEREContracts
import Testing

/// What a user sees at the command line: one-line errors for bad flags and files, and the
/// happy paths of the small commands.
struct CommandLineTests {
    @Test(arguments: [
        (["replay", "--events", "/nonexistent/events.jsonl", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite"], "--events"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite", "--batch-size", "0"], "--batch-size"),
        (["replay", "--events", "/dev/null"], "--sets"),
        (["evaluate", "--events", "/dev/null", "--sets", "/dev/null"], "--out"),
        (["evaluate", "--events", "/dev/null", "--sets", "/dev/null", "--out", "/tmp/e", "--test-fraction", "1"], "--test-fraction"),
        (["evaluate", "--events", "/dev/null", "--sets", "/dev/null", "--out", "/tmp/e", "--split-at", "yesterday"], "--split-at"),
        (["evaluate", "--events", "/dev/null", "--sets", "/dev/null", "--out", "/tmp/e", "--model", "/tmp"], "--model needs --vectors"),
        (["evaluate", "--events", "/dev/null", "--sets", "/dev/null", "--out", "/tmp/e", "--predictions-of", "nobody"], "--predictions-of"),
        (["evaluate", "--events", "/dev/null", "--sets", "/dev/null", "--out", "/tmp/e", "--no-ablations",
          "--predictions-of", "nere_without_content"], "--predictions-of"),
        (["evaluate", "--bootstrap", "127.0.0.1:9092", "--events", "/dev/null", "--out", "/tmp/e"], "--bootstrap"),
        (["replay", "--events", "/tmp", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite"], "is a directory"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--cache", "/nonexistent/c.sqlite"], "--cache"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite", "--out", "/nonexistent/r.json"],
         "--out"),
        (["generate", "--out", "/proc/nere-cannot-create"], "cannot create the directory"),
        (["vectorize", "--sets", "/nonexistent/sets.jsonl", "--out", "/tmp/v"], "--sets"),
        (["vectorize", "--sets", "/dev/null", "--out", "/nonexistent/dir/v"], "--out"),
        (["vectorize", "--sets", "/dev/null", "--out", "/tmp/v", "--epochs", "0"], "--epochs"),
        (["generate", "--out", "/tmp/nere-x", "--preset", "huge"], "huge"),
        (["generate", "--out", "/tmp/nere-x", "--seed", "minus-one"], "seed"),
        (["recommend", "--cache", "/nonexistent.sqlite", "--user", "u", "--subject", "French"], "--cache"),
        (["recommend", "--cache", "/dev/null", "--user", "u", "--subject", "Klingon"], "Klingon"),
        (["frobnicate"], "frobnicate"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite", "--vectors", "/tmp"],
         "--vectors /tmp: no readable set-vectors.json"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite", "--exact-below", "-1"],
         "--exact-below"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite", "--index-dir", "/tmp/i"],
         "--index-dir needs --vectors"),
        (["bench", "index", "--sizes", "50"], "--sizes"),
        (["bench", "index", "--widths", "100,abc"], "--widths"),
        (["bench", "index", "--vectors", "/nonexistent"], "--vectors"),
        (["bench", "index", "--prune-slack", "0.5"], "--prune-slack"),
        (["train", "--events", "/nonexistent", "--sets", "/dev/null", "--vectors", "/tmp", "--out", "/tmp/m"], "--events"),
        (["train", "--events", "/dev/null", "--sets", "/dev/null", "--vectors", "/tmp", "--out", "/tmp/m"],
         "--vectors /tmp: no readable set-vectors.json"),
        (["train", "--events", "/dev/null", "--sets", "/dev/null", "--vectors", "/tmp", "--out", "/tmp/m", "--preset", "huge"],
         "huge"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite", "--model", "/tmp"],
         "--model needs --vectors"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite", "--model-only"],
         "--model-only needs --model"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite", "--score-from", "yesterday"],
         "--score-from yesterday"),
        (["dev-broker", "--topics", "/nonexistent"], "--topics"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite", "--model-blend", "0.05"],
         "--model-blend needs --model"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite", "--cached-windows", "0"],
         "--cached-windows"),
        (["dev-broker", "--topics", "/tmp", "--brokers", "0"], "--brokers"),
        (["replay", "--cache", "/tmp/x.sqlite"], "give the log and catalog: --events F --sets F, or --bootstrap HOST:PORT"),
        (["replay", "--sets", "/dev/null", "--cache", "/tmp/x.sqlite"], "--sets needs --events"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--bootstrap", "127.0.0.1:9092", "--cache", "/tmp/x.sqlite"],
         "--bootstrap 127.0.0.1:9092 reads the log and catalog from topics"),
        (["replay", "--bootstrap", "localhost", "--cache", "/tmp/x.sqlite"], "--bootstrap localhost: no port"),
        (["replay", "--events", "/dev/null", "--sets", "/dev/null", "--events-topic", "e", "--cache", "/tmp/x.sqlite"],
         "--events-topic needs --bootstrap"),
        (["replay", "--bootstrap", "127.0.0.1:9092", "--sets-topic", "no such topic", "--cache", "/tmp/x.sqlite"],
         "--sets-topic no such topic: not a Kafka topic name"),
    ])
    func badInputGetsOneLineNamingTheProblem(arguments: [String], mentions: String) throws {
        let output = try NereProcess.run(arguments)
        #expect(output.status != 0)
        let lines = output.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(output.stderr)")
        #expect(lines.first?.hasPrefix("nere: ") == true)
        #expect(output.stderr.contains(mentions), "stderr: \(output.stderr)")
    }

    @Test func unreadableCacheIsRefusedClearly() throws {
        let dir = try NereProcess.temporaryDirectory()
        let garbage = dir.appendingPathComponent("garbage.sqlite")
        try Data(repeating: 0x42, count: 8192).write(to: garbage)
        let output = try NereProcess.run(["recommend", "--cache", garbage.path, "--user", "u", "--subject", "French"])
        #expect(output.status != 0)
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(output.stderr.contains("cannot open cache"))
    }

    @Test func vectorizeRefusesACatalogWithoutValidSets() throws {
        let dir = try NereProcess.temporaryDirectory()
        let sets = dir.appendingPathComponent("sets.jsonl")
        try Data("not json\n{\"set_id\": 7}\n".utf8).write(to: sets)
        let output = try NereProcess.run(["vectorize", "--sets", sets.path, "--out", dir.appendingPathComponent("v").path])
        #expect(output.status != 0)
        #expect(output.stderr.split(separator: "\n").last?.hasPrefix("nere: --sets") == true, "\(output.stderr)")
        #expect(output.stderr.contains("no valid sets (2 invalid lines)"))
    }

    @Test func versionNamesTheNativeLibraries() throws {
        let output = try NereProcess.run(["version"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("librdkafka 2."))
        #expect(output.stdout.contains("OpenBLAS"))
        #expect(output.stdout.contains("SQLite 3."))
    }

    @Test func replayThenRecommend() throws {
        let dir = try NereProcess.temporaryDirectory().path
        #expect(try NereProcess.run(["generate", "--out", dir, "--preset", "demo", "--seed", "5"]).status == 0)
        let report = dir + "/report.json", cache = dir + "/cache.sqlite"
        let replay = try NereProcess.run(["replay", "--events", dir + "/events.jsonl", "--sets", dir + "/sets.jsonl",
                                          "--cache", cache, "--out", report])
        try #require(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("recall@100"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as? [String: Any]
        let counters = try #require(json?["counters"] as? [String: Int])
        #expect((counters["events_in"] ?? 0) > 30_000)
        #expect((counters["dropped_underage"] ?? 0) > 0)
        #expect((counters["dead_letters"] ?? 0) > 0)

        let cached = try #require(try StreamCache(path: cache).recommendations().last?.recommendation)
        let shown = try NereProcess.run(["recommend", "--cache", cache, "--user", cached.userID,
                                         "--subject", cached.subject.rawValue.uppercased(), "--json"])
        try #require(shown.status == 0, "\(shown.stderr)")
        #expect(try PayloadDecoding.decode(Recommendation.self, from: Data(shown.stdout.utf8), now: .now).get() == cached)
        let table = try NereProcess.run(["recommend", "--cache", cache, "--user", cached.userID,
                                         "--subject", cached.subject.rawValue, "--limit", "3"])
        #expect(table.stdout.split(separator: "\n").count == 4, "a header and three items")
    }
}
