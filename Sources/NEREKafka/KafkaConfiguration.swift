import CRDKafka

/// librdkafka configuration: every property is passed to `rd_kafka_conf_set` verbatim, so
/// SASL (`sasl.mechanisms`, `sasl.username`, …), SSL (`ssl.ca.location`, …) and every tuning
/// knob in librdkafka's CONFIGURATION.md work without code changes here. A few typed
/// accessors cover the properties NERE code sets itself.
public struct KafkaConfiguration: Sendable, Hashable {
    public var properties: [String: String]

    public init(_ properties: [String: String] = [:]) {
        self.properties = properties
    }

    public subscript(property: String) -> String? {
        get { properties[property] }
        set { properties[property] = newValue }
    }

    /// `bootstrap.servers`: comma-separated `host:port` list.
    public var bootstrapServers: String? {
        get { properties["bootstrap.servers"] }
        set { properties["bootstrap.servers"] = newValue }
    }

    /// `group.id`: the consumer group.
    public var groupID: String? {
        get { properties["group.id"] }
        set { properties["group.id"] = newValue }
    }

    /// `client.id`: shows up in broker logs and metrics.
    public var clientID: String? {
        get { properties["client.id"] }
        set { properties["client.id"] = newValue }
    }

    /// Returns a copy with `defaults` filled in where the caller did not set the property.
    public func withDefaults(_ defaults: [String: String]) -> KafkaConfiguration {
        var copy = self
        copy.properties.merge(defaults) { mine, _ in mine }
        return copy
    }

    /// A copy for a consumer outside the group (a manual assignment reading a table in full):
    /// sharing the group's id would make librdkafka treat it as a member.
    public var withoutGroup: KafkaConfiguration {
        var copy = self
        copy.groupID = nil
        return copy
    }

    /// A copy without the consumer-only properties, for a producer built from the same
    /// configuration as the consumer (librdkafka would warn about each one at every start).
    public var forProducer: KafkaConfiguration {
        var copy = self
        copy.properties = properties.filter { name, _ in
            !(Self.consumerOnlyPrefixes.contains { name.hasPrefix($0) } || Self.consumerOnly.contains(name))
        }
        return copy
    }

    /// librdkafka's CONFIGURATION.md marks these "C" (consumer only).
    private static let consumerOnlyPrefixes = ["group.", "fetch.", "queued.", "auto.commit.", "enable.auto.", "offset.store."]
    private static let consumerOnly: Set<String> = [
        "session.timeout.ms", "heartbeat.interval.ms", "partition.assignment.strategy", "max.poll.interval.ms",
        "auto.offset.reset", "enable.partition.eof", "isolation.level", "check.crcs", "coordinator.query.interval.ms",
        "consume.callback.max.messages", "max.partition.fetch.bytes",
    ]

    /// Builds an `rd_kafka_conf_t` (owned by the caller). Properties are applied in sorted
    /// order so a configuration with several bad properties always reports the same one.
    func makeConf() throws(KafkaError) -> OpaquePointer {
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError(code: .invalidArgument, message: "rd_kafka_conf_new failed")
        }
        rd_kafka_conf_set_log_cb(conf, kafkaLogCallback)
        var errstr = [CChar](repeating: 0, count: 512)
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            let result = rd_kafka_conf_set(conf, key, value, &errstr, errstr.count)
            if result != RD_KAFKA_CONF_OK {
                rd_kafka_conf_destroy(conf)
                let problem: KafkaError.ConfigurationProblem =
                    result == RD_KAFKA_CONF_UNKNOWN ? .unknownProperty : .invalidValue
                throw KafkaError(code: .invalidArgument,
                                 message: String(decoding: errstr.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
                                 property: key, configurationProblem: problem)
            }
        }
        return conf
    }
}

/// Creates an `rd_kafka_t` from a configured `rd_kafka_conf_t`. On success librdkafka owns
/// `conf`; on failure it is destroyed here.
func makeHandle(_ type: rd_kafka_type_t, _ conf: OpaquePointer) throws(KafkaError) -> OpaquePointer {
    var errstr = [CChar](repeating: 0, count: 512)
    guard let rk = rd_kafka_new(type, conf, &errstr, errstr.count) else {
        rd_kafka_conf_destroy(conf)
        throw KafkaError(code: .invalidArgument,
                         message: String(decoding: errstr.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return rk
}
