import Foundation
import NEREKafka
import Testing

/// `nere produce` feeding `nere dev-broker`, as the README's "try it locally" does.
struct ProduceCommandTests {
    @Test func producesEachLineKeyedByTheTopicsKeyField() async throws {
        let dir = try NereProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("events.jsonl").path
        try """
            {"event_id": "e1", "user_id": "u1"}
            {"event_id": "e2", "user_id": "u2"}
            not json at all
            """.write(toFile: file, atomically: true, encoding: .utf8)
        let out = Pipe()
        let broker = try NereProcess.start(["dev-broker", "--topics", DevBrokerTests.topics], stdout: out.fileHandleForWriting)
        defer { broker.terminate(); broker.waitUntilExit() }
        let bootstrap = String(try #require(DevBrokerTests.readLines(out.fileHandleForReading, count: 1).first?.split(separator: " ").last))

        let produced = try NereProcess.run(["produce", "--bootstrap", bootstrap, "--topic", "nere.study-events", "--file", file,
                                            "--topics", DevBrokerTests.topics])
        #expect(produced.status == 0, "\(produced.stderr)")
        #expect(produced.stdout.contains("produced 3 records to nere.study-events keyed by user_id (1 without a key)"))
        let consumer = try KafkaConsumer(configuration: KafkaConfiguration(["bootstrap.servers": bootstrap]))
        let records = try await consumer.readAll("nere.study-events")
        await consumer.close()
        #expect(Set(records.map { $0.key.map { String(decoding: $0, as: UTF8.self) } ?? "null" }) == ["u1", "u2", "null"])

        let unknown = try NereProcess.run(["produce", "--bootstrap", bootstrap, "--topic", "elsewhere", "--file", file,
                                           "--topics", DevBrokerTests.topics])
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("nere: --topic elsewhere is not defined"), "\(unknown.stderr)")
    }
}
