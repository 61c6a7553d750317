import CRDKafka

/// A librdkafka error code (`rd_kafka_resp_err_t`): negative values are librdkafka-internal
/// (`_TIMED_OUT`, `_TRANSPORT`, …), non-negative ones are Kafka protocol errors.
public struct KafkaErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    init(_ err: rd_kafka_resp_err_t) { self.rawValue = err.rawValue }

    var c: rd_kafka_resp_err_t { rd_kafka_resp_err_t(rawValue: rawValue) }

    /// librdkafka's symbolic name, e.g. `TOPIC_ALREADY_EXISTS` or `_TIMED_OUT` (`rd_kafka_err2name`).
    public var name: String { String(cString: rd_kafka_err2name(c)) }
    /// librdkafka's human-readable description (`rd_kafka_err2str`).
    public var text: String { String(cString: rd_kafka_err2str(c)) }
    public var description: String { name }

    public static let noError = KafkaErrorCode(RD_KAFKA_RESP_ERR_NO_ERROR)
    public static let invalidArgument = KafkaErrorCode(RD_KAFKA_RESP_ERR__INVALID_ARG)
    public static let timedOut = KafkaErrorCode(RD_KAFKA_RESP_ERR__TIMED_OUT)
    public static let messageTimedOut = KafkaErrorCode(RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
    public static let transport = KafkaErrorCode(RD_KAFKA_RESP_ERR__TRANSPORT)
    public static let allBrokersDown = KafkaErrorCode(RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
    public static let partitionEOF = KafkaErrorCode(RD_KAFKA_RESP_ERR__PARTITION_EOF)
    public static let purgeQueue = KafkaErrorCode(RD_KAFKA_RESP_ERR__PURGE_QUEUE)
    public static let purgeInflight = KafkaErrorCode(RD_KAFKA_RESP_ERR__PURGE_INFLIGHT)
    public static let state = KafkaErrorCode(RD_KAFKA_RESP_ERR__STATE)
    public static let fatal = KafkaErrorCode(RD_KAFKA_RESP_ERR__FATAL)
    public static let topicAlreadyExists = KafkaErrorCode(RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
    public static let unknownTopicOrPartition = KafkaErrorCode(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
    public static let notLeaderForPartition = KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION)
    public static let leaderNotAvailable = KafkaErrorCode(RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE)
    public static let requestTimedOut = KafkaErrorCode(RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT)
    public static let notEnoughReplicas = KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS)
    public static let rebalanceInProgress = KafkaErrorCode(RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS)
    public static let illegalGeneration = KafkaErrorCode(RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION)
    public static let notCoordinator = KafkaErrorCode(RD_KAFKA_RESP_ERR_NOT_COORDINATOR)
}

/// A librdkafka failure as a Swift error: the error code (with its librdkafka name), the
/// message librdkafka gave, and — for configuration errors — the offending property.
public struct KafkaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why a configuration property was rejected (`rd_kafka_conf_res_t`).
    public enum ConfigurationProblem: String, Sendable, Hashable {
        case unknownProperty
        case invalidValue
    }

    public var code: KafkaErrorCode
    public var message: String
    /// The librdkafka property that was rejected, for configuration errors.
    public var property: String?
    public var configurationProblem: ConfigurationProblem?

    public init(code: KafkaErrorCode, message: String? = nil, property: String? = nil,
                configurationProblem: ConfigurationProblem? = nil) {
        self.code = code
        self.message = message ?? code.text
        self.property = property
        self.configurationProblem = configurationProblem
    }

    init(_ err: rd_kafka_resp_err_t, _ message: String? = nil) {
        self.init(code: KafkaErrorCode(err), message: message)
    }

    /// Takes ownership of (and destroys) an `rd_kafka_error_t`.
    init(consuming error: OpaquePointer) {
        defer { rd_kafka_error_destroy(error) }
        self.init(rd_kafka_error_code(error), String(cString: rd_kafka_error_string(error)))
    }

    /// The librdkafka code name, e.g. `_TIMED_OUT`.
    public var name: String { code.name }

    public var description: String {
        if let property { return "KafkaError(\(name), property \(property)): \(message)" }
        return "KafkaError(\(name)): \(message)"
    }

    static func check(_ err: rd_kafka_resp_err_t, _ context: String) throws(KafkaError) {
        if err != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw KafkaError(err, "\(context): \(String(cString: rd_kafka_err2str(err)))")
        }
    }
}
