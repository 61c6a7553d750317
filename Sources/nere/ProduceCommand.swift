import ArgumentParser
import Foundation
import NEREContracts
import NEREKafka

/// `nere produce`: a JSON lines file into a topic, one record per line, keyed as the topic's
/// definition says — how to feed a generated log or catalog to a cluster (or `nere
/// dev-broker`) without writing a producer first.
struct ProduceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "produce",
        abstract: "Produce a JSON lines file to a Kafka topic, one record per line.",
        discussion: """
            Each line is sent unchanged; its key is the line's --key field (default: the topic's key \
            from topics/, e.g. user_id for nere.study-events, set_id for nere.sets). A line without \
            that field (not JSON, say) is sent with a null key: the service dead-letters it. Waits \
            until the broker has acknowledged every record.
            """)

    @OptionGroup var client: KafkaClientOptions

    @Option(help: "Topic to produce to.")
    var topic: String

    @Option(help: "JSON lines file.")
    var file: String

    @Option(help: "Field whose value keys each record (default: from the topic's definition).")
    var key: String?

    @OptionGroup var topicDefinitions: TopicDefinitionOptions

    func validate() throws {
        try requireReadableFile(file, flag: "--file")
    }

    func run() async throws {
        let keyField = try key ?? definedKey()
        let lines = try Data(contentsOf: URL(fileURLWithPath: file)).split(separator: UInt8(ascii: "\n"))
        let producer = try KafkaProducer(configuration: try client.configuration(clientID: "nere-produce"))
        let progress = ProgressLine("produce")
        var unkeyed = 0
        for (i, line) in lines.enumerated() {
            let recordKey = Self.key(keyField, of: line).map { Array($0.utf8) }
            if recordKey == nil { unkeyed += 1 }
            _ = try producer.send(KafkaProducerMessage(topic: topic, key: recordKey, value: Array(line)))
            if i % 1000 == 0 { progress.update(done: i, total: lines.count) }
        }
        let reports = try await producer.flush(timeout: .seconds(120))
        progress.finish()
        _ = await producer.close()
        let failed = reports.filter { !$0.isDelivered }
        guard failed.isEmpty else {
            throw ValidationError("\(failed.count) of \(lines.count) records not delivered to \(topic): \(failed[0].error.map { "\($0)" } ?? "")")
        }
        print("produced \(lines.count) records to \(topic) keyed by \(keyField) (\(unkeyed) without a key)")
    }

    /// The string value of a line's top-level `field`; nil when the line is not a JSON object
    /// or has no such string.
    static func key(_ field: String, of line: some Collection<UInt8>) -> String? {
        ((try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any])?[field] as? String
    }

    private func definedKey() throws -> String {
        guard let definition = try topicDefinitions.load().first(where: { $0.name == topic }) else {
            throw ValidationError("--topic \(topic) is not defined in \(topicDefinitions.topics); give --key")
        }
        switch definition.keyFormat {
        case .userID: return "user_id"
        case .setID: return "set_id"
        default: throw ValidationError("--topic \(topic) is not keyed by a field of its records; give --key")
        }
    }
}
