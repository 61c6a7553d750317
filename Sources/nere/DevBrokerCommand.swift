import ArgumentParser
import Dispatch
import Foundation
import NEREContracts
import NEREKafka

/// `nere dev-broker`: librdkafka's mock cluster on loopback with the topics of `topics/`, for
/// trying clients and the service without a Kafka installation. It speaks the real protocol
/// but keeps everything in memory and is gone when the command exits.
struct DevBrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev-broker",
        abstract: "Start librdkafka's in-memory mock Kafka cluster on loopback with the topics of topics/.",
        discussion: """
            Prints `bootstrap <host:port>` on the first line, then one line per topic created, and runs \
            until SIGINT or SIGTERM. For development and tests only: nothing is persisted.
            """)

    @OptionGroup var topicDefinitions: TopicDefinitionOptions

    @Option(help: "Brokers in the mock cluster.")
    var brokers: Int = 1

    func validate() throws {
        guard (1...16).contains(brokers) else { throw ValidationError("--brokers must be 1…16, got \(brokers)") }
    }

    func run() async throws {
        let definitions = try topicDefinitions.load()
        let cluster = try KafkaMockCluster(brokers: Int32(brokers))
        print("bootstrap \(cluster.bootstrapServers)")
        for topic in definitions {
            try cluster.createTopic(topic.name, partitions: Int32(topic.partitions), replicationFactor: Int32(min(brokers, 3)))
            print("created \(topic.name) (\(topic.partitions) partitions)")
        }
        fflush(nil)
        await Signals.untilInterrupted()
        withExtendedLifetime(cluster) {}
    }
}
