import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import NERECache
import NEREContracts
import NEREKafka
import NEREPipeline
import NEREService
import NERESynthetic

/// A service under test: librdkafka's mock cluster on loopback with the project's topics, a
/// synthetic event log, and `StreamService` instances running in this process.
final class ServiceHarness: @unchecked Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let topicsDirectory = repository.appendingPathComponent("topics").path

    let cluster: KafkaMockCluster
    let directory: URL
    /// The log's lines in file order; the service gets the second part, the warm start the first.
    let historyPath: String
    let eventsPath: String
    let setsPath: String
    let warmStartPath: String

    /// Generates the demo catalog and the first `events` lines of its log (the first
    /// `history` of them replayed into the warm-start cache), and creates the topics.
    init(events: Int = 3_000, history: Int = 3_000) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("nere-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        _ = try SyntheticGenerator(preset: .demo, seed: 5).write(to: directory)
        let lines = try String(contentsOf: directory.appendingPathComponent("events.jsonl"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true)
        historyPath = directory.appendingPathComponent("history.jsonl").path
        eventsPath = directory.appendingPathComponent("stream.jsonl").path
        setsPath = directory.appendingPathComponent("sets.jsonl").path
        try (lines.prefix(history).joined(separator: "\n") + "\n").write(toFile: historyPath, atomically: true, encoding: .utf8)
        try (lines.dropFirst(history).prefix(events).joined(separator: "\n") + "\n")
            .write(toFile: eventsPath, atomically: true, encoding: .utf8)
        warmStartPath = directory.appendingPathComponent("history.sqlite").path
        _ = try await ReplayRun(input: .files(events: historyPath, sets: setsPath), cachePath: warmStartPath).run(logger: Self.quiet)

        cluster = try KafkaMockCluster(brokers: 1)
        for topic in try TopicDefinition.loadAll(from: URL(fileURLWithPath: Self.topicsDirectory)) {
            try cluster.createTopic(topic.name, partitions: Int32(topic.partitions))
        }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// Produces the catalog (keyed by set id) and the stream's lines (keyed by user id; a
    /// line that is not JSON gets a null key) in file order.
    func produceCatalogAndEvents() async throws {
        try await produce(topic: TopicName.sets.rawValue, lines: try Self.lines(setsPath), key: "set_id")
        try await produce(topic: TopicName.studyEvents.rawValue, lines: try Self.lines(eventsPath), key: "user_id")
    }

    func produce(topic: String, lines: [[UInt8]], key: String) async throws {
        let producer = try KafkaProducer(configuration: cluster.configuration())
        for line in lines {
            let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            let keyBytes = (object?[key] as? String).map { Array($0.utf8) }
            _ = try producer.send(KafkaProducerMessage(topic: topic, key: keyBytes, value: line))
        }
        let reports = try await producer.flush(timeout: .seconds(60))
        _ = await producer.close()
        guard reports.allSatisfy(\.isDelivered) else { throw HarnessError("undelivered test input") }
    }

    static func lines(_ path: String) throws -> [[UInt8]] {
        try Data(contentsOf: URL(fileURLWithPath: path)).split(separator: UInt8(ascii: "\n")).map { Array($0) }
    }

    func configuration(cache: String, group: String = "nere-test") -> ServiceConfiguration {
        var configuration = ServiceConfiguration()
        configuration.kafka = ["bootstrap.servers": cluster.bootstrapServers, "group.id": group,
                               "session.timeout.ms": "6000", "heartbeat.interval.ms": "500"]
        configuration.topicsDirectory = Self.topicsDirectory
        configuration.cachePath = directory.appendingPathComponent(cache).path
        configuration.recommenders.warmStartPath = warmStartPath
        configuration.httpListen = "127.0.0.1:0"
        configuration.maxBatchEvents = 500
        return configuration
    }

    /// A service running in a task of this process until `control.requestStop()`.
    struct Running {
        let control: ServiceControl
        let task: Task<Void, any Error>

        func stop() async throws {
            control.requestStop()
            try await task.value
        }
    }

    func start(_ configuration: ServiceConfiguration) -> Running {
        let control = ServiceControl()
        let service = StreamService(configuration: configuration, control: control, logger: Self.quiet)
        return Running(control: control, task: Task { try await service.run() })
    }

    /// The replay the service must agree with: the same stream, the same warm start, frozen.
    func replay(cache: String) async throws -> ReplayRun.Result {
        var run = ReplayRun(input: .files(events: eventsPath, sets: setsPath), cachePath: directory.appendingPathComponent(cache).path)
        run.recommenders.warmStartPath = warmStartPath
        return try await run.run(logger: Self.quiet)
    }

    /// Every recommendation's content per (user, subject) — what a web server shows — without
    /// what legitimately differs between a replay and a service: provenance and wall-clock stamps.
    static func contents(ofCache path: String) throws -> [String: String] {
        var contents: [String: String] = [:]
        for cached in try StreamCache(path: path, readOnly: true).recommendations() {
            var recommendation = cached.recommendation
            recommendation.generatedAt = Timestamp(microsecondsSinceEpoch: 0)
            recommendation.source = .init(topic: "", partition: 0, offset: 0, eventID: "")
            contents["\(recommendation.userID)|\(recommendation.subject.rawValue)"] = recommendation.jsonText
        }
        return contents
    }

    /// Waits until `condition` holds, polling; false at the deadline.
    static func eventually(within seconds: Double = 90, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .milliseconds(200))
        }
        return try await condition()
    }

    /// Consumer lag is zero on every input partition once everything produced is committed in
    /// the group (read back from the cluster, as an operator would).
    func committedOffsets(group: String) async throws -> Int64 {
        let consumer = try KafkaConsumer(configuration: cluster.configuration(["group.id": group]))
        defer { Task { await consumer.close() } }
        let topic = TopicName.studyEvents.rawValue
        let partitions = try await consumer.partitions(of: topic).map { KafkaTopicPartition(topic: topic, partition: $0) }
        return try await consumer.committed(partitions).values.filter { $0 >= 0 }.reduce(0, +)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension ServiceHarness {
    /// Every record of `topic`, read from the beginning of each partition to its end.
    func readAll(_ topic: String) async throws -> [KafkaConsumerMessage] {
        let consumer = try KafkaConsumer(configuration: cluster.configuration())
        defer { Task { await consumer.close() } }
        return try await consumer.readAll(topic)
    }

    /// The last recommendation per key on the output topic, in the same form as `contents(ofCache:)`.
    func latestRecommendationsOnTopic() async throws -> [String: String] {
        var latest: [String: String] = [:]
        for message in try await readAll(TopicName.recommendations.rawValue).sorted(by: { $0.offset < $1.offset }) {
            guard case .success(var recommendation) = PayloadDecoding.decode(Recommendation.self, from: message.value ?? [], now: .now)
            else { continue }
            recommendation.generatedAt = Timestamp(microsecondsSinceEpoch: 0)
            recommendation.source = .init(topic: "", partition: 0, offset: 0, eventID: "")
            latest[String(decoding: message.key ?? [], as: UTF8.self)] = recommendation.jsonText
        }
        return latest
    }

    /// GET on the service's HTTP endpoint: status and body.
    static func get(_ path: String, port: UInt16) async throws -> (status: Int, body: String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }
}
