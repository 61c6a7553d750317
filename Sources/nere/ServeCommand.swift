import ArgumentParser
import Foundation
import NEREService

/// `nere serve`: the Kafka stream processor. Configuration comes from a YAML file
/// (`deploy/nere.yaml` documents every key), overridden by `NERE_…` environment variables.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Consume nere.study-events and publish recommendations to Kafka and the SQLite cache.",
        discussion: """
            SIGTERM or SIGINT drains (the last batch is committed, partitions are handed back with their \
            offsets) and exits 0. SIGHUP re-reads model.path from the configuration file and swaps the \
            model in between batches. HTTP: /healthz, /readyz, /metrics (Prometheus) on http.listen.
            """)

    @Option(help: "Configuration file (YAML; see deploy/nere.yaml).")
    var config: String

    func validate() throws {
        try requireReadableFile(config, flag: "--config")
    }

    func run() async throws {
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration.load(path: config)
        } catch {
            throw ValidationError("--config \(error)")
        }
        let logger = Terminal.bootstrapLogging(level: configuration.logLevel)
        let control = ServiceControl()
        Signals.on([SIGTERM, SIGINT]) { control.requestStop() }
        Signals.on([SIGHUP]) { control.requestModelReload() }
        let service = StreamService(configuration: configuration, configurationPath: config, control: control, logger: logger)
        try await service.run()
    }
}
