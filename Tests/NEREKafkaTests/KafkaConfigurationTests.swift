import NEREKafka
import Testing

struct KafkaConfigurationTests {
    /// One configuration serves the service's consumer and producer; the producer's copy must
    /// keep security and connection settings and drop only what librdkafka would warn about.
    @Test func producerCopyDropsConsumerOnlyProperties() {
        let shared = KafkaConfiguration([
            "bootstrap.servers": "b:9092", "security.protocol": "SASL_SSL", "sasl.username": "u", "client.rack": "r1",
            "group.id": "g", "group.protocol": "classic", "session.timeout.ms": "6000", "enable.auto.commit": "false",
            "auto.offset.reset": "earliest", "fetch.max.bytes": "1000", "max.partition.fetch.bytes": "1000",
        ])
        #expect(shared.forProducer.properties == ["bootstrap.servers": "b:9092", "security.protocol": "SASL_SSL",
                                                  "sasl.username": "u", "client.rack": "r1"])
    }
}
