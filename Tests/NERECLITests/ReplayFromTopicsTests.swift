import Foundation
import Testing

/// `nere replay --bootstrap` as a user runs it: a generated log fed to `nere dev-broker` with
/// `nere produce`, replayed from the topics and from the files, with the same report.
struct ReplayFromTopicsTests {
    @Test func reportsTheSameAsTheFiles() throws {
        let dir = try NereProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let generated = try NereProcess.run(["generate", "--out", dir.path, "--seed", "3"])
        try #require(generated.status == 0, "\(generated.stderr)")
        let sets = dir.appendingPathComponent("sets.jsonl").path
        let events = dir.appendingPathComponent("head.jsonl").path
        let lines = try String(contentsOfFile: dir.appendingPathComponent("events.jsonl").path, encoding: .utf8)
            .split(separator: "\n").prefix(2_000)
        try (lines.joined(separator: "\n") + "\n").write(toFile: events, atomically: true, encoding: .utf8)

        let out = Pipe()
        let broker = try NereProcess.start(["dev-broker", "--topics", DevBrokerTests.topics], stdout: out.fileHandleForWriting)
        defer { broker.terminate(); broker.waitUntilExit() }
        let bootstrap = String(try #require(DevBrokerTests.readLines(out.fileHandleForReading, count: 1).first?.split(separator: " ").last))
        for (topic, file) in [("nere.sets", sets), ("nere.study-events", events)] {
            let produced = try NereProcess.run(["produce", "--bootstrap", bootstrap, "--topic", topic, "--file", file,
                                                "--topics", DevBrokerTests.topics])
            try #require(produced.status == 0, "\(produced.stderr)")
        }

        func report(_ input: [String], name: String) throws -> [String: Any] {
            let path = dir.appendingPathComponent(name).path
            let replayed = try NereProcess.run(["replay"] + input + ["--cache", path + ".sqlite", "--out", path + ".json"])
            try #require(replayed.status == 0, "\(replayed.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path + ".json")))
                as? [String: Any])
        }
        let fromTopics = try report(["--bootstrap", bootstrap], name: "topics")
        let fromFiles = try report(["--events", events, "--sets", sets], name: "files")
        #expect(fromTopics["events"] as? String == "kafka://\(bootstrap)/nere.study-events")
        for key in ["metrics", "counters", "dead_letters_by_reason", "sets_in_catalog", "windows"] {
            #expect(fromTopics[key] as? NSObject == fromFiles[key] as? NSObject, "\(key)")
        }
        #expect((fromTopics["counters"] as? [String: Int])?["applied"] ?? 0 > 1_900)
    }
}
