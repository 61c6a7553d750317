import Foundation
import NEREContracts
import NEREKafka
import Testing

/// A new model reaches a running `nere serve` on SIGHUP (re-reading `model.path`) between two
/// batches: every event is answered exactly once, by the old model before the swap and by the
/// new one after it.
struct ServeModelSwapTests {
    @Test func sighupSwapsTheModelWithoutLosingOrRepeatingEvents() async throws {
        let dir = try TrainAndServeTests.vectorizedCourse()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = { (name: String) in dir.appendingPathComponent(name).path }
        var versions: [String] = []
        for (name, seed) in [("model-a", "3"), ("model-b", "4")] {
            let train = try NereProcess.run(["train", "--events", path("events.jsonl"), "--sets", path("sets.jsonl"),
                                             "--vectors", path("vectors"), "--out", path(name), "--epochs", "1", "--seed", seed])
            try #require(train.status == 0, "\(train.stderr)")
            let description = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("\(name)/model.json")))
            versions.append(try #require((description as? [String: Any])?["version_id"] as? String))
        }
        try #require(versions[0] != versions[1])

        let out = Pipe()
        let broker = try NereProcess.start(["dev-broker", "--topics", DevBrokerTests.topics], stdout: out.fileHandleForWriting)
        defer { broker.terminate(); broker.waitUntilExit() }
        let bootstrap = String(try #require(DevBrokerTests.readLines(out.fileHandleForReading, count: 1).first?.split(separator: " ").last))
        let events = try Data(contentsOf: dir.appendingPathComponent("events.jsonl")).split(separator: UInt8(ascii: "\n"))
        let half = events.count / 2
        try await ServeKillTests.produce(bootstrap, "nere.sets", try Data(contentsOf: dir.appendingPathComponent("sets.jsonl"))
            .split(separator: UInt8(ascii: "\n")), key: "set_id")
        try await ServeKillTests.produce(bootstrap, "nere.study-events", Array(events[..<half]), key: "user_id")

        let config = path("serve.yaml")
        func configure(model: String) throws {
            try """
                kafka: {bootstrap.servers: "\(bootstrap)", group.id: swap, session.timeout.ms: 6000}
                topics: {directory: \(DevBrokerTests.topics)}
                cache: {path: \(path("cache.sqlite"))}
                model: {path: \(path(model)), vectors: \(path("vectors"))}
                http: {listen: "127.0.0.1:0"}
                """.write(toFile: config, atomically: true, encoding: .utf8)
        }
        try configure(model: "model-a")
        let service = try NereProcess.start(["serve", "--config", config])
        defer { if service.isRunning { service.terminate() } }
        let firstHalf = ServeKillTests.waitForCommitted(atLeast: Int64(half), in: path("cache.sqlite"), while: service)
        #expect(firstHalf == Int64(half))
        try configure(model: "model-b")
        kill(service.processIdentifier, SIGHUP)
        // The swap happens between batches; give the service a turn of its loop before the
        // second half arrives, so every event of that half meets the new model.
        try await Task.sleep(for: .seconds(2))
        try await ServeKillTests.produce(bootstrap, "nere.study-events", Array(events[half...]), key: "user_id")
        let all = ServeKillTests.waitForCommitted(atLeast: Int64(events.count), in: path("cache.sqlite"), while: service)
        service.terminate()
        service.waitUntilExit()
        #expect(all == Int64(events.count))
        #expect(service.terminationStatus == 0)

        let firstHalfIDs = Set(events[..<half].compactMap { ServeKillTests.field("event_id", $0).map { String(decoding: $0, as: UTF8.self) } })
        var answered: [String: [String]] = [:]
        let reader = try KafkaConsumer(configuration: KafkaConfiguration(["bootstrap.servers": bootstrap]))
        let published = try await reader.readAll("nere.recommendations")
        await reader.close()
        for message in published {
            let recommendation = try PayloadDecoding.decode(Recommendation.self, from: message.value ?? [], now: .now).get()
            answered[recommendation.source.eventID, default: []].append(recommendation.modelVersion)
        }
        #expect(answered.count == events.count, "one recommendation per event")
        #expect(answered.values.allSatisfy { $0.count == 1 }, "none repeated")
        #expect(answered.allSatisfy { id, models in models == [firstHalfIDs.contains(id) ? versions[0] : versions[1]] },
                "old model before the SIGHUP, new model after")
    }
}
