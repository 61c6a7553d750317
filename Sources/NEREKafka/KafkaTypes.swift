import CRDKafka
import Dispatch

/// `RD_KAFKA_PARTITION_UA`: "unassigned", i.e. let the partitioner choose (producer) or
/// "any partition" (subscription lists). The C macro has a cast, so Swift cannot import it.
let kafkaPartitionUA: Int32 = -1

/// A topic partition.
public struct KafkaTopicPartition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var topic: String
    public var partition: Int32
    public init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }
    public static func < (a: Self, b: Self) -> Bool {
        (a.topic, a.partition) < (b.topic, b.partition)
    }
    public var description: String { "\(topic)[\(partition)]" }
}

/// A topic partition with an offset. For commits the offset is the **next** offset to read
/// (last processed offset + 1), as in Kafka itself.
public struct KafkaTopicPartitionOffset: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
    public var topicPartition: KafkaTopicPartition { .init(topic: topic, partition: partition) }
}

/// Logical offsets understood by librdkafka (`RD_KAFKA_OFFSET_*`).
public enum KafkaOffset {
    public static let beginning: Int64 = -2
    public static let end: Int64 = -1
    /// The committed offset of the group (or `auto.offset.reset` when there is none).
    public static let stored: Int64 = -1000
    public static let invalid: Int64 = -1001
}

/// A record header. `value == nil` is a null header value.
public struct KafkaHeader: Sendable, Hashable {
    public var key: String
    public var value: [UInt8]?
    public init(key: String, value: [UInt8]?) {
        self.key = key
        self.value = value
    }
}

/// A consumed record.
public struct KafkaConsumerMessage: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    public var key: [UInt8]?
    public var value: [UInt8]?
    public var headers: [KafkaHeader]
    /// Milliseconds since the epoch, if the record carries a timestamp.
    public var timestampMs: Int64?

    public var topicPartition: KafkaTopicPartition { .init(topic: topic, partition: partition) }
    /// The offset to commit once this message is processed (`offset + 1`).
    public var nextOffset: KafkaTopicPartitionOffset {
        .init(topic: topic, partition: partition, offset: offset + 1)
    }

    init(_ m: UnsafeMutablePointer<rd_kafka_message_t>) {
        let msg = m.pointee
        topic = msg.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        partition = msg.partition
        offset = msg.offset
        key = msg.key.map { Array(UnsafeRawBufferPointer(start: $0, count: msg.key_len)) }
        value = msg.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: msg.len)) }
        var tstype = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let ts = rd_kafka_message_timestamp(m, &tstype)
        timestampMs = tstype == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? nil : ts
        headers = readHeaders(m)
    }
}

func readHeaders(_ m: UnsafeMutablePointer<rd_kafka_message_t>) -> [KafkaHeader] {
    var hdrs: OpaquePointer?
    guard rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR, let hdrs else { return [] }
    var result: [KafkaHeader] = []
    var idx = 0
    while true {
        var name: UnsafePointer<CChar>?
        var val: UnsafeRawPointer?
        var size = 0
        guard rd_kafka_header_get_all(hdrs, idx, &name, &val, &size) == RD_KAFKA_RESP_ERR_NO_ERROR else { break }
        result.append(KafkaHeader(key: name.map { String(cString: $0) } ?? "",
                                  value: val.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }))
        idx += 1
    }
    return result
}

// MARK: - Partition lists

typealias PartitionList = UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

func makePartitionList(_ entries: [KafkaTopicPartitionOffset]) -> PartitionList {
    let list = rd_kafka_topic_partition_list_new(Int32(max(entries.count, 1)))!
    for e in entries {
        let tp = rd_kafka_topic_partition_list_add(list, e.topic, e.partition)!
        tp.pointee.offset = e.offset
    }
    return list
}

func readPartitionList(_ list: PartitionList?) -> [(KafkaTopicPartitionOffset, rd_kafka_resp_err_t)] {
    guard let list else { return [] }
    return (0..<Int(list.pointee.cnt)).map { i in
        let e = list.pointee.elems[i]
        return (KafkaTopicPartitionOffset(topic: String(cString: e.topic), partition: e.partition, offset: e.offset), e.err)
    }
}

// MARK: - Blocking calls off the cooperative pool

/// Runs a blocking librdkafka call on `queue` and suspends the calling task until it is done.
///
/// `queue` is a private serial `DispatchQueue`; libdispatch runs such queues on its own
/// (overcommitting) worker threads, never on Swift's cooperative pool, so a
/// `rd_kafka_consumer_poll(…, 1000)` blocks one dispatch thread, not one of the few
/// threads that run every task in the process. The serial queue also gives each client a
/// single owner thread at a time, which is what librdkafka's consumer API expects.
func offPool<T: Sendable>(_ queue: DispatchQueue, _ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (cont: CheckedContinuation<T, any Error>) in
        queue.async {
            cont.resume(with: Result { try body() })
        }
    }
}

func cString(_ chars: [CChar]) -> String {
    String(decoding: chars.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

extension Duration {
    var milliseconds: Int32 {
        let (s, a) = components
        let ms = s * 1000 + a / 1_000_000_000_000_000
        return Int32(clamping: max(0, ms))
    }
}
