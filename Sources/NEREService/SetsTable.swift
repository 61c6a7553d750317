import Foundation
import NERECache
import NEREContracts
import NEREKafka
import NEREPipeline

/// `nere.sets` read as a global table (DESIGN §3): every instance reads every partition from
/// the beginning, without a consumer group, and then follows it, so a set published anywhere
/// is recommendable on every instance within a poll or two. A null value deletes the set.
final class SetsTable {
    private let consumer: KafkaConsumer
    private let topic: String

    private init(consumer: KafkaConsumer, topic: String) {
        self.consumer = consumer
        self.topic = topic
    }

    /// Reads the topic in full: up to each partition's high watermark as it was at the start.
    /// Returns the catalog (latest record per set; deleted sets absent), the table to follow,
    /// and the records that were not valid sets.
    static func load(topic: String, configuration: KafkaConfiguration) async throws
        -> (table: SetsTable, sets: [StudySet], deadLetters: [DeadLetter])
    {
        let consumer = try KafkaConsumer(configuration: configuration.withoutGroup)
        let table = SetsTable(consumer: consumer, topic: topic)
        var latest: [String: StudySet] = [:]
        var deadLetters: [DeadLetter] = []
        let partitions = try await consumer.partitions(of: topic).map { KafkaTopicPartition(topic: topic, partition: $0) }
        try await consumer.readToEnd(partitions) { messages in
            let (records, letters) = table.decode(messages)
            deadLetters += letters
            for record in records {
                switch record {
                case .published(let set): latest[set.setID] = set
                case .deleted(let setID): latest[setID] = nil
                }
            }
        }
        return (table, latest.keys.sorted().map { latest[$0]! }, deadLetters)
    }

    /// Whatever arrived since the last call, without waiting.
    func poll() async throws -> (records: [SetRecord], deadLetters: [DeadLetter]) {
        decode(try await consumer.poll(maxMessages: 10_000, timeout: .zero))
    }

    func close() async {
        await consumer.close()
    }

    private func decode(_ messages: [KafkaConsumerMessage]) -> ([SetRecord], [DeadLetter]) {
        var records: [SetRecord] = [], deadLetters: [DeadLetter] = []
        for message in messages {
            let origin = EventOrigin(topic: message.topic, partition: Int(message.partition), offset: message.offset)
            guard let value = message.value else {
                if let key = message.key, !key.isEmpty {
                    records.append(.deleted(setID: String(decoding: key, as: UTF8.self)))
                } else {
                    deadLetters.append(DeadLetter(origin: origin, key: message.key, payload: [],
                                                  violation: ContractViolation(field: "", reason: .missing,
                                                                               detail: "a tombstone without a key deletes nothing")))
                }
                continue
            }
            switch StudySet.decode(json: value) {
            case .success(let set): records.append(.published(set))
            case .failure(let violation):
                deadLetters.append(DeadLetter(origin: origin, key: message.key, payload: value, violation: violation))
            }
        }
        return (records, deadLetters)
    }
}
