import CRDKafka

/// Kafka protocol request types (ApiKey) for fault injection.
public enum KafkaAPIKey: Int16, Sendable {
    case produce = 0, fetch = 1, listOffsets = 2, metadata = 3, offsetCommit = 8, offsetFetch = 9,
         findCoordinator = 10, joinGroup = 11, heartbeat = 12, leaveGroup = 13, syncGroup = 14,
         createTopics = 19, initProducerID = 22
}

/// librdkafka's built-in mock Kafka cluster (`rdkafka_mock.h`), listening on loopback:
/// for tests. It lives on a throwaway producer handle that is never used to produce.
/// Broker ids are `1...brokerCount`.
///
/// `deinit` destroys the cluster, which joins its thread (a short, bounded wait); release
/// it off the cooperative pool if that matters, tests need not care.
public final class KafkaMockCluster: @unchecked Sendable {
    private let rk: OpaquePointer
    private let mcluster: OpaquePointer
    public let brokerCount: Int32
    /// The cluster's `bootstrap.servers` string.
    public let bootstrapServers: String

    public init(brokers: Int32 = 1) throws(KafkaError) {
        // Nagle off: with it, the mock holds each later response of a multi-partition produce
        // until the client's delayed ACK (~40 ms), and every flush would measure that.
        let conf = try KafkaConfiguration(["log_level": "3", "socket.nagle.disable": "true"]).makeConf()
        rk = try makeHandle(RD_KAFKA_PRODUCER, conf)
        guard let m = rd_kafka_mock_cluster_new(rk, brokers) else {
            rd_kafka_destroy(rk)
            throw KafkaError(code: .invalidArgument, message: "rd_kafka_mock_cluster_new failed")
        }
        mcluster = m
        brokerCount = brokers
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(m))
    }

    deinit {
        rd_kafka_mock_cluster_destroy(mcluster)
        rd_kafka_destroy(rk)
    }

    /// A client configuration pointing at this cluster.
    public func configuration(_ properties: [String: String] = [:]) -> KafkaConfiguration {
        var c = KafkaConfiguration(properties)
        c.bootstrapServers = bootstrapServers
        return c
    }

    /// Takes a broker down: its connections are closed and new ones refused.
    public func setBrokerDown(_ brokerID: Int32) throws(KafkaError) {
        try KafkaError.check(rd_kafka_mock_broker_set_down(mcluster, brokerID), "broker \(brokerID) down")
    }

    /// Brings a broker back up.
    public func setBrokerUp(_ brokerID: Int32) throws(KafkaError) {
        try KafkaError.check(rd_kafka_mock_broker_set_up(mcluster, brokerID), "broker \(brokerID) up")
    }

    /// The next `errors.count` requests of type `apiKey` (to any broker) fail with these
    /// errors, in order.
    public func pushRequestErrors(_ apiKey: KafkaAPIKey, _ errors: [KafkaErrorCode]) {
        let codes = errors.map { $0.c }
        codes.withUnsafeBufferPointer {
            rd_kafka_mock_push_request_errors_array(mcluster, apiKey.rawValue, $0.count, $0.baseAddress)
        }
    }

    /// Creates a topic directly in the mock (bypassing the Admin API).
    public func createTopic(_ name: String, partitions: Int32, replicationFactor: Int32 = 1) throws(KafkaError) {
        try KafkaError.check(rd_kafka_mock_topic_create(mcluster, name, partitions, replicationFactor), "mock topic \(name)")
    }

    /// Makes `brokerID` the leader of a partition (`-1`: no leader).
    public func setPartitionLeader(topic: String, partition: Int32, brokerID: Int32) throws(KafkaError) {
        try KafkaError.check(rd_kafka_mock_partition_set_leader(mcluster, topic, partition, brokerID), "set leader")
    }
}
