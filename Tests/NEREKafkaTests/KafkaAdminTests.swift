import Foundation
import NEREKafka
import Testing

@Suite struct KafkaAdminTests {
    // Creating topics through the Admin API is not tested here: librdkafka 2.0.2's mock
    // cluster advertises controller 0 while its brokers are numbered 1...n, so CreateTopics
    // waits for a controller that never appears. It belongs to the real-broker (Tansu) test.

    @Test func adminValidatesTopicsLocally() async throws {
        let cluster = try KafkaMockCluster()
        let admin = try KafkaAdmin(configuration: cluster.configuration())
        await #expect(throws: KafkaError.self) {
            try await admin.createTopics([KafkaNewTopic(name: "bad", partitions: -7)])
        }
        try await admin.createTopics([])  // nothing to do
        // Metadata works against the mock (topics created through the mock itself).
        let topic = uniqueName("meta")
        try cluster.createTopic(topic, partitions: 5)
        #expect(try await admin.partitions(of: topic) == [0, 1, 2, 3, 4])
        await admin.close()
        await #expect(throws: KafkaError.self) { try await admin.createTopics([KafkaNewTopic(name: topic, partitions: 1)]) }
    }
}
