import Foundation
import NERECache
import NEREKafka
import Testing

/// DESIGN §3 for the service: `nere serve` killed with SIGKILL mid-stream and restarted ends
/// with the same cache as a service that ran straight through — real processes, the mock
/// cluster of `nere dev-broker` in between.
@Suite(.serialized)
struct ServeKillTests {
    @Test func killedServiceResumesToTheSameCache() async throws {
        let dir = try NereProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.path
        let generated = try NereProcess.run(["generate", "--out", data, "--preset", "demo", "--seed", "13"])
        try #require(generated.status == 0, "\(generated.stderr)")
        let lines = try Data(contentsOf: dir.appendingPathComponent("events.jsonl")).split(separator: UInt8(ascii: "\n"))
        try Data(lines.prefix(3_000).joined(separator: [UInt8(ascii: "\n")])).write(to: dir.appendingPathComponent("history.jsonl"))
        let stream = Array(lines.dropFirst(3_000).prefix(4_000))
        let warmStart = try NereProcess.run(["replay", "--events", data + "/history.jsonl", "--sets", data + "/sets.jsonl",
                                             "--cache", data + "/history.sqlite"])
        try #require(warmStart.status == 0, "\(warmStart.stderr)")

        // One cluster per run: the changelog belongs to one consumer group, and a second group
        // on the same cluster would restore the first one's windows and skip every event.
        let sets = try Data(contentsOf: dir.appendingPathComponent("sets.jsonl")).split(separator: UInt8(ascii: "\n"))
        var brokers: [Process] = []
        defer { for broker in brokers { broker.terminate(); broker.waitUntilExit() } }
        func startBroker() async throws -> String {
            let out = Pipe()
            let broker = try NereProcess.start(["dev-broker", "--topics", DevBrokerTests.topics], stdout: out.fileHandleForWriting)
            brokers.append(broker)
            let bootstrap = try #require(DevBrokerTests.readLines(out.fileHandleForReading, count: 1).first?.split(separator: " ").last)
            try await Self.produce(String(bootstrap), "nere.sets", sets, key: "set_id")
            try await Self.produce(String(bootstrap), "nere.study-events", stream, key: "user_id")
            return String(bootstrap)
        }

        func config(_ name: String, bootstrap: String) throws -> String {
            let path = data + "/\(name).yaml"
            try """
                kafka: {bootstrap.servers: "\(bootstrap)", group.id: \(name), session.timeout.ms: 6000}
                topics: {directory: \(DevBrokerTests.topics)}
                cache: {path: \(data)/\(name).sqlite}
                model: {warm_start: \(data)/history.sqlite}
                batch: {max_events: 50}
                http: {listen: "127.0.0.1:0"}
                """.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let total = Int64(stream.count)
        let straight = try NereProcess.start(["serve", "--config", try config("straight", bootstrap: try await startBroker())])
        try #require(Self.waitForCommitted(atLeast: total, in: data + "/straight.sqlite", while: straight) >= total)
        straight.terminate()
        straight.waitUntilExit()
        #expect(straight.terminationStatus == 0, "SIGTERM drains and exits cleanly")

        let crashed = try config("crashed", bootstrap: try await startBroker())
        let victim = try NereProcess.start(["serve", "--config", crashed])
        let atKill = Self.waitForCommitted(atLeast: 1_000, in: data + "/crashed.sqlite", while: victim)
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        try #require(victim.terminationReason == .uncaughtSignal)
        #expect(atKill >= 1_000 && atKill < total, "killed mid-stream: \(atKill) of \(total) committed")
        let restarted = try NereProcess.start(["serve", "--config", crashed])
        try #require(Self.waitForCommitted(atLeast: total, in: data + "/crashed.sqlite", while: restarted) >= total)
        restarted.terminate()
        restarted.waitUntilExit()
        #expect(restarted.terminationStatus == 0)

        let expected = try Self.dump(data + "/straight.sqlite")
        let actual = try Self.dump(data + "/crashed.sqlite")
        #expect(expected.contains { $0.hasPrefix("recommendations:") } && expected.contains { $0.hasPrefix("windows:") })
        let tables = { (dump: [String]) in Dictionary(grouping: dump) { $0.prefix { $0 != ":" } }.mapValues(\.count) }
        #expect(tables(actual) == tables(expected))
        let difference = zip(actual, expected).first { $0 != $1 }.map { "\($0)\n≠ \($1)" }
        #expect(difference == nil, "first difference: \(difference ?? "")")
    }

    /// Produces JSON lines keyed by their `key` field. A line without one (malformed) is keyed
    /// by its position, not left to the random partitioner: two clusters fed the same lines
    /// hold the same records at the same offsets.
    static func produce(_ bootstrap: String, _ topic: String, _ lines: [Data], key: String) async throws {
        let producer = try KafkaProducer(configuration: KafkaConfiguration(["bootstrap.servers": bootstrap]))
        for (i, line) in lines.enumerated() {
            _ = try producer.send(KafkaProducerMessage(topic: topic, key: field(key, line) ?? Array("line-\(i)".utf8),
                                                       value: Array(line)))
        }
        #expect(try await producer.flush(timeout: .seconds(60)).allSatisfy(\.isDelivered))
        _ = await producer.close()
    }

    static func field(_ name: String, _ line: Data) -> [UInt8]? {
        ((try? JSONSerialization.jsonObject(with: line)) as? [String: Any])?[name].flatMap { $0 as? String }.map { Array($0.utf8) }
    }

    /// The whole cache, with the one thing two runs of a live service may differ in — the
    /// wall-clock `generated_at` — blanked.
    static func dump(_ path: String) throws -> [String] {
        let stamp = try Regex(#"generated_at[^0-9]{1,8}[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z"#)
        return try StreamCache(path: path, readOnly: true).canonicalDump().map { $0.replacing(stamp, with: "generated_at=*") }
    }

    /// Events committed to the cache (the sum of its input positions), polled until `target`.
    static func waitForCommitted(atLeast target: Int64, in cache: String, while process: Process) -> Int64 {
        let deadline = Date().addingTimeInterval(120)
        var reader: StreamCache?
        var committed: Int64 = -1
        while Date() < deadline, process.isRunning {
            if reader == nil, FileManager.default.fileExists(atPath: cache) { reader = try? StreamCache(path: cache, readOnly: true) }
            if let positions = try? reader?.positions().filter({ $0.topic == "nere.study-events" }) {
                committed = positions.map(\.nextOffset).reduce(0, +)
                if committed >= target { return committed }
            }
            usleep(2_000)
        }
        return committed
    }
}
