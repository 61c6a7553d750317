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

    @Option(help: "Bootstrap brokers, HOST:PORT[,HOST:PORT…].")
    var bootstrap: String

    @OptionGroup var topicDefinitions: TopicDefinitionOptions

    @Option(help: "Replication factor of the topics created.")
    var replicationFactor: Int = 1

    @Option(name: .customLong("property"),
            help: ArgumentHelp("A librdkafka client property, KEY=VALUE (repeatable), e.g. security.protocol=SASL_SSL.",
                               valueName: "key=value"))
    var properties: [String] = []

    @Option(help: "Seconds to wait for the cluster.")
    var timeout: Int = 30

    func validate() throws {
        _ = try Self.parseBootstrap(bootstrap)
        guard (1...Int(Int16.max)).contains(replicationFactor) else {
            throw ValidationError("--replication-factor must be 1…\(Int16.max), got \(replicationFactor)")
        }
        _ = try Self.parseProperties(properties)
        guard (1...3600).contains(timeout) else { throw ValidationError("--timeout must be 1…3600 seconds, got \(timeout)") }
    }

    func run() async throws {
        let definitions = try topicDefinitions.load()
        let servers = try Self.parseBootstrap(bootstrap)
        var configuration = KafkaConfiguration(try Self.parseProperties(properties))
        configuration.bootstrapServers = servers.joined(separator: ",")
        if configuration.clientID == nil { configuration.clientID = "nere-topics" }
        // A metadata request of an admin (producer) handle may otherwise make a broker with
        // auto-creation create a missing topic with its default partition count.
        if configuration["allow.auto.create.topics"] == nil { configuration["allow.auto.create.topics"] = "false" }

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
            throw TopicsFailure("cannot create topics on \(configuration.bootstrapServers ?? bootstrap): \(Self.describe(error))"
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

    /// `HOST:PORT[,HOST:PORT…]`, each with an optional `SCHEME://` prefix librdkafka accepts
    /// and IPv6 hosts in brackets. A port is required: librdkafka would silently use 9092.
    static func parseBootstrap(_ text: String) throws -> [String] {
        let entries = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--bootstrap is empty; give HOST:PORT")
        }
        return try entries.map { entry in
            // Name the entry only when there are several.
            let inEntry = entries.count > 1 ? " in \(entry)" : ""
            let bad = { (why: String) in ValidationError("--bootstrap \(text): \(why); give HOST:PORT[,HOST:PORT…]") }
            guard !entry.isEmpty else { throw bad("empty entry") }
            var address = Substring(entry)
            if let scheme = address.range(of: "://") { address = address[scheme.upperBound...] }
            let host: Substring
            let port: Substring
            if address.hasPrefix("[") {
                guard let close = address.firstIndex(of: "]") else { throw bad("unclosed [\(inEntry)") }
                host = address[address.index(after: address.startIndex)..<close]
                let rest = address[address.index(after: close)...]
                guard rest.hasPrefix(":") else { throw bad("no port\(inEntry)") }
                port = rest.dropFirst()
            } else {
                guard let colon = address.lastIndex(of: ":") else { throw bad("no port\(inEntry)") }
                host = address[..<colon]
                port = address[address.index(after: colon)...]
                if host.contains(":") { throw bad("an IPv6 host needs brackets, [HOST]:PORT\(inEntry)") }
            }
            guard !host.isEmpty, !host.contains(where: \.isWhitespace) else { throw bad("no host\(inEntry)") }
            guard let number = Int(port), (1...65_535).contains(number) else { throw bad("the port must be 1…65535\(inEntry)") }
            return entry
        }
    }

    /// `KEY=VALUE` pairs; the value may be empty or contain `=`.
    static func parseProperties(_ pairs: [String]) throws -> [String: String] {
        var properties: [String: String] = [:]
        for pair in pairs {
            guard let equals = pair.firstIndex(of: "=") else {
                throw ValidationError("--property \(pair): expected KEY=VALUE")
            }
            let key = String(pair[..<equals]).trimmingCharacters(in: .whitespaces)
            let value = String(pair[pair.index(after: equals)...])
            guard !key.isEmpty, !key.contains(where: \.isWhitespace) else {
                throw ValidationError("--property \(pair): expected KEY=VALUE with a non-empty key")
            }
            guard key != "bootstrap.servers" else {
                throw ValidationError("--property \(pair): give the brokers with --bootstrap")
            }
            guard properties[key] == nil else { throw ValidationError("--property \(key) is given twice") }
            properties[key] = value
        }
        return properties
    }
}

/// A failure of `nere topics create` after its flags were accepted.
struct TopicsFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
