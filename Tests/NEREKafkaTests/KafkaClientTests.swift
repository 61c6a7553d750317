import Foundation
import NEREKafka
import Testing

@Suite struct KafkaClientTests {
    @Test func producerToConsumerRoundTrip() async throws {
        let cluster = try KafkaMockCluster()
        let topic = uniqueName("roundtrip")
        try await createTopic(cluster, topic, partitions: 3)

        let producer = try KafkaProducer(configuration: cluster.configuration(["linger.ms": "5"]))
        let n = 60
        var ids: [UInt64] = []
        for i in 0..<n {
            ids.append(try producer.send(KafkaProducerMessage(
                topic: topic, key: bytes("user-\(i % 7)"), value: bytes("v\(i)"),
                headers: [KafkaHeader(key: "seq", value: bytes("\(i)")), KafkaHeader(key: "empty", value: nil)])))
        }
        let reports = try await producer.flush()
        #expect(reports.count == n)
        #expect(Set(reports.map(\.id)) == Set(ids))
        #expect(reports.filter { !$0.isDelivered }.isEmpty)
        #expect(producer.outstandingCount == 0)
        #expect(try await producer.flush().isEmpty)  // each report is returned once
        await producer.close()

        let log = RebalanceLog()
        let consumer = try KafkaConsumer(
            configuration: cluster.configuration(fastGroup.merging(["group.id": uniqueName("g")]) { $1 }),
            rebalanceHandler: log.handler)
        try await consumer.subscribe(topics: [topic])
        let messages = try await consume(consumer) { $0.count >= n }
        #expect(messages.count == n)
        #expect(Set(log.assigned.map(\.partition)) == [0, 1, 2])

        // Delivery reports and consumed records agree on where each message went.
        let placed = Dictionary(uniqueKeysWithValues: reports.map { (string($0.value)!, ($0.partition, $0.offset)) })
        for m in messages {
            let i = Int(string(m.value)!.dropFirst())!
            #expect(m.topic == topic)
            #expect(string(m.key) == "user-\(i % 7)")
            #expect(m.headers == [KafkaHeader(key: "seq", value: bytes("\(i)")), KafkaHeader(key: "empty", value: nil)])
            #expect(placed["v\(i)"]! == (m.partition, m.offset))
        }
        // Per partition: consecutive offsets, and send order preserved for each key.
        for (_, ms) in Dictionary(grouping: messages, by: \.partition) {
            let offsets = ms.map(\.offset)
            #expect(offsets == Array(offsets[0]..<offsets[0] + Int64(offsets.count)))
            let seqs = ms.map { Int(string($0.value)!.dropFirst())! }
            #expect(seqs == seqs.sorted())
        }
        await consumer.close()
    }

    @Test func explicitPartitionAndNullValue() async throws {
        let cluster = try KafkaMockCluster()
        let topic = uniqueName("explicit")
        try await createTopic(cluster, topic, partitions: 4)
        let producer = try KafkaProducer(configuration: cluster.configuration())
        try producer.send(KafkaProducerMessage(topic: topic, partition: 2, key: bytes("set-1"), value: nil))
        try producer.send(KafkaProducerMessage(topic: topic, partition: 3, key: nil, value: bytes("x")))
        let reports = try await producer.flush()
        #expect(reports.map(\.partition).sorted() == [2, 3])
        await producer.close()

        let consumer = try KafkaConsumer(configuration: cluster.configuration())
        #expect(try await consumer.assign(topic: topic) == [0, 1, 2, 3])
        let messages = try await consume(consumer) { $0.count >= 2 }.sorted { $0.partition < $1.partition }
        #expect(messages[0].partition == 2 && messages[0].value == nil && string(messages[0].key) == "set-1")
        #expect(messages[1].partition == 3 && messages[1].key == nil && string(messages[1].value) == "x")
        await consumer.close()
    }

    @Test func assignReadsTopicInFullWithoutGroup() async throws {
        let cluster = try KafkaMockCluster()
        let topic = uniqueName("sets")
        try cluster.createTopic(topic, partitions: 3)
        let producer = try KafkaProducer(configuration: cluster.configuration())
        for i in 0..<30 {
            try producer.send(KafkaProducerMessage(topic: topic, key: bytes("set-\(i)"), value: bytes("\(i)")))
        }
        _ = try await producer.flush()
        await producer.close()

        let consumer = try KafkaConsumer(configuration: cluster.configuration())  // no group.id
        let partitions = try await consumer.assign(topic: topic, from: KafkaOffset.beginning)
        #expect(partitions == [0, 1, 2])
        #expect(try await consumer.assignment().map(\.partition) == [0, 1, 2])
        var high: [Int32: Int64] = [:]
        for p in partitions { high[p] = try await consumer.watermarks(topic: topic, partition: p).high }
        #expect(high.values.reduce(0, +) == 30)
        // "In full" = up to each partition's high watermark.
        let messages = try await consume(consumer) { ms in
            partitions.allSatisfy { p in (ms.last { $0.partition == p }?.offset ?? -1) + 1 >= high[p]! }
        }
        #expect(messages.count == 30)
        #expect(Set(messages.compactMap { string($0.key) }) == Set((0..<30).map { "set-\($0)" }))
        await consumer.close()
        // Closed consumers refuse further calls with a KafkaError.
        await #expect(throws: KafkaError.self) { try await consumer.poll() }
    }

    @Test func configurationErrorsNameTheProperty() throws {
        do {
            _ = try KafkaProducer(configuration: KafkaConfiguration(["bootstrap.servers": "localhost:1", "no.such.property": "1"]))
            Issue.record("expected an error")
        } catch {
            #expect(error.property == "no.such.property")
            #expect(error.configurationProblem == .unknownProperty)
            #expect(error.name == "_INVALID_ARG")
            #expect(error.description.contains("no.such.property"))
        }
        #expect {
            _ = try KafkaConsumer(configuration: KafkaConfiguration(["session.timeout.ms": "soon"]))
        } throws: { error in
            let e = error as? KafkaError
            return e?.property == "session.timeout.ms" && e?.configurationProblem == .invalidValue
        }
        #expect(throws: KafkaError.self) {
            _ = try KafkaAdmin(configuration: KafkaConfiguration(["sasl.mechanism": "PLAIN", "bogus.knob": "x"]))
        }
        // Verbatim pass-through: any valid librdkafka property is accepted.
        _ = try KafkaProducer(configuration: KafkaConfiguration([
            "bootstrap.servers": "localhost:1", "log_level": "0", "security.protocol": "sasl_plaintext", "sasl.mechanisms": "PLAIN",
            "sasl.username": "u", "sasl.password": "p", "queue.buffering.max.ms": "7", "compression.codec": "lz4",
        ]))
        #expect(KafkaErrorCode.topicAlreadyExists.name == "TOPIC_ALREADY_EXISTS")
    }
}
