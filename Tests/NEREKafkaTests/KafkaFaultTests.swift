import Foundation
import NEREKafka
import Testing

@Suite struct KafkaFaultTests {
    /// Quick reconnects so a broker coming back is noticed within a second.
    let quickReconnect: [String: String] = [
        "reconnect.backoff.ms": "50", "reconnect.backoff.max.ms": "300", "retry.backoff.ms": "50",
        "log_level": "0",  // the down broker makes librdkafka log connection errors
    ]

    private func readAll(_ cluster: KafkaMockCluster, _ topic: String, count: Int) async throws -> [KafkaConsumerMessage] {
        let consumer = try KafkaConsumer(configuration: cluster.configuration())
        try await consumer.assign(topic: topic)
        let messages = try await consume(consumer, timeout: .seconds(10)) { $0.count >= count }
        await consumer.close()
        return messages
    }

    @Test func brokerDownWhileProducingLosesNothing() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        let topic = uniqueName("down")
        try cluster.createTopic(topic, partitions: 2)
        let producer = try KafkaProducer(configuration: cluster.configuration(quickReconnect))
        for i in 0..<10 { try producer.send(KafkaProducerMessage(topic: topic, key: bytes("k\(i)"), value: bytes("\(i)"))) }
        #expect(try await producer.flush(timeout: .seconds(10)).filter { $0.error == nil }.count == 10)

        try cluster.setBrokerDown(1)
        for i in 10..<30 { try producer.send(KafkaProducerMessage(topic: topic, key: bytes("k\(i)"), value: bytes("\(i)"))) }
        // While the broker is down nothing is delivered; the flush deadline is reported
        // as a KafkaError and the messages stay queued (librdkafka retries them).
        await #expect {
            _ = try await producer.flush(timeout: .milliseconds(800))
        } throws: { ($0 as? KafkaError)?.code == .timedOut }
        #expect(producer.outstandingCount == 20)

        try cluster.setBrokerUp(1)
        let reports = try await producer.flush(timeout: .seconds(20))
        #expect(reports.count == 20)
        #expect(reports.filter { $0.error != nil }.isEmpty)
        await producer.close()

        let values = Set(try await readAll(cluster, topic, count: 30).map { string($0.value)! })
        #expect(values == Set((0..<30).map(String.init)))
    }

    @Test func messageTimeoutIsReportedPerMessage() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        let topic = uniqueName("timeout")
        try cluster.createTopic(topic, partitions: 1)
        var config = quickReconnect
        config["message.timeout.ms"] = "1000"
        let producer = try KafkaProducer(configuration: cluster.configuration(config))
        try producer.send(KafkaProducerMessage(topic: topic, key: nil, value: bytes("before")))
        #expect(try await producer.flush(timeout: .seconds(10)).count == 1)

        try cluster.setBrokerDown(1)
        let id = try producer.send(KafkaProducerMessage(topic: topic, key: nil, value: bytes("lost?")))
        let reports = try await producer.flush(timeout: .seconds(10))
        // Not delivered, but not silently lost either: the report carries the error.
        #expect(reports.map(\.id) == [id])
        #expect(reports.first?.error?.code == .messageTimedOut)
        #expect(reports.first?.error?.name == "_MSG_TIMED_OUT")
        #expect(reports.first.map { string($0.value) } == "lost?")
        try cluster.setBrokerUp(1)
        await producer.close()
    }

    @Test func retriableProduceErrorsAreRetried() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        let topic = uniqueName("retry")
        try cluster.createTopic(topic, partitions: 1)
        let producer = try KafkaProducer(configuration: cluster.configuration(quickReconnect))
        // Warm up (metadata, connection), then inject errors into the next Produce requests.
        try producer.send(KafkaProducerMessage(topic: topic, key: nil, value: bytes("0")))
        _ = try await producer.flush(timeout: .seconds(10))
        cluster.pushRequestErrors(.produce, [.notLeaderForPartition, .requestTimedOut, .notEnoughReplicas])
        for i in 1..<6 { try producer.send(KafkaProducerMessage(topic: topic, key: nil, value: bytes("\(i)"))) }
        let reports = try await producer.flush(timeout: .seconds(15))
        #expect(reports.count == 5)
        #expect(reports.filter { $0.error != nil }.isEmpty)
        await producer.close()
        let values = Set(try await readAll(cluster, topic, count: 6).map { string($0.value)! })
        #expect(values == Set((0..<6).map(String.init)))
    }

    @Test func nonRetriableProduceErrorIsReported() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        let topic = uniqueName("fatal")
        try cluster.createTopic(topic, partitions: 1)
        let producer = try KafkaProducer(configuration: cluster.configuration(quickReconnect))
        try producer.send(KafkaProducerMessage(topic: topic, key: nil, value: bytes("0")))
        _ = try await producer.flush(timeout: .seconds(10))
        cluster.pushRequestErrors(.produce, [KafkaErrorCode(rawValue: 10)])  // MESSAGE_TOO_LARGE
        try producer.send(KafkaProducerMessage(topic: topic, key: nil, value: bytes("1")))
        let reports = try await producer.flush(timeout: .seconds(10))
        #expect(reports.count == 1)
        #expect(reports.first?.error?.name == "MSG_SIZE_TOO_LARGE")
        await producer.close()
    }
}
