import Foundation
import NEREKafka

func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
func string(_ b: [UInt8]?) -> String? { b.map { String(decoding: $0, as: UTF8.self) } }

func uniqueName(_ prefix: String) -> String {
    "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
}

/// Consumer settings that make mock-cluster group joins quick.
let fastGroup: [String: String] = [
    "session.timeout.ms": "6000",
    "heartbeat.interval.ms": "500",
    "auto.offset.reset": "earliest",
    "topic.metadata.refresh.interval.ms": "1000",
]

/// Thread-safe log of rebalance events.
final class RebalanceLog: @unchecked Sendable {
    private let lock = NSLock()
    private var _events: [KafkaRebalanceEvent] = []

    var events: [KafkaRebalanceEvent] { lock.withLock { _events } }

    var handler: KafkaRebalanceHandler {
        { event, _ in
            self.lock.withLock { self._events.append(event) }
            return [:]
        }
    }

    var assigned: [KafkaTopicPartition] {
        events.flatMap { e -> [KafkaTopicPartition] in if case .assigned(let p) = e { return p } else { return [] } }
    }
    var revoked: [KafkaTopicPartition] {
        events.flatMap { e -> [KafkaTopicPartition] in if case .revoked(let p) = e { return p } else { return [] } }
    }
}

struct TestTimeout: Error, CustomStringConvertible {
    var description: String
}

/// Polls `consumer` until `done(all messages so far)` or the deadline; commits after each
/// batch when `commit` is set.
func consume(_ consumer: KafkaConsumer, commit: Bool = false, timeout: Duration = .seconds(60),
             until done: ([KafkaConsumerMessage]) -> Bool) async throws -> [KafkaConsumerMessage] {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    var all: [KafkaConsumerMessage] = []
    while !done(all) {
        guard clock.now < deadline else {
            throw TestTimeout(description: "consumed \(all.count) message(s) before the deadline")
        }
        let batch = try await consumer.poll(maxMessages: 100, timeout: .milliseconds(100))
        if commit, !batch.isEmpty { try await consumer.commit(messages: batch) }
        all += batch
    }
    return all
}

/// Creates a topic in the mock directly: librdkafka 2.0.2's mock cluster advertises
/// ControllerId 0 in Metadata while its brokers are 1...n, so Admin API requests (which go to
/// the controller) never find one. See `KafkaAdminTests`.
func createTopic(_ cluster: KafkaMockCluster, _ name: String, partitions: Int32) async throws {
    try cluster.createTopic(name, partitions: partitions)
}

/// Offsets processed but not yet committed (commits can fail with REBALANCE_IN_PROGRESS);
/// committed after each batch and, at the latest, in the revoke handler.
final class PendingOffsets: @unchecked Sendable {
    private let lock = NSLock()
    private var next: [KafkaTopicPartition: Int64] = [:]

    func add(_ batch: [KafkaConsumerMessage]) {
        lock.withLock { for m in batch { next[m.topicPartition] = m.offset + 1 } }
    }

    var offsets: [KafkaTopicPartitionOffset] {
        lock.withLock { next.map { .init(topic: $0.key.topic, partition: $0.key.partition, offset: $0.value) } }
    }

    func clear() { lock.withLock { next = [:] } }

    func committed(_ offsets: [KafkaTopicPartitionOffset]) {
        lock.withLock { for o in offsets where next[o.topicPartition] == o.offset { next[o.topicPartition] = nil } }
    }
}
