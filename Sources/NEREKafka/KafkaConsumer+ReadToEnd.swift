extension KafkaConsumer {
    /// Assigns `partitions` from the beginning and reads them up to the high watermarks they
    /// had when this was called, handing each poll's records to `body` (in offset order per
    /// partition). The assignment stays, so the caller can go on following the partitions. For
    /// the tables a service reads in full: `nere.sets`, a changelog partition.
    /// Records already fetched past a watermark are handed over too. Returns the watermarks
    /// seen at the start, which bound the snapshot for a caller that must not go past them.
    @discardableResult
    public func readToEnd(_ partitions: [KafkaTopicPartition], _ body: ([KafkaConsumerMessage]) throws -> Void) async throws
        -> [KafkaTopicPartition: (low: Int64, high: Int64)]
    {
        var seen: [KafkaTopicPartition: (low: Int64, high: Int64)] = [:]
        var ends: [KafkaTopicPartition: Int64] = [:]
        for partition in partitions {
            let (low, high) = try await watermarks(topic: partition.topic, partition: partition.partition)
            seen[partition] = (low, high)
            if high > low { ends[partition] = high }
        }
        try await assign(partitions.map { .init(topic: $0.topic, partition: $0.partition, offset: KafkaOffset.beginning) })
        while !ends.isEmpty {
            try body(try await poll(maxMessages: 10_000, timeout: .milliseconds(200)))
            for (partition, position) in try await positions(Array(ends.keys)) where position >= ends[partition]! {
                ends[partition] = nil
            }
        }
        return seen
    }
}

extension KafkaConsumer {
    /// Every record of `topic` up to its current end, through a manual assignment.
    public func readAll(_ topic: String) async throws -> [KafkaConsumerMessage] {
        var messages: [KafkaConsumerMessage] = []
        let partitions = try await partitions(of: topic).map { KafkaTopicPartition(topic: topic, partition: $0) }
        try await readToEnd(partitions) { messages += $0 }
        return messages
    }
}
