import Foundation
import NEREContracts
import NEREKafka

/// The topics a service uses, from the definitions in `topics/` (DESIGN §2).
struct ServiceTopics {
    let events: String
    let sets: String
    let outputs: KafkaOutputSink.Topics

    init(directory: String) throws {
        let definitions = try TopicDefinition.loadAll(from: URL(fileURLWithPath: directory))
        func name(_ topic: TopicName) throws -> String {
            guard let definition = definitions.first(where: { $0.name == topic.rawValue }) else {
                throw ServiceError.missingTopicDefinition(topic.rawValue, directory: directory)
            }
            return definition.name
        }
        events = try name(.studyEvents)
        sets = try name(.sets)
        outputs = .init(recommendations: try name(.recommendations), deadLetters: try name(.studyEventsDLQ),
                        windowState: try name(.windowState))
    }

    /// The changelog must have exactly the input's partitions: the window fed by input
    /// partition p is written to and restored from changelog partition p (DESIGN §3).
    func checkCoPartitioning(_ consumer: KafkaConsumer) async throws {
        let input = try await consumer.partitions(of: events)
        let changelog = try await consumer.partitions(of: outputs.windowState)
        guard input.count == changelog.count else {
            throw ServiceError.notCoPartitioned(input: events, inputPartitions: input.count,
                                                changelog: outputs.windowState, changelogPartitions: changelog.count)
        }
    }
}

public enum ServiceError: Error, CustomStringConvertible {
    case missingTopicDefinition(String, directory: String)
    case notCoPartitioned(input: String, inputPartitions: Int, changelog: String, changelogPartitions: Int)

    public var description: String {
        switch self {
        case .missingTopicDefinition(let topic, let directory):
            return "\(directory) has no definition of \(topic)"
        case .notCoPartitioned(let input, let inputPartitions, let changelog, let changelogPartitions):
            return "\(changelog) has \(changelogPartitions) partitions but \(input) has \(inputPartitions): "
                + "they must match (DESIGN §3); recreate \(changelog) with `nere topics create`"
        }
    }
}
