import Foundation

/// The topics of DESIGN §2. Code names topics through this type so a typo is a compile
/// error, and `TopicDefinition.loadAll` can check that `topics/` defines each of them.
public enum TopicName: String, CaseIterable, Sendable, Hashable {
    case studyEvents = "nere.study-events"
    case sets = "nere.sets"
    case recommendations = "nere.recommendations"
    case windowState = "nere.window-state"
    case studyEventsDLQ = "nere.study-events.dlq"
}

/// One file of `topics/` (format in `topics/README.md`): what Kafka admin needs to create
/// a topic. The value schema stays in the file; it is documentation and test input, not
/// something the service interprets at run time.
public struct TopicDefinition: Sendable, Hashable, Decodable {
    public enum CleanupPolicy: String, Sendable, Hashable, Decodable {
        case delete, compact
    }

    public enum KeyFormat: String, Sendable, Hashable, Decodable {
        case userID = "user_id"
        case setID = "set_id"
        /// `WindowKey`: `user_id|subject`.
        case windowKey = "user_id|subject"
        /// Dead letters keep the key of the record that failed.
        case original
    }

    /// A record header the topic's producers set; dead letters carry their error this way
    /// because the value must stay the original bytes.
    public struct Header: Sendable, Hashable, Decodable {
        public var name: String
        public var description: String
    }

    public var name: String
    public var partitions: Int
    public var cleanupPolicy: CleanupPolicy
    /// nil for compacted topics: a record lives until a newer one with its key replaces it.
    public var retentionMs: Int64?
    public var keyFormat: KeyFormat
    /// False when the value is not JSON of ours (the DLQ holds the original bytes).
    public var hasValueSchema: Bool
    public var headers: [Header]
    public var description: String

    enum CodingKeys: String, CodingKey {
        case name, partitions, cleanupPolicy = "cleanup_policy", retentionMs = "retention_ms", key
        case valueSchema = "value_schema", headers, description
    }

    private struct Key: Decodable {
        var format: KeyFormat
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        partitions = try c.decode(Int.self, forKey: .partitions)
        cleanupPolicy = try c.decode(CleanupPolicy.self, forKey: .cleanupPolicy)
        retentionMs = try c.decodeIfPresent(Int64.self, forKey: .retentionMs)
        keyFormat = try c.decode(Key.self, forKey: .key).format
        hasValueSchema = try !c.decodeNil(forKey: .valueSchema)
        headers = try c.decodeIfPresent([Header].self, forKey: .headers) ?? []
        description = try c.decode(String.self, forKey: .description)
    }

    /// The topic-level configs to create the topic with. Replication and broker-specific
    /// settings are the deployment's business, not the contract's.
    public var kafkaConfig: [String: String] {
        var config = ["cleanup.policy": cleanupPolicy.rawValue]
        if let retentionMs { config["retention.ms"] = String(retentionMs) }
        return config
    }
}

/// A topic file that cannot be used, named so the operator knows which file to fix.
public struct TopicDefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}

extension TopicDefinition {
    /// Reads and checks one topic file; the file must be named `<name>.json`.
    public static func load(from file: URL) throws -> TopicDefinition {
        let fail = { (problem: String) in TopicDefinitionError(file: file.path, problem: problem) }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw fail("cannot be read: \(error.localizedDescription)")
        }
        let topic: TopicDefinition
        do {
            topic = try JSONDecoder().decode(TopicDefinition.self, from: data)
        } catch let error as DecodingError {
            throw fail(Self.describe(error))
        }
        if let problem = topic.problem(fileName: file.lastPathComponent) { throw fail(problem) }
        return topic
    }

    /// Every `*.json` file of `directory`, sorted by name. Fails unless every topic of
    /// `TopicName` is defined and the changelog is co-partitioned with its input, so a
    /// hand-edited deployment copy cannot start a service that would restore the wrong state.
    public static func loadAll(from directory: URL) throws -> [TopicDefinition] {
        let files: [URL]
        do {
            // By path: on Linux, `contentsOfDirectory(at:)` lists nothing when the directory is a
            // symbolic link, as mounted configuration directories often are.
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".json") }
                .map { directory.appendingPathComponent($0) }
        } catch {
            throw TopicDefinitionError(file: directory.path, problem: "cannot be listed: \(error.localizedDescription)")
        }
        let topics = try files.map(load(from:)).sorted { $0.name < $1.name }
        let byName = Dictionary(uniqueKeysWithValues: topics.map { ($0.name, $0) })
        if let missing = TopicName.allCases.first(where: { byName[$0.rawValue] == nil }) {
            throw TopicDefinitionError(file: directory.appendingPathComponent(missing.rawValue + ".json").path,
                                       problem: "missing: every topic of DESIGN §2 needs a definition")
        }
        try checkCoPartitioned(byName, in: directory)
        return topics
    }

    /// DESIGN §3: windows fed by input partition p are restored from changelog partition p,
    /// which only works if both topics have the same number of partitions.
    private static func checkCoPartitioned(_ byName: [String: TopicDefinition], in directory: URL) throws {
        guard let input = byName[TopicName.studyEvents.rawValue],
              let changelog = byName[TopicName.windowState.rawValue],
              input.partitions != changelog.partitions
        else { return }
        throw TopicDefinitionError(
            file: directory.appendingPathComponent(changelog.name + ".json").path,
            problem: "\(changelog.partitions) partitions, but the changelog must have as many as "
                + "\(input.name) (\(input.partitions))")
    }

    private func problem(fileName: String) -> String? {
        if fileName != name + ".json" { return "holds topic \(name), so it must be named \(name).json" }
        if partitions < 1 { return "partitions must be at least 1, not \(partitions)" }
        switch (cleanupPolicy, retentionMs) {
        case (.delete, nil): return "a delete topic needs retention_ms"
        case (.delete, let ms?) where ms < 1: return "retention_ms must be positive, not \(ms)"
        case (.compact, _?): return "a compacted topic keeps the latest value per key forever; retention_ms must be null"
        default: return nil
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "\((context.codingPath + [key]).jsonPath) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.jsonPath
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
