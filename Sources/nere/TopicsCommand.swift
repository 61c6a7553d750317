import ArgumentParser
import CRDKafka
import Foundation
import NEREContracts
import NEREKafka

/// `nere topics`: the Kafka topics of `topics/` on a real cluster.
struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Manage the Kafka topics defined in topics/.",
        subcommands: [TopicsCreateCommand.self])
}

/// `nere topics create`: creates every topic of `topics/` (partitions, cleanup policy,
/// retention) through the Admin API, leaves existing ones alone, and then checks that each
/// topic has the partition count of its definition: `nere.window-state` must stay
/// co-partitioned with `nere.study-events`, and a topic auto-created by a broker (with the
/// broker's default count) would silently break that.
struct TopicsCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create the topics of topics/ on a Kafka cluster (existing topics are kept and checked).",
        discussion: """
            Prints one line per topic, `created NAME (N partitions)` or `exists NAME (N partitions)`. \
            Fails when an existing topic's partition count differs from its definition. Run it again \
            at any time: it changes nothing that exists.
            """)

    @OptionGroup var client: KafkaClientOptions

    @OptionGroup var topicDefinitions: TopicDefinitionOptions

    @Option(help: "Replication factor of the topics created.")
    var replicationFactor: Int = 1

    @Option(help: "Seconds to wait for the cluster.")
    var timeout: Int = 30

    func validate() throws {
        guard (1...Int(Int16.max)).contains(replicationFactor) else {
            throw ValidationError("--replication-factor must be 1…\(Int16.max), got \(replicationFactor)")
        }
        guard (1...3600).contains(timeout) else { throw ValidationError("--timeout must be 1…3600 seconds, got \(timeout)") }
    }

    func run() async throws {
        let definitions = try topicDefinitions.load()
        let configuration = try client.configuration(clientID: "nere-topics")

        let admin: KafkaAdmin
        do {
            admin = try KafkaAdmin(configuration: configuration)
        } catch {
            // A property librdkafka does not know or whose value it refuses.
            if let property = error.property { throw ValidationError("--property \(property): \(error.message)") }
            throw TopicsFailure("cannot start a Kafka client: \(Self.describe(error))")
        }
        let wait = Duration.seconds(timeout)
        let outcomes: [String: KafkaTopicCreation]
        do {
            outcomes = try await admin.createTopics(
                definitions.map {
                    KafkaNewTopic(name: $0.name, partitions: Int32($0.partitions), replicationFactor: Int32(replicationFactor),
                                  config: $0.kafkaConfig)
                },
                timeout: wait)
        } catch {
            await admin.close()
            throw TopicsFailure("cannot create topics on \(configuration.bootstrapServers ?? client.bootstrap): \(Self.describe(error))"
                + " (librdkafka \(String(cString: rd_kafka_version_str())))")
        }

        var lines: [String] = []
        var mismatches: [String] = []
        for definition in definitions {
            let partitions: [Int32]
            do {
                partitions = try await Self.settledPartitions(of: definition.name, admin: admin, within: wait)
            } catch {
                await admin.close()
                throw TopicsFailure("cannot read the partitions of \(definition.name): \(Self.describe(error))")
            }
            if partitions.count != definition.partitions {
                mismatches.append("\(definition.name) has \(partitions.count) partitions, "
                    + "\(topicDefinitions.topics)/\(definition.name).json says \(definition.partitions)")
            }
            let verb = outcomes[definition.name] == .created ? "created" : "exists"
            lines.append("\(verb) \(definition.name) (\(partitions.count) partitions)")
        }
        await admin.close()
        guard mismatches.isEmpty else {
            throw TopicsFailure(mismatches.joined(separator: "; ")
                + " (existing topics are left as they are; nere.window-state must keep the partitions of nere.study-events)")
        }
        for line in lines { print(line) }
    }

    /// The partitions of a topic, retried while a just-created topic's metadata settles.
    static func settledPartitions(of topic: String, admin: KafkaAdmin, within limit: Duration) async throws -> [Int32] {
        let deadline = ContinuousClock.now + limit
        while true {
            do {
                let partitions = try await admin.partitions(of: topic, timeout: .seconds(5))
                if !partitions.isEmpty { return partitions }
                if ContinuousClock.now >= deadline { return partitions }
            } catch let error as KafkaError
                where [.unknownTopicOrPartition, .leaderNotAvailable].contains(error.code) && ContinuousClock.now < deadline {
                // not visible yet
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? KafkaError { return "\(error.message) (\(error.name))" }
        return String(describing: error)
    }
}

/// A failure of `nere topics create` after its flags were accepted.
struct TopicsFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
