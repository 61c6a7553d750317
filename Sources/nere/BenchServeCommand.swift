import ArgumentParser
import COpenBLAS
import Foundation
import Logging
import NEREModel
import NERESynthetic

struct BenchServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Sustained events/s and event-to-recommendation latency of nere serve against librdkafka's mock cluster.",
        discussion: """
            Generates a synthetic log (--data-preset, --seed; --events keeps its first lines), learns set vectors \
            and, for each --presets network, writes a model artifact with random weights (untrained: the cost per \
            event is a trained network's). The log is cut in file order: the first 10% is replayed into a warm-start \
            cache, the next 45% is produced to a fresh in-process mock cluster before StreamService starts in this \
            process, and its consumption is timed through the cache's consumed_offsets, with the process's CPU time \
            over the same interval; the same events go through ReplayRun (no Kafka) for comparison. The last 45% is \
            then produced at half the measured rate while a consumer of nere.recommendations times each event's \
            recommendation. Prints a table per preset and the issue's goals (≥ 10,000 events/s per core with small, \
            p99 < 50 ms at half load) as `goal met` / `goal missed` lines; a missed goal does not fail the command. \
            Run from the package root (or pass --topics), in a release build.
            """)

    @Option(help: "Network presets, comma-separated: small, paper.")
    var presets: String = "small,paper"

    @Option(help: "Synthetic data: demo (~40k events) or large (~600k events).")
    var dataPreset: SyntheticPreset = .demo

    @Option(help: "Seed of the data and the weights.")
    var seed: UInt64 = 7

    @Option(help: "Use only the first N lines of the log (default: all of it).")
    var events: Int?

    @Option(help: "The service's batch.max_events (events per micro-batch).")
    var batchEvents: Int = 2_000

    @Option(help: "fetch.wait.max.ms of the service's consumers and the bench consumer.")
    var fetchWaitMs: Int = 5

    @Option(help: "OpenBLAS threads for the model: the service's model.threads (default 1, as nere serve runs) and the replay's.")
    var blasThreads: Int = 1

    @Option(help: "GloVe epochs for the set vectors (their quality does not matter here).")
    var vectorEpochs: Int = 25

    @Option(help: "Also write the figures as JSON to this file.")
    var json: String?

    @OptionGroup var topicDefinitions: TopicDefinitionOptions
    @OptionGroup var logging: LoggingOptions

    static let minimumEvents = 200

    var presetList: [ModelPreset] {
        presets.split(separator: ",", omittingEmptySubsequences: false)
            .compactMap { ModelPreset(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased()) }
    }

    func validate() throws {
        let named = presets.split(separator: ",", omittingEmptySubsequences: false)
        guard !named.isEmpty, presetList.count == named.count, Set(presetList).count == presetList.count else {
            throw ValidationError("--presets must be a comma list of distinct presets among "
                                  + "\(ModelPreset.allCases.map(\.rawValue).joined(separator: ", ")), got \(presets)")
        }
        if let events, events < Self.minimumEvents {
            throw ValidationError("--events must be at least \(Self.minimumEvents), got \(events)")
        }
        guard (1...50_000).contains(batchEvents) else { throw ValidationError("--batch-events must be 1…50000, got \(batchEvents)") }
        guard (1...1_000).contains(fetchWaitMs) else { throw ValidationError("--fetch-wait-ms must be 1…1000, got \(fetchWaitMs)") }
        if !(1...64).contains(blasThreads) {
            throw ValidationError("--blas-threads must be 1…64, got \(blasThreads)")
        }
        guard (1...1_000).contains(vectorEpochs) else { throw ValidationError("--vector-epochs must be 1…1000, got \(vectorEpochs)") }
        if let json { try requireWritableLocation(json, flag: "--json") }
    }

    func run() async throws {
        let logger = logging.logger()
        let topics = try topicDefinitions.load()
        ComputeThreads.use(blasThreads)
        // The service and the replays log every malformed line of the synthetic log as a dead
        // letter; they speak only when asked for info or more.
        var quiet = logger
        quiet.logLevel = logging.logLevel <= .info ? logging.logLevel : .error
        let loadAtStart = BenchMachine.loadAverage
        try await inBenchScratch(logger: logger) { scratch in
            let workload = try await ServeWorkload.prepare(dataPreset: dataPreset, seed: seed, eventCap: events,
                                                           vectorEpochs: vectorEpochs,
                                                           in: scratch.appendingPathComponent("data"), quiet: quiet, logger: logger)
            guard workload.throughput.count > 0, workload.latency.count > 0 else {
                throw ValidationError("--events \(events ?? 0): too few lines for the three phases")
            }
            let bench = ServeBenchmark(workload: workload, topics: topics,
                                       topicsDirectory: URL(fileURLWithPath: topicDefinitions.topics).standardizedFileURL.path,
                                       batchEvents: batchEvents, computeThreads: blasThreads, fetchWaitMilliseconds: fetchWaitMs,
                                       seed: seed,
                                       quiet: quiet, logger: logger)
            var measured: [ServeFigures] = []
            for preset in presetList {
                let progress = ProgressLine(preset.rawValue)
                let figures = try await bench.measure(preset, in: scratch.appendingPathComponent(preset.rawValue), progress: progress)
                progress.finish()
                measured.append(figures)
            }
            let report = ServeReport(presets: measured, dataPreset: dataPreset.rawValue, seed: seed,
                                     logLines: workload.historyLines + workload.throughput.count + workload.latency.count,
                                     historyLines: workload.historyLines, batchEvents: batchEvents,
                                     fetchWaitMilliseconds: fetchWaitMs, blasThreads: blasThreads, machine: BenchMachine.description,
                                     loadAverages: (loadAtStart, BenchMachine.loadAverage))
            print(report.markdown)
            if let json {
                try JSONSerialization.data(withJSONObject: report.json, options: [.prettyPrinted, .sortedKeys])
                    .write(to: URL(fileURLWithPath: json))
            }
        }
    }
}
