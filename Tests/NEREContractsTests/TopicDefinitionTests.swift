import Foundation
import Testing
@testable import NEREContracts

@Suite("Topic definitions")
struct TopicDefinitionTests {
    static let day: Int64 = 86_400_000

    @Test func loadsEveryTopicOfTheDesign() throws {
        let topics = try TopicDefinition.loadAll(from: RepositoryFiles.topics)
        #expect(topics.map(\.name) == TopicName.allCases.map(\.rawValue).sorted())
    }

    /// Mounted configuration (a Kubernetes ConfigMap, say) is often a symbolic link.
    @Test func loadsThroughASymbolicLink() throws {
        let directory = try Self.copyOfTopics()
        let link = directory.deletingLastPathComponent().appendingPathComponent(directory.lastPathComponent + "-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: directory)
        defer {
            try? FileManager.default.removeItem(at: link)
            try? FileManager.default.removeItem(at: directory)
        }
        #expect(try TopicDefinition.loadAll(from: link).count == TopicName.allCases.count)
    }

    @Test(arguments: [
        (TopicName.studyEvents, TopicDefinition.CleanupPolicy.delete, Optional(7 * day), TopicDefinition.KeyFormat.userID),
        (.sets, .compact, nil, .setID),
        (.recommendations, .compact, nil, .windowKey),
        (.windowState, .compact, nil, .windowKey),
        (.studyEventsDLQ, .delete, 30 * day, .original),
    ])
    func followsTheDesignTable(_ name: TopicName, _ policy: TopicDefinition.CleanupPolicy, _ retentionMs: Int64?,
                               _ key: TopicDefinition.KeyFormat) throws {
        let topic = try TopicDefinition.load(from: RepositoryFiles.topicFile(name.rawValue))
        #expect(topic.cleanupPolicy == policy)
        #expect(topic.retentionMs == retentionMs)
        #expect(topic.keyFormat == key)
        #expect(topic.hasValueSchema == (name != .studyEventsDLQ))
        #expect(topic.headers.isEmpty == (name != .studyEventsDLQ))
    }

    @Test func changelogIsCoPartitionedWithItsInput() throws {
        let input = try TopicDefinition.load(from: RepositoryFiles.topicFile(TopicName.studyEvents.rawValue))
        let changelog = try TopicDefinition.load(from: RepositoryFiles.topicFile(TopicName.windowState.rawValue))
        #expect(changelog.partitions == input.partitions)
    }

    @Test func deadLettersCarryTheErrorInHeaders() throws {
        let dlq = try TopicDefinition.load(from: RepositoryFiles.topicFile(TopicName.studyEventsDLQ.rawValue))
        #expect(dlq.headers.map(\.name) == [
            "nere.error.reason", "nere.error.field", "nere.error.detail",
            "nere.source.topic", "nere.source.partition", "nere.source.offset", "nere.payload.truncated_from",
        ])
    }

    @Test func translatesToKafkaConfig() throws {
        let events = try TopicDefinition.load(from: RepositoryFiles.topicFile(TopicName.studyEvents.rawValue))
        let sets = try TopicDefinition.load(from: RepositoryFiles.topicFile(TopicName.sets.rawValue))
        #expect(events.kafkaConfig == ["cleanup.policy": "delete", "retention.ms": "604800000"])
        #expect(sets.kafkaConfig == ["cleanup.policy": "compact"])
    }

    /// A copy of `topics/` with one file broken, and what the loader must say about it.
    struct BrokenCopy: Sendable, CustomTestStringConvertible {
        enum Change: Sendable {
            case edit(@Sendable (inout [String: Any]) -> Void)
            case replace(String)
            case delete
        }

        let testDescription: String
        let topic: TopicName
        let change: Change
        let problem: String
    }

    static let brokenCopies = [
        BrokenCopy(testDescription: "not JSON", topic: .sets, change: .replace("{\"name\": "), problem: "not valid JSON"),
        BrokenCopy(testDescription: "name differs from the file name", topic: .sets,
                   change: .edit { $0["name"] = "nere.set" }, problem: "must be named nere.set.json"),
        BrokenCopy(testDescription: "no partitions", topic: .recommendations,
                   change: .edit { $0["partitions"] = 0 }, problem: "partitions must be at least 1"),
        BrokenCopy(testDescription: "partitions missing", topic: .recommendations,
                   change: .edit { $0["partitions"] = nil }, problem: "partitions is missing"),
        BrokenCopy(testDescription: "compacted with a retention", topic: .sets,
                   change: .edit { $0["retention_ms"] = 1000 }, problem: "retention_ms must be null"),
        BrokenCopy(testDescription: "delete without a retention", topic: .studyEvents,
                   change: .edit { $0["retention_ms"] = NSNull() }, problem: "needs retention_ms"),
        BrokenCopy(testDescription: "negative retention", topic: .studyEventsDLQ,
                   change: .edit { $0["retention_ms"] = -1 }, problem: "retention_ms must be positive"),
        BrokenCopy(testDescription: "unknown cleanup policy", topic: .sets,
                   change: .edit { $0["cleanup_policy"] = "compact,delete" }, problem: "cleanup_policy"),
        BrokenCopy(testDescription: "unknown key format", topic: .recommendations,
                   change: .edit { $0["key"] = ["format": "user"] }, problem: "key.format"),
        BrokenCopy(testDescription: "value_schema missing", topic: .windowState,
                   change: .edit { $0["value_schema"] = nil }, problem: "value_schema is missing"),
        BrokenCopy(testDescription: "changelog not co-partitioned", topic: .windowState,
                   change: .edit { $0["partitions"] = 24 }, problem: "as many as nere.study-events (12)"),
        BrokenCopy(testDescription: "a topic missing", topic: .recommendations, change: .delete, problem: "missing"),
    ]

    /// Copies file contents rather than the directory, so that editing the copy can never
    /// write through a symbolic link into the real `topics/`.
    static func copyOfTopics() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nere-topics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        for name in try FileManager.default.contentsOfDirectory(atPath: RepositoryFiles.topics.path) {
            try Data(contentsOf: RepositoryFiles.topics.appendingPathComponent(name)).write(to: directory.appendingPathComponent(name))
        }
        return directory
    }

    @Test(arguments: brokenCopies)
    func namesTheBrokenFile(_ broken: BrokenCopy) throws {
        let directory = try Self.copyOfTopics()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(broken.topic.rawValue + ".json")
        switch broken.change {
        case .edit(let edit):
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            edit(&object)
            try JSONSerialization.data(withJSONObject: object).write(to: file)
        case .replace(let text):
            try Data(text.utf8).write(to: file)
        case .delete:
            try FileManager.default.removeItem(at: file)
        }
        let error = try #require(throws: TopicDefinitionError.self) { try TopicDefinition.loadAll(from: directory) }
        #expect(error.file == file.path)
        #expect(error.problem.contains(broken.problem), "\(error)")
    }
}
