import ArgumentParser
import Foundation
import NEREModel

struct BenchModelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Per-event inference cost of the NERE network on one core, beside PyTorch and OpenBLAS sgemm.",
        discussion: """
            For each --presets network (random weights, random valid windows): the served path — one event is \
            `ServingNetwork.steps` for B new sessions plus `predict` for their B windows from cached steps — and \
            the full recomputation (`NERENetwork.forward` over B windows) at each --batches size, on one OpenBLAS \
            thread; then Tests/Benchmarks/model_reference.py runs the same weights and windows in PyTorch on one \
            thread, checks its predictions against ours (relative difference at most 1e-3, or the command fails) \
            and times full forwards. Beside them: OpenBLAS sgemm's GFLOP/s at 1024³ and at the recurrent \
            product's shape, the achieved GFLOP/s of the recurrence and of the whole pass, a per-stage breakdown, \
            and the issue's goals checked. Run from the package root, in a release build.
            """)

    @Option(help: "Network presets, comma-separated: small, paper.")
    var presets: String = "small,paper"

    @Option(help: "Batch sizes (windows per call), comma-separated.")
    var batches: String = "1,64,256"

    @Option(help: "Seconds each figure is timed for (ours and PyTorch's), after a 0.3 s warm-up.")
    var seconds: Double = 2

    @Option(help: "Random windows per preset, cut into the batches each timing rotates through.")
    var windows: Int = 512

    @Option(help: "Seed of the weights and windows.")
    var seed: UInt64 = 7

    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var logging: LoggingOptions

    static let maximumBatch = 4_096

    var presetList: [ModelPreset] {
        presets.split(separator: ",", omittingEmptySubsequences: false)
            .compactMap { ModelPreset(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased()) }
    }

    var batchList: [Int] {
        batches.split(separator: ",", omittingEmptySubsequences: false).compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    func validate() throws {
        let named = presets.split(separator: ",", omittingEmptySubsequences: false)
        guard !named.isEmpty, presetList.count == named.count, Set(presetList).count == presetList.count else {
            throw ValidationError("--presets must be a comma list of distinct presets among "
                                  + "\(ModelPreset.allCases.map(\.rawValue).joined(separator: ", ")), got \(presets)")
        }
        guard !batchList.isEmpty, batchList.count == batches.split(separator: ",", omittingEmptySubsequences: false).count,
              batchList.allSatisfy({ (1...Self.maximumBatch).contains($0) }), Set(batchList).count == batchList.count else {
            throw ValidationError("--batches must be a comma list of distinct batch sizes 1…\(Self.maximumBatch), got \(batches)")
        }
        guard seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be above 0 and at most 600, got \(seconds)") }
        guard (1...100_000).contains(windows) else { throw ValidationError("--windows must be 1…100000, got \(windows)") }
    }

    func run() async throws {
        let logger = logging.logger()
        ComputeThreads.use(1)
        let loadAtStart = BenchMachine.loadAverage
        try await inBenchScratch(logger: logger) { scratch in
            let runner = reference.resolve(script: "model_reference.py", imports: ["torch", "safetensors", "numpy"])
                .map { ModelReference(python: $0.python, script: $0.script) }
            if case .failure(let skipped) = runner {
                logger.notice("reference skipped", metadata: ["reason": "\(skipped.reason)"])
            }
            let progress = ProgressLine("sgemm")
            progress.note("1024³ on one thread")
            let peak = SgemmProbe.measure(m: 1_024, n: 1_024, k: 1_024, seconds: min(seconds, 1))
            progress.finish()
            logger.info("sgemm peak", metadata: ["gflops": "\(peak.gflops)"])

            let bench = ModelBenchmark(batches: batchList, seconds: seconds)
            var measured: [ModelReport.Preset] = []
            for preset in presetList {
                let workload = ModelWorkload(preset: preset, windows: windows, seed: seed)
                let progress = ProgressLine(preset.rawValue)
                let (figures, expected) = bench.measure(workload) { progress.note($0) }
                logger.info("measured ours", metadata: ["preset": "\(preset.rawValue)"])
                progress.note("PyTorch reference")
                let theirs = runner.flatMap { $0.run(workload, expected: expected, batches: batchList, seconds: seconds,
                                                     scratch: scratch) }
                progress.finish()
                if case .failure(let skipped) = theirs, case .success = runner {
                    logger.notice("reference failed", metadata: ["preset": "\(preset.rawValue)", "reason": "\(skipped.reason)"])
                }
                measured.append(ModelReport.Preset(figures: figures, reference: theirs))
            }
            let report = ModelReport(sgemmPeak: peak, presets: measured, windows: windows, seconds: seconds,
                                     machine: BenchMachine.description, loadAverages: (loadAtStart, BenchMachine.loadAverage))
            print(report.markdown)
            if let out = reference.out {
                try JSONSerialization.data(withJSONObject: report.json, options: [.prettyPrinted, .sortedKeys])
                    .write(to: URL(fileURLWithPath: out))
            }
            if let failure = report.parityFailures.first { throw ModelBenchFailure(description: failure) }
        }
    }
}

/// The network's paths disagree: the figures are printed, and the run fails with this line.
struct ModelBenchFailure: Error, CustomStringConvertible {
    var description: String
}
