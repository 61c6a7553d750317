import NEREContracts
import NEREKafka
import NEREPipeline

extension ReplayInput {
    /// A replay of what a cluster holds, so an evaluation needs no export of the topics to files.
    ///
    /// Events: every partition of `events` from its earliest record up to the end offsets seen
    /// when loading starts; records produced meanwhile belong to the next snapshot, so a replay
    /// always reads one fixed log. The records are handed over partition by partition in offset
    /// order (replay order is by `ended_at` anyway; this only fixes the order of ties) and
    /// decoded as the service decodes them. The fingerprint is the topic and each partition's
    /// offset range: a cache resumes only the snapshot it started, and any record added or
    /// removed since makes the resume fail instead of mixing two logs.
    ///
    /// Sets: `sets` read to its end exactly as the service reads its catalog (`SetsTable`).
    public static func topics(_ configuration: KafkaConfiguration, events: String = TopicName.studyEvents.rawValue,
                              sets: String = TopicName.sets.rawValue) -> ReplayInput {
        let cluster = configuration.bootstrapServers ?? ""
        return ReplayInput(
            events: "kafka://\(cluster)/\(events)", sets: "kafka://\(cluster)/\(sets)",
            loadEvents: {
                try await TopicReplayError.naming(events, on: cluster) {
                    try await snapshot(of: events, configuration: configuration.withoutGroup)
                }
            },
            loadSets: {
                try await TopicReplayError.naming(sets, on: cluster) {
                    let (table, catalog, deadLetters) = try await SetsTable.load(topic: sets, configuration: configuration)
                    await table.close()
                    return SetsFile.Loaded(sets: catalog, deadLetters: deadLetters)
                }
            })
    }

    private static func snapshot(of topic: String, configuration: KafkaConfiguration) async throws -> ReplayLog {
        let consumer = try KafkaConsumer(configuration: configuration)
        var messages: [KafkaConsumerMessage] = []
        let bounds: [KafkaTopicPartition: (low: Int64, high: Int64)]
        do {
            let partitions = try await consumer.partitions(of: topic).map { KafkaTopicPartition(topic: topic, partition: $0) }
            bounds = try await consumer.readToEnd(partitions) { messages += $0 }
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
        let snapshot = messages.filter { $0.offset < bounds[$0.topicPartition]!.high }
            .sorted { ($0.partition, $0.offset) < ($1.partition, $1.offset) }
        let now = Timestamp.now
        let fingerprint = bounds.sorted { $0.key.partition < $1.key.partition }
            .map { "\($0.key.partition):\($0.value.low)-\($0.value.high)" }.joined(separator: ",")
        return ReplayLog(topic: topic, fingerprint: "\(topic)@\(fingerprint)",
                         events: snapshot.parallelMap { InboundEvent($0, now: now) })
    }
}

/// A topic a replay could not read, named with the cluster so the message says what to fix.
public struct TopicReplayError: Error, CustomStringConvertible {
    public var topic: String
    public var cluster: String
    public var underlying: any Error

    public var description: String { "cannot read \(topic) from \(cluster): \(underlying)" }

    static func naming<T>(_ topic: String, on cluster: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw TopicReplayError(topic: topic, cluster: cluster, underlying: error)
        }
    }
}
