import CRDKafka
import Foundation

/// A consumer-group rebalance, reported before librdkafka applies it.
public enum KafkaRebalanceEvent: Sendable, Hashable {
    /// These partitions are about to be assigned to this consumer.
    case assigned([KafkaTopicPartition])
    /// These partitions are about to be taken away (commit or flush their work now).
    case revoked([KafkaTopicPartition])
}

/// Called on the consumer's own thread, inside `poll` (or `close`), before the assignment
/// change is applied. For `.assigned`, the returned offsets override where consumption of
/// those partitions starts (e.g. positions restored from a local store); partitions not
/// in the result start at the group's committed offset (`auto.offset.reset` if none).
/// The return value is ignored for `.revoked`.
///
/// With the eager protocol a commit issued while the group is rebalancing fails with
/// `REBALANCE_IN_PROGRESS`; the place to commit work done on revoked partitions is the
/// handler itself, through `context.commit`, before the partitions move.
public typealias KafkaRebalanceHandler = @Sendable (KafkaRebalanceEvent, KafkaRebalanceContext) -> [KafkaTopicPartition: Int64]

/// What a rebalance handler may do with the consumer while it is running. Only valid
/// during the handler call (it runs on the consumer's own thread, so blocking is fine).
public struct KafkaRebalanceContext {
    let rk: OpaquePointer

    /// Synchronously commits offsets (next offset to read) for the current generation.
    public func commit(_ offsets: [KafkaTopicPartitionOffset]) throws {
        guard !offsets.isEmpty else { return }
        try commitSync(rk, offsets)
    }

    /// The group's committed offsets for these partitions (`KafkaOffset.invalid` if none).
    public func committed(_ partitions: [KafkaTopicPartition],
                          timeout: Duration = .seconds(10)) throws -> [KafkaTopicPartition: Int64] {
        try committedSync(rk, partitions, timeout: timeout)
    }
}

func committedSync(_ rk: OpaquePointer, _ partitions: [KafkaTopicPartition],
                   timeout: Duration) throws -> [KafkaTopicPartition: Int64] {
    let list = makePartitionList(partitions.map { .init(topic: $0.topic, partition: $0.partition, offset: KafkaOffset.invalid) })
    defer { rd_kafka_topic_partition_list_destroy(list) }
    try KafkaError.check(rd_kafka_committed(rk, list, timeout.milliseconds), "committed")
    var result: [KafkaTopicPartition: Int64] = [:]
    for (tpo, _) in readPartitionList(list) { result[tpo.topicPartition] = tpo.offset }
    return result
}

func commitSync(_ rk: OpaquePointer, _ offsets: [KafkaTopicPartitionOffset]) throws {
    let list = makePartitionList(offsets)
    defer { rd_kafka_topic_partition_list_destroy(list) }
    try KafkaError.check(rd_kafka_commit(rk, list, 0), "commit")
    for (tp, err) in readPartitionList(list) where err != RD_KAFKA_RESP_ERR_NO_ERROR {
        throw KafkaError(err, "commit of \(tp.topic)[\(tp.partition)]: \(String(cString: rd_kafka_err2str(err)))")
    }
}

/// A Kafka consumer: a consumer group via `subscribe`, or a manual assignment via `assign`
/// (no group needed, e.g. to read `nere.sets` in full from the beginning; without a
/// `group.id` only `assign` works, `subscribe` fails).
///
/// Offsets are committed only explicitly: unless the configuration says otherwise,
/// `enable.auto.commit` and `enable.auto.offset.store` are `false`.
///
/// Threading: every librdkafka call on this handle (poll with a timeout, commit, metadata,
/// close) runs on the consumer's private serial `DispatchQueue` and the calling task
/// suspends on a continuation, so nothing blocks Swift's cooperative thread pool; the
/// rebalance handler runs on that queue too. Calls are serialized, so do not expect a
/// `commit` to overtake a `poll` that is waiting for messages.
public final class KafkaConsumer: Sendable {
    private let core: ConsumerCore

    /// - Parameters:
    ///   - configuration: librdkafka properties, passed verbatim (`group.id` for `subscribe`).
    ///   - rebalanceHandler: told about partitions assigned/revoked by the group protocol.
    public init(configuration: KafkaConfiguration,
                rebalanceHandler: KafkaRebalanceHandler? = nil) throws(KafkaError) {
        let hasGroup = configuration.groupID != nil
        var configuration = configuration.withDefaults([
            "enable.auto.commit": "false",
            "enable.auto.offset.store": "false",
        ])
        if !hasGroup {
            // librdkafka 2.0.2 refuses `rd_kafka_assign` without a group.id (`_UNKNOWN_GROUP`),
            // although a manual assignment never joins the group. A private, never-joined id
            // satisfies it; nothing is committed under it unless the caller commits.
            configuration.groupID = "nere-assign-\(UUID().uuidString.lowercased())"
        }
        let conf = try configuration.makeConf()
        let core = ConsumerCore(rebalanceHandler: rebalanceHandler)
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(core).toOpaque())
        if hasGroup {
            rd_kafka_conf_set_rebalance_cb(conf, consumerRebalanceCallback)
        }
        let rk = try makeHandle(RD_KAFKA_CONSUMER, conf)
        core.rk = rk
        // Route the main queue into the consumer queue so `consumer_poll` serves everything.
        _ = rd_kafka_poll_set_consumer(rk)
        self.core = core
    }

    deinit {
        // Non-blocking: the close happens on the consumer's queue.
        let core = self.core
        core.queue.async { core.closeNow() }
    }

    /// Joins the consumer group (`group.id`) with these topics.
    public func subscribe(topics: [String]) async throws {
        let core = self.core
        try await offPool(core.queue) {
            let rk = try core.handle()
            let list = makePartitionList(topics.map { .init(topic: $0, partition: kafkaPartitionUA, offset: KafkaOffset.invalid) })
            defer { rd_kafka_topic_partition_list_destroy(list) }
            try KafkaError.check(rd_kafka_subscribe(rk, list), "subscribe")
        }
    }

    /// Assigns partitions explicitly (no group membership), starting at the given offsets
    /// (`KafkaOffset.beginning`, `.end`, `.stored` or an absolute offset). Replaces the
    /// previous assignment; an empty list unassigns.
    public func assign(_ partitions: [KafkaTopicPartitionOffset]) async throws {
        let core = self.core
        try await offPool(core.queue) {
            let rk = try core.handle()
            let list = makePartitionList(partitions)
            defer { rd_kafka_topic_partition_list_destroy(list) }
            try KafkaError.check(rd_kafka_assign(rk, list), "assign")
        }
    }

    /// Assigns every partition of `topic` starting at `offset` (default: the beginning) and
    /// returns the partition ids.
    @discardableResult
    public func assign(topic: String, from offset: Int64 = KafkaOffset.beginning,
                       timeout: Duration = .seconds(10)) async throws -> [Int32] {
        let partitions = try await partitions(of: topic, timeout: timeout)
        try await assign(partitions.map { .init(topic: topic, partition: $0, offset: offset) })
        return partitions
    }

    /// The current assignment (from `subscribe`'s group or from `assign`).
    public func assignment() async throws -> [KafkaTopicPartition] {
        let core = self.core
        return try await offPool(core.queue) {
            let rk = try core.handle()
            var list: PartitionList?
            try KafkaError.check(rd_kafka_assignment(rk, &list), "assignment")
            defer { if let list { rd_kafka_topic_partition_list_destroy(list) } }
            return readPartitionList(list).map { $0.0.topicPartition }.sorted()
        }
    }

    /// Partition ids of `topic`, from the cluster's metadata.
    public func partitions(of topic: String, timeout: Duration = .seconds(10)) async throws -> [Int32] {
        let core = self.core
        return try await offPool(core.queue) {
            try fetchPartitions(try core.handle(), topic: topic, timeout: timeout)
        }
    }

    /// Low and high watermark (offset of the next record to be written) of a partition.
    /// Reading a topic "in full" means reading each partition up to its high watermark.
    public func watermarks(topic: String, partition: Int32,
                           timeout: Duration = .seconds(10)) async throws -> (low: Int64, high: Int64) {
        let core = self.core
        return try await offPool(core.queue) {
            let rk = try core.handle()
            var low: Int64 = 0
            var high: Int64 = 0
            try KafkaError.check(
                rd_kafka_query_watermark_offsets(rk, topic, partition, &low, &high, timeout.milliseconds),
                "watermarks of \(topic)[\(partition)]")
            return (low, high)
        }
    }

    /// Waits up to `timeout` for the first message, then takes whatever else is already
    /// fetched, up to `maxMessages`. Returns an empty batch on timeout. Rebalance callbacks
    /// run inside this call. A consumer error (other than partition EOF) is thrown; if
    /// messages were already taken into the batch, the batch is returned first and the
    /// error is thrown by the next `poll`, so no fetched message is dropped.
    public func poll(maxMessages: Int = 500, timeout: Duration = .milliseconds(100)) async throws -> [KafkaConsumerMessage] {
        let core = self.core
        return try await offPool(core.queue) {
            try core.pollBatch(maxMessages: maxMessages, timeoutMs: timeout.milliseconds)
        }
    }

    /// Synchronously commits these offsets for the group. Each offset is the next one to
    /// read, i.e. `message.offset + 1` (see `KafkaConsumerMessage.nextOffset`).
    public func commit(_ offsets: [KafkaTopicPartitionOffset]) async throws {
        guard !offsets.isEmpty else { return }
        let core = self.core
        try await offPool(core.queue) {
            try commitSync(try core.handle(), offsets)
        }
    }

    /// Commits the positions after the last message of each partition in `messages`.
    public func commit(messages: [KafkaConsumerMessage]) async throws {
        var next: [KafkaTopicPartition: Int64] = [:]
        for m in messages { next[m.topicPartition] = max(next[m.topicPartition] ?? 0, m.offset + 1) }
        try await commit(next.map { .init(topic: $0.key.topic, partition: $0.key.partition, offset: $0.value) })
    }

    /// Committed offsets of the group for these partitions (`KafkaOffset.invalid` if none).
    public func committed(_ partitions: [KafkaTopicPartition],
                          timeout: Duration = .seconds(10)) async throws -> [KafkaTopicPartition: Int64] {
        let core = self.core
        return try await offPool(core.queue) {
            try committedSync(try core.handle(), partitions, timeout: timeout)
        }
    }

    /// The next offset this consumer will read in each partition (`KafkaOffset.invalid` before
    /// its first fetch); answered locally, no request. Reading a partition "to its end" is
    /// reading until this reaches the high watermark, which also holds when the last offsets
    /// are compacted away or are transaction markers.
    public func positions(_ partitions: [KafkaTopicPartition]) async throws -> [KafkaTopicPartition: Int64] {
        let core = self.core
        return try await offPool(core.queue) {
            let rk = try core.handle()
            let list = makePartitionList(partitions.map { .init(topic: $0.topic, partition: $0.partition, offset: KafkaOffset.invalid) })
            defer { rd_kafka_topic_partition_list_destroy(list) }
            try KafkaError.check(rd_kafka_position(rk, list), "position")
            var result: [KafkaTopicPartition: Int64] = [:]
            for (tpo, _) in readPartitionList(list) { result[tpo.topicPartition] = tpo.offset }
            return result
        }
    }

    /// The high watermark of a partition as last seen in a fetch response, without a request
    /// (for lag metrics); `nil` before the first fetch.
    public func cachedHighWatermark(of partition: KafkaTopicPartition) -> Int64? {
        core.queue.sync {
            guard let rk = core.rk else { return nil }
            var low: Int64 = 0
            var high: Int64 = 0
            let err = rd_kafka_get_watermark_offsets(rk, partition.topic, partition.partition, &low, &high)
            return err == RD_KAFKA_RESP_ERR_NO_ERROR && high >= 0 ? high : nil
        }
    }

    /// Leaves the group (revoking the assignment through the rebalance handler) and frees
    /// the handle. Idempotent; later calls on this consumer throw `_STATE`.
    public func close() async {
        let core = self.core
        _ = try? await offPool(core.queue) { core.closeNow() }
    }
}

private let consumerRebalanceCallback: @convention(c) (OpaquePointer?, rd_kafka_resp_err_t, PartitionList?, UnsafeMutableRawPointer?) -> Void = { rk, err, partitions, opaque in
    guard let rk, let opaque else { return }
    let core = Unmanaged<ConsumerCore>.fromOpaque(opaque).takeUnretainedValue()
    core.rebalance(rk, err, partitions)
}

/// Consumer state; confined to `queue` except `rebalanceHandler` (immutable).
final class ConsumerCore: @unchecked Sendable {
    let queue = DispatchQueue(label: "nere.kafka.consumer")
    let rebalanceHandler: KafkaRebalanceHandler?
    var rk: OpaquePointer?
    var pendingError: KafkaError?

    init(rebalanceHandler: KafkaRebalanceHandler?) {
        self.rebalanceHandler = rebalanceHandler
    }

    func handle() throws(KafkaError) -> OpaquePointer {
        guard let rk else { throw KafkaError(code: .state, message: "consumer is closed") }
        return rk
    }

    func rebalance(_ rk: OpaquePointer, _ err: rd_kafka_resp_err_t, _ partitions: PartitionList?) {
        let cooperative = String(cString: rd_kafka_rebalance_protocol(rk)) == "COOPERATIVE"
        let tps = readPartitionList(partitions).map { $0.0.topicPartition }.sorted()
        switch err {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            let overrides = rebalanceHandler?(.assigned(tps), KafkaRebalanceContext(rk: rk)) ?? [:]
            if let partitions, !overrides.isEmpty {
                for i in 0..<Int(partitions.pointee.cnt) {
                    let e = partitions.pointee.elems[i]
                    let tp = KafkaTopicPartition(topic: String(cString: e.topic), partition: e.partition)
                    if let o = overrides[tp] { partitions.pointee.elems[i].offset = o }
                }
            }
            if cooperative {
                if let e = rd_kafka_incremental_assign(rk, partitions) { rd_kafka_error_destroy(e) }
            } else {
                _ = rd_kafka_assign(rk, partitions)
            }
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            _ = rebalanceHandler?(.revoked(tps), KafkaRebalanceContext(rk: rk))
            if cooperative {
                if let e = rd_kafka_incremental_unassign(rk, partitions) { rd_kafka_error_destroy(e) }
            } else {
                _ = rd_kafka_assign(rk, nil)
            }
        default:
            // A failed rebalance: drop the assignment, the group will rebalance again.
            if !tps.isEmpty { _ = rebalanceHandler?(.revoked(tps), KafkaRebalanceContext(rk: rk)) }
            _ = rd_kafka_assign(rk, nil)
        }
    }

    func pollBatch(maxMessages: Int, timeoutMs: Int32) throws -> [KafkaConsumerMessage] {
        if let e = pendingError {
            pendingError = nil
            throw e
        }
        let rk = try handle()
        var batch: [KafkaConsumerMessage] = []
        var wait = timeoutMs
        while batch.count < maxMessages {
            guard let m = rd_kafka_consumer_poll(rk, wait) else { break }
            defer { rd_kafka_message_destroy(m) }
            wait = 0
            let err = m.pointee.err
            if err == RD_KAFKA_RESP_ERR_NO_ERROR {
                batch.append(KafkaConsumerMessage(m))
            } else if err == RD_KAFKA_RESP_ERR__PARTITION_EOF {
                continue
            } else {
                let text = rd_kafka_message_errstr(m).map { String(cString: $0) }
                let error = KafkaError(err, text)
                if batch.isEmpty { throw error }
                pendingError = error
                break
            }
        }
        return batch
    }

    func closeNow() {
        guard let rk else { return }
        _ = rd_kafka_consumer_close(rk)
        rd_kafka_destroy(rk)
        self.rk = nil
    }
}

/// Partition ids of `topic` via a metadata request (blocking; call off the pool).
func fetchPartitions(_ rk: OpaquePointer, topic: String, timeout: Duration) throws -> [Int32] {
    guard let rkt = rd_kafka_topic_new(rk, topic, nil) else {
        throw KafkaError(code: .invalidArgument, message: "invalid topic \(topic)")
    }
    defer { rd_kafka_topic_destroy(rkt) }
    var md: UnsafePointer<rd_kafka_metadata>?
    try KafkaError.check(rd_kafka_metadata(rk, 0, rkt, &md, timeout.milliseconds), "metadata of \(topic)")
    guard let md else { return [] }
    defer { rd_kafka_metadata_destroy(md) }
    guard md.pointee.topic_cnt > 0 else { throw KafkaError(code: .unknownTopicOrPartition, message: "no metadata for \(topic)") }
    let t = md.pointee.topics[0]
    try KafkaError.check(t.err, "metadata of \(topic)")
    return (0..<Int(t.partition_cnt)).map { t.partitions[$0].id }.sorted()
}
