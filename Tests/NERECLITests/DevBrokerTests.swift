import Foundation
import NEREKafka
import Testing

/// `nere dev-broker` as a developer uses it: a real Kafka protocol endpoint on loopback with
/// the project's topics, reachable by any librdkafka client, stopped cleanly by SIGTERM.
struct DevBrokerTests {
    static let topics = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("topics").path

    /// Reads the child's standard output until `lines` complete lines have arrived.
    static func readLines(_ handle: FileHandle, count lines: Int) -> [String] {
        var text = ""
        while text.filter({ $0 == "\n" }).count < lines {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        return text.split(separator: "\n").map(String.init)
    }

    @Test func servesTheProjectsTopicsUntilSIGTERM() async throws {
        let out = Pipe()
        let process = try NereProcess.start(["dev-broker", "--topics", Self.topics], stdout: out.fileHandleForWriting)
        let lines = Self.readLines(out.fileHandleForReading, count: 6)
        try #require(lines.count == 6, "\(lines)")
        let bootstrap = try #require(lines[0].split(separator: " ").last.map(String.init))
        #expect(lines[0].hasPrefix("bootstrap 127.0.0.1:"))
        #expect(lines.contains("created nere.study-events (12 partitions)"))

        let configuration = KafkaConfiguration(["bootstrap.servers": bootstrap])
        let producer = try KafkaProducer(configuration: configuration)
        for i in 0..<5 {
            _ = try producer.send(KafkaProducerMessage(topic: "nere.study-events", partition: 3, key: Array("u\(i)".utf8),
                                                       value: Array("{\"n\": \(i)}".utf8)))
        }
        let reports = try await producer.flush(timeout: .seconds(20))
        #expect(reports.count == 5 && reports.allSatisfy { $0.error == nil })
        _ = await producer.close()

        let consumer = try KafkaConsumer(configuration: configuration)
        try await consumer.assign([KafkaTopicPartitionOffset(topic: "nere.study-events", partition: 3, offset: KafkaOffset.beginning)])
        var received: [String] = []
        let deadline = ContinuousClock.now + .seconds(20)
        while received.count < 5 && ContinuousClock.now < deadline {
            received += try await consumer.poll(maxMessages: 10, timeout: .milliseconds(200))
                .map { String(decoding: $0.value ?? [], as: UTF8.self) }
        }
        await consumer.close()
        #expect(received == (0..<5).map { "{\"n\": \($0)}" })

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }
}
