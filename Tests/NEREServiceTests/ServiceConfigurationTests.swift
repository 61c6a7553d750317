import Foundation
import NEREService
import Testing

/// The configuration file a deployment starts from, and the one-line refusals of bad ones.
struct ServiceConfigurationTests {
    static let example = ServiceHarness.repository.appendingPathComponent("deploy/nere.yaml").path

    @Test func theDeployExampleLoadsAndTheEnvironmentOverridesIt() throws {
        let configuration = try ServiceConfiguration.load(path: Self.example, environment: [
            "NERE_KAFKA_BOOTSTRAP_SERVERS": "broker-1:9092,broker-2:9092", "NERE_KAFKA_SASL_USERNAME": "nere",
            "NERE_CACHE_PATH": "/tmp/other.sqlite", "NERE_BATCH_MAX_EVENTS": "500", "NERE_SERVICE_HOST": "10.0.0.1",
        ])
        #expect(configuration.kafka["bootstrap.servers"] == "broker-1:9092,broker-2:9092")
        #expect(configuration.kafka["sasl.username"] == "nere")
        #expect(configuration.groupID == "nere-serve")
        #expect(configuration.cachePath == "/tmp/other.sqlite")
        #expect(configuration.maxBatchEvents == 500)
        #expect(configuration.httpAddress?.port == 9464)
        #expect(configuration.ignoredEnvironment == ["NERE_SERVICE_HOST"])
        #expect(configuration.recommenders.modelPath == nil, "model is commented out in the example")
    }

    @Test func modelThreadsDefaultToOneAndAreBounded() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nere-config-\(UUID().uuidString).yaml").path
        try "kafka: {bootstrap.servers: b:1, group.id: g}\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ServiceConfiguration.load(path: path, environment: [:]).computeThreads == 1)
        #expect(try ServiceConfiguration.load(path: path, environment: ["NERE_MODEL_THREADS": "2"]).computeThreads == 2)
        #expect(throws: ServiceConfigurationError.self) {
            try ServiceConfiguration.load(path: path, environment: ["NERE_MODEL_THREADS": "0"])
        }
    }

    @Test(arguments: [
        ("kafka: {group.id: g}\n", "'kafka.bootstrap.servers' is required"),
        ("kafka: {bootstrap.servers: b:1, group.id: g}\nbatch: {max_events: many}\n", "'batch.max_events' must be an integer"),
        ("kafka: {bootstrap.servers: b:1, group.id: g}\ncache: {file: x}\n", "unknown key 'cache.file'"),
        ("kafka: {bootstrap.servers: b:1, group.id: g}\nmetrics: {port: 1}\n", "unknown section 'metrics'"),
        ("kafka: {bootstrap.servers: b:1, group.id: g}\nmodel: {path: /m}\n", "'model.path' needs 'model.vectors'"),
        ("kafka: {bootstrap.servers: b:1, group.id: g}\nhttp: {listen: nowhere}\n", "'http.listen' must be host:port"),
        ("kafka: {bootstrap.servers: b:1, group.id: g}\nlog: {level: loud}\n", "'log.level' must be one of"),
        ("kafka: [1, 2]\n", "section 'kafka' must be a mapping"),
        ("kafka: {bootstrap.servers: b:1\n", "not valid YAML"),
    ])
    func badFilesAreRefusedNamingTheProblem(text: String, problem: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nere-config-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: ServiceConfigurationError.self) { try ServiceConfiguration.load(path: path, environment: [:]) }
        #expect(error?.description.contains(problem) == true, "\(error?.description ?? "")")
        #expect(error?.description.hasPrefix(path) == true)
    }
}
