import Foundation
import Logging
import NEREKafka
import Yams

/// What `nere serve` reads from its YAML file (`deploy/nere.yaml` documents every key), with
/// environment variables overriding the file so one image serves every environment:
/// `NERE_<SECTION>_<KEY>` (`NERE_CACHE_PATH`, `NERE_HTTP_LISTEN`, `NERE_BATCH_MAX_EVENTS`) and,
/// for librdkafka properties, `NERE_KAFKA_<PROPERTY>` with dots as underscores
/// (`NERE_KAFKA_BOOTSTRAP_SERVERS` → `bootstrap.servers`).
public struct ServiceConfiguration: Sendable {
    /// librdkafka properties, passed verbatim to every client (SASL, SSL, tuning).
    public var kafka: [String: String] = [:]
    /// Topic definitions: names and partition counts.
    public var topicsDirectory = "topics"
    /// This instance's SQLite cache.
    public var cachePath = "nere-cache.sqlite"
    public var recommenders = ServiceRecommenders()
    /// Events per micro-batch: one SQLite transaction and one offset commit each.
    public var maxBatchEvents = 2000
    /// How long a poll waits for the first event of a batch.
    public var maxWaitMilliseconds = 20
    /// OpenBLAS threads for the model. One: an instance computes one batch at a time, and
    /// idle OpenBLAS threads spin between calls, burning a core for nothing; scale out with
    /// partitions and instances instead.
    public var computeThreads = 1
    /// `host:port` of /healthz, /readyz and /metrics; loopback unless configured otherwise.
    public var httpListen = "127.0.0.1:9464"
    public var logLevel = Logger.Level.info
    /// `NERE_…` variables that name no key (logged at start).
    public var ignoredEnvironment: [String] = []

    public init() {}

    /// The model-related paths, as `RecommenderSetup` takes them.
    public struct ServiceRecommenders: Sendable {
        public var modelPath: String?
        public var vectorsPath: String?
        public var warmStartPath: String?
        public var indexDirectory: String?
    }

    public var groupID: String? { kafka["group.id"] }

    /// The HTTP address split into host and port.
    public var httpAddress: (host: String, port: UInt16)? {
        guard let colon = httpListen.lastIndex(of: ":"), let port = UInt16(httpListen[httpListen.index(after: colon)...]),
              colon > httpListen.startIndex
        else { return nil }
        return (String(httpListen[..<colon]), port)
    }

    // MARK: Loading

    /// Reads the file, applies the environment, and checks the result.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> ServiceConfiguration
    {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServiceConfigurationError(path, "cannot read the file")
        }
        let text = String(decoding: data, as: UTF8.self)
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw ServiceConfigurationError(path, "not valid YAML: \(error)")
        }
        var values = try Self.flatten(root ?? [String: Any](), file: path)
        var configuration = ServiceConfiguration()
        for (name, value) in environment where name.hasPrefix("NERE_") {
            // Orchestrators add variables of their own (Kubernetes: NERE_SERVICE_HOST for a
            // Service named nere), so a name that matches no key is reported, not fatal.
            guard let key = Self.key(forEnvironment: name) else {
                configuration.ignoredEnvironment.append(name)
                continue
            }
            values[key] = value
        }
        try configuration.apply(values, file: path)
        try configuration.validate(file: path)
        return configuration
    }

    /// `section.key` → text; the `kafka` section keeps librdkafka's dotted names whole.
    private static func flatten(_ root: Any, file: String) throws -> [String: String] {
        guard let sections = root as? [String: Any] else { throw ServiceConfigurationError(file, "the top level must be a mapping") }
        var values: [String: String] = [:]
        for (section, content) in sections {
            guard known[section] != nil else {
                throw ServiceConfigurationError(file, "unknown section '\(section)' (known: \(known.keys.sorted().joined(separator: ", ")))")
            }
            // A section with every key commented out reads as null: the defaults apply.
            if content is NSNull { continue }
            guard let entries = content as? [String: Any] else {
                throw ServiceConfigurationError(file, "section '\(section)' must be a mapping")
            }
            for (key, value) in entries {
                guard section == "kafka" || known[section]!.contains(key) else {
                    throw ServiceConfigurationError(file, "unknown key '\(section).\(key)' (known: \(known[section]!.sorted().joined(separator: ", ")))")
                }
                guard !(value is [Any]), !(value is [String: Any]) else {
                    throw ServiceConfigurationError(file, "'\(section).\(key)' must be a single value")
                }
                values["\(section).\(key)"] = value is NSNull ? nil : "\(value)"
            }
        }
        return values
    }

    private static let known: [String: Set<String>] = [
        "kafka": [], "topics": ["directory"], "cache": ["path"],
        "model": ["path", "vectors", "warm_start", "index_directory", "threads"],
        "batch": ["max_events", "max_wait_ms"], "http": ["listen"], "log": ["level"],
    ]

    /// `NERE_KAFKA_BOOTSTRAP_SERVERS` → `kafka.bootstrap.servers`; `NERE_BATCH_MAX_EVENTS` → `batch.max_events`.
    private static func key(forEnvironment name: String) -> String? {
        let rest = name.dropFirst("NERE_".count).lowercased()
        if rest.hasPrefix("kafka_") {
            return "kafka." + rest.dropFirst("kafka_".count).replacingOccurrences(of: "_", with: ".")
        }
        for (section, keys) in known where rest.hasPrefix(section + "_") {
            let key = String(rest.dropFirst(section.count + 1))
            if keys.contains(key) { return "\(section).\(key)" }
        }
        return nil
    }

    private mutating func apply(_ values: [String: String], file: String) throws {
        func integer(_ key: String) throws -> Int? {
            guard let text = values[key] else { return nil }
            guard let value = Int(text) else { throw ServiceConfigurationError(file, "'\(key)' must be an integer, got '\(text)'") }
            return value
        }
        for (key, value) in values where key.hasPrefix("kafka.") { kafka[String(key.dropFirst(6))] = value }
        topicsDirectory = values["topics.directory"] ?? topicsDirectory
        cachePath = values["cache.path"] ?? cachePath
        recommenders = ServiceRecommenders(modelPath: values["model.path"], vectorsPath: values["model.vectors"],
                                           warmStartPath: values["model.warm_start"],
                                           indexDirectory: values["model.index_directory"])
        maxBatchEvents = try integer("batch.max_events") ?? maxBatchEvents
        maxWaitMilliseconds = try integer("batch.max_wait_ms") ?? maxWaitMilliseconds
        computeThreads = try integer("model.threads") ?? computeThreads
        httpListen = values["http.listen"] ?? httpListen
        if let level = values["log.level"] {
            guard let parsed = Logger.Level(rawValue: level) else {
                throw ServiceConfigurationError(file, "'log.level' must be one of trace, debug, info, notice, warning, error, critical; got '\(level)'")
            }
            logLevel = parsed
        }
    }

    private func validate(file: String) throws {
        guard kafka["bootstrap.servers"].map({ !$0.isEmpty }) ?? false else {
            throw ServiceConfigurationError(file, "'kafka.bootstrap.servers' is required (or NERE_KAFKA_BOOTSTRAP_SERVERS)")
        }
        guard groupID.map({ !$0.isEmpty }) ?? false else {
            throw ServiceConfigurationError(file, "'kafka.group.id' is required: instances with the same group share the partitions")
        }
        guard (1...50_000).contains(maxBatchEvents) else {
            throw ServiceConfigurationError(file, "'batch.max_events' must be 1…50000, got \(maxBatchEvents)")
        }
        guard (0...10_000).contains(maxWaitMilliseconds) else {
            throw ServiceConfigurationError(file, "'batch.max_wait_ms' must be 0…10000, got \(maxWaitMilliseconds)")
        }
        guard (1...64).contains(computeThreads) else {
            throw ServiceConfigurationError(file, "'model.threads' must be 1…64, got \(computeThreads)")
        }
        guard httpAddress != nil else {
            throw ServiceConfigurationError(file, "'http.listen' must be host:port, got '\(httpListen)'")
        }
        if recommenders.modelPath != nil && recommenders.vectorsPath == nil {
            throw ServiceConfigurationError(file, "'model.path' needs 'model.vectors' (the set vectors the model was trained with)")
        }
        if recommenders.indexDirectory != nil && recommenders.vectorsPath == nil {
            throw ServiceConfigurationError(file, "'model.index_directory' needs 'model.vectors'")
        }
    }
}

public struct ServiceConfigurationError: Error, CustomStringConvertible {
    public var description: String

    init(_ file: String, _ problem: String) {
        description = "\(file): \(problem)"
    }
}
