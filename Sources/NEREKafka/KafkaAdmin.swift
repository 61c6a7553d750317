import CRDKafka
import Foundation

/// A topic to create.
public struct KafkaNewTopic: Sendable, Hashable {
    public var name: String
    public var partitions: Int32
    public var replicationFactor: Int32
    /// Topic-level config, e.g. `["cleanup.policy": "compact", "retention.ms": "604800000"]`.
    public var config: [String: String]

    public init(name: String, partitions: Int32, replicationFactor: Int32 = 1, config: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.config = config
    }
}

/// What `KafkaAdmin.createTopics` did with one topic.
public enum KafkaTopicCreation: String, Sendable, Hashable {
    case created
    /// The broker answered `TOPIC_ALREADY_EXISTS`; the topic was left as it is.
    case alreadyExists
}

/// Cluster administration (topic creation) through librdkafka's Admin API.
///
/// Threading: the admin result is awaited with `rd_kafka_queue_poll` on the admin client's
/// private serial `DispatchQueue`; the calling task suspends on a continuation, so the
/// wait never blocks Swift's cooperative thread pool.
public final class KafkaAdmin: Sendable {
    private let core: AdminCore

    public init(configuration: KafkaConfiguration) throws(KafkaError) {
        let conf = try configuration.makeConf()
        core = AdminCore(rk: try makeHandle(RD_KAFKA_PRODUCER, conf))
    }

    deinit {
        let core = self.core
        core.queue.async { core.destroy() }
    }

    /// Creates the topics. Idempotent: a topic that already exists is not an error (its
    /// partitions and config are left as they are). Throws the first other per-topic error.
    /// Returns what happened to each topic, by name.
    @discardableResult
    public func createTopics(_ topics: [KafkaNewTopic], timeout: Duration = .seconds(30)) async throws -> [String: KafkaTopicCreation] {
        guard !topics.isEmpty else { return [:] }
        let core = self.core
        return try await offPool(core.queue) { try core.createTopics(topics, timeout: timeout) }
    }

    /// Partition ids of `topic`, from the cluster's metadata.
    public func partitions(of topic: String, timeout: Duration = .seconds(10)) async throws -> [Int32] {
        let core = self.core
        return try await offPool(core.queue) {
            guard let rk = core.rk else { throw KafkaError(code: .state, message: "admin client is closed") }
            return try fetchPartitions(rk, topic: topic, timeout: timeout)
        }
    }

    /// Frees the handle. Idempotent.
    public func close() async {
        let core = self.core
        _ = try? await offPool(core.queue) { core.destroy() }
    }
}

/// Confined to `queue`.
final class AdminCore: @unchecked Sendable {
    let queue = DispatchQueue(label: "nere.kafka.admin")
    var rk: OpaquePointer?

    init(rk: OpaquePointer) { self.rk = rk }

    func destroy() {
        if let rk { rd_kafka_destroy(rk) }
        rk = nil
    }

    func createTopics(_ topics: [KafkaNewTopic], timeout: Duration) throws -> [String: KafkaTopicCreation] {
        guard let rk else { throw KafkaError(code: .state, message: "admin client is closed") }
        var errstr = [CChar](repeating: 0, count: 512)
        var newTopics: [OpaquePointer?] = []
        defer { for t in newTopics { rd_kafka_NewTopic_destroy(t) } }
        for t in topics {
            guard let nt = rd_kafka_NewTopic_new(t.name, t.partitions, t.replicationFactor, &errstr, errstr.count) else {
                throw KafkaError(code: .invalidArgument, message: "topic \(t.name): \(cString(errstr))")
            }
            newTopics.append(nt)
            for (k, v) in t.config.sorted(by: { $0.key < $1.key }) {
                let err = rd_kafka_NewTopic_set_config(nt, k, v)
                if err != RD_KAFKA_RESP_ERR_NO_ERROR {
                    throw KafkaError(code: KafkaErrorCode(err), message: "topic \(t.name): config \(k)", property: k)
                }
            }
        }
        let options = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        _ = rd_kafka_AdminOptions_set_request_timeout(options, timeout.milliseconds, &errstr, errstr.count)
        _ = rd_kafka_AdminOptions_set_operation_timeout(options, timeout.milliseconds, &errstr, errstr.count)
        let rkqu = rd_kafka_queue_new(rk)
        defer { rd_kafka_queue_destroy(rkqu) }
        rd_kafka_CreateTopics(rk, &newTopics, newTopics.count, options, rkqu)
        // The request itself times out after `timeout`; allow a little more for the event.
        guard let ev = rd_kafka_queue_poll(rkqu, timeout.milliseconds &+ 5000) else {
            throw KafkaError(code: .timedOut, message: "CreateTopics: no result")
        }
        defer { rd_kafka_event_destroy(ev) }
        let evErr = rd_kafka_event_error(ev)
        if evErr != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw KafkaError(evErr, "CreateTopics: " + (rd_kafka_event_error_string(ev).map { String(cString: $0) } ?? ""))
        }
        guard let result = rd_kafka_event_CreateTopics_result(ev) else {
            throw KafkaError(code: .state, message: "CreateTopics: unexpected event")
        }
        var cnt = 0
        var outcomes: [String: KafkaTopicCreation] = [:]
        guard let results = rd_kafka_CreateTopics_result_topics(result, &cnt) else { return outcomes }
        for i in 0..<cnt {
            let r = results[i]
            let err = rd_kafka_topic_result_error(r)
            let name = String(cString: rd_kafka_topic_result_name(r))
            switch err {
            case RD_KAFKA_RESP_ERR_NO_ERROR: outcomes[name] = .created
            case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS: outcomes[name] = .alreadyExists
            default:
                let text = rd_kafka_topic_result_error_string(r).map { String(cString: $0) } ?? ""
                throw KafkaError(err, "create topic \(name): \(text)")
            }
        }
        return outcomes
    }
}
