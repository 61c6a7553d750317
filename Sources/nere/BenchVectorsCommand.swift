import ArgumentParser
import Foundation
import Logging
import NEREContracts
import NEREEvaluation
import NEREPipeline
import NERESetVectors

struct BenchVectorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vectors",
        abstract: "Tokens/s of tokenising and counting, and seconds per GloVe epoch against a NumPy reference.",
        discussion: """
            Runs the stages of `nere vectorize` on a catalog (default: the large preset, generated into a \
            temporary directory) and times them. The reference, Tests/Benchmarks/glove_reference_epoch.py, \
            then trains the same epochs from the same co-occurrence entries and initial parameters in NumPy, \
            and the table reports how many times faster our epoch is. Run from the package root.
            """)

    @Option(help: "Set catalog: JSON lines of StudySet (default: generate the large preset).")
    var sets: String?

    @Option(help: "GloVe epochs to time, ours and the reference's.")
    var epochs: Int = 5

    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let sets { try requireReadableFile(sets, flag: "--sets") }
        guard (1...1000).contains(epochs) else { throw ValidationError("--epochs must be 1…1000, got \(epochs)") }
    }

    func run() async throws {
        let logger = logging.logger()
        try await inBenchScratch(logger: logger) { scratch in
            let catalog = try SetsFile.load(path: sets ?? generateLargePreset(into: scratch, logger: logger))
            for letter in catalog.deadLetters.prefix(20) {
                logger.warning("invalid set skipped", metadata: ["origin": "\(letter.origin)", "reason": "\(letter.violation)"])
            }
            guard !catalog.sets.isEmpty else { throw ValidationError("--sets \(sets ?? ""): no valid set to measure on") }
            var bench = VectorBenchmark(sets: catalog.sets, epochs: epochs)
            logger.info("measuring", metadata: ["sets": "\(catalog.sets.count)", "epochs": "\(epochs)"])
            let runner = reference.resolve(script: "glove_reference_epoch.py", imports: ["numpy"])
                .map { GloVeReference(python: $0.python, script: $0.script, scratch: scratch) }
            try bench.measure(reference: runner, logger: logger)

            print(bench.table)
            if let out = reference.out {
                try JSONSerialization.data(withJSONObject: bench.figures, options: [.prettyPrinted, .sortedKeys])
                    .write(to: URL(fileURLWithPath: out))
            }
        }
    }
}

/// The figures of one `bench vectors` run, gathered stage by stage.
struct VectorBenchmark {
    let sets: [StudySet]
    let epochs: Int
    /// `nere vectorize`'s settings, so the benchmark times what the command runs.
    let recipe = SetVectorTraining()

    private(set) var tokens = 0
    private(set) var vocabularySize = 0
    private(set) var entries = 0
    private(set) var tokenizeSeconds = 0.0
    private(set) var countTokens = 0
    private(set) var countSeconds = 0.0
    /// Per thread count: seconds and loss of every epoch.
    private(set) var ours: [(threads: Int, seconds: [Double], losses: [Double])] = []
    private(set) var reference: Result<GloVeReference.Timing, GloVeReference.Skipped>?

    init(sets: [StudySet], epochs: Int) {
        self.sets = sets
        self.epochs = epochs
    }

    mutating func measure(reference runner: Result<GloVeReference, GloVeReference.Skipped>,
                          logger: Logger) throws {
        let clock = ContinuousClock()
        var documents: [[String]] = []
        tokenizeSeconds = clock.measure { documents = sets.map { recipe.tokenizer.tokens(of: $0) } }.seconds
        tokens = documents.reduce(0) { $0 + $1.count }
        let vocabulary = Vocabulary(documents: documents, minimumCount: recipe.minimumCount, maximumSize: nil)
        vocabularySize = vocabulary.count
        let ids = documents.map { vocabulary.ids(of: $0) }
        countTokens = ids.reduce(0) { $0 + $1.count }
        var counts: CooccurrenceCounts?
        countSeconds = clock.measure {
            counts = CooccurrenceCounts(documents: ids, vocabularySize: vocabulary.count, window: recipe.window)
        }.seconds
        guard let counts else { preconditionFailure("counting always yields counts") }
        entries = counts.entries.count
        logger.info("counted", metadata: ["tokens": "\(tokens)", "entries": "\(entries)"])

        for threads in [recipe.glove.threads, 1] where !ours.contains(where: { $0.threads == threads }) {
            ours.append(train(counts, threads: threads))
        }
        reference = runner.flatMap { runner in
            logger.info("running the reference", metadata: ["python": "\(runner.python.python)"])
            return runner.run(counts, configuration: configuration(threads: recipe.glove.threads))
        }
        if case .failure(let skipped) = reference {
            logger.notice("reference skipped", metadata: ["reason": "\(skipped.reason)"])
        }
    }

    private func configuration(threads: Int) -> GloVeConfiguration {
        var configuration = recipe.glove
        configuration.epochs = epochs
        configuration.threads = threads
        return configuration
    }

    /// The first epoch's time includes building the schedule and the initial parameters, a few
    /// per cent of an epoch; the median over epochs leaves it out when there are three or more.
    private func train(_ counts: CooccurrenceCounts, threads: Int) -> (threads: Int, seconds: [Double], losses: [Double]) {
        let progress = ProgressLine("GloVe, \(threads) thread\(threads == 1 ? "" : "s")")
        defer { progress.finish() }
        var seconds: [Double] = []
        var last = ContinuousClock.now
        let vectors = GloVeTrainer(configuration: configuration(threads: threads)).train(counts) { epoch, _ in
            let now = ContinuousClock.now
            seconds.append((now - last).seconds)
            last = now
            progress.update(done: epoch, total: epochs)
        }
        return (threads, seconds, vectors.losses)
    }
}

extension VectorBenchmark {
    var table: String {
        var lines = [
            "\(sets.count) sets, \(tokens) tokens, vocabulary \(vocabularySize), \(entries) co-occurrence entries, "
                + "GloVe \(recipe.glove.dimensions)-d, \(epochs) epoch\(epochs == 1 ? "" : "s")",
        ]
        #if DEBUG
        lines.append("WARNING: debug build, not representative; use `swift build -c release`")
        #endif
        let row = { (name: String, value: String, note: String) in
            name.rightPadded(34) + value.leftPadded(12) + "  " + note
        }
        lines.append(row("tokenise", rate(tokens, tokenizeSeconds), String(format: "%.3f s", tokenizeSeconds)))
        lines.append(row("count co-occurrences (window \(recipe.window))", rate(countTokens, countSeconds),
                         String(format: "%.3f s", countSeconds)))
        for run in ours {
            lines.append(row("GloVe s/epoch, ours, \(run.threads) thread\(run.threads == 1 ? "" : "s")",
                             String(format: "%.3f s", median(run.seconds)), lossNote(run.losses)))
        }
        switch reference {
        case .success(let timing):
            lines.append(row("GloVe s/epoch, reference (NumPy)", String(format: "%.3f s", median(timing.seconds)),
                             lossNote(timing.losses)))
            if let speedup = speedup {
                lines.append(String(format: "ours (%d threads) is %.1f× faster than the reference per epoch",
                                    recipe.glove.threads, speedup))
            }
        case .failure(let skipped):
            lines.append(row("GloVe s/epoch, reference (NumPy)", "skipped", skipped.reason))
        case nil:
            break
        }
        return lines.joined(separator: "\n")
    }

    /// Reference seconds per epoch over ours with the default thread count.
    var speedup: Double? {
        guard case .success(let timing) = reference,
              let mine = ours.first(where: { $0.threads == recipe.glove.threads }).map({ median($0.seconds) }),
              mine > 0 else { return nil }
        return median(timing.seconds) / mine
    }

    var figures: [String: Any] {
        var figures: [String: Any] = [
            "build": isDebugBuild ? "debug" : "release",
            "sets": sets.count, "tokens": tokens, "vocabulary_size": vocabularySize, "cooccurrence_entries": entries,
            "dimensions": recipe.glove.dimensions, "epochs": epochs, "window": recipe.window,
            "tokenize_tokens_per_second": Double(tokens) / max(tokenizeSeconds, 1e-9),
            "count_tokens_per_second": Double(countTokens) / max(countSeconds, 1e-9),
            "ours": ours.map { ["threads": $0.threads, "seconds_per_epoch": median($0.seconds),
                                "epoch_seconds": $0.seconds, "losses": $0.losses] as [String: Any] },
        ]
        switch reference {
        case .success(let timing):
            figures["reference"] = ["seconds_per_epoch": median(timing.seconds), "epoch_seconds": timing.seconds,
                                    "losses": timing.losses, "numpy": timing.numpy]
            figures["reference_over_ours"] = speedup
        case .failure(let skipped):
            figures["reference"] = ["skipped": skipped.reason]
        case nil:
            break
        }
        return figures
    }

    private func rate(_ count: Int, _ seconds: Double) -> String {
        String(format: "%.2f M tok/s", Double(count) / max(seconds, 1e-9) / 1e6)
    }

    private func lossNote(_ losses: [Double]) -> String {
        String(format: "loss %.4f → %.4f", losses.first ?? 0, losses.last ?? 0)
    }
}

private var isDebugBuild: Bool {
    #if DEBUG
    true
    #else
    false
    #endif
}

/// The NumPy reference (`Tests/Benchmarks/glove_reference_epoch.py`), run on our co-occurrence
/// entries and our initial parameters so that both sides do the same work from the same start;
/// the script's docstring says what its epoch computes.
struct GloVeReference {
    typealias Skipped = ReferenceSkipped

    struct Timing {
        let seconds: [Double]
        let losses: [Double]
        let numpy: String
    }

    let python: PythonReference
    let script: String
    let scratch: URL

    func run(_ counts: CooccurrenceCounts, configuration: GloVeConfiguration) -> Result<Timing, Skipped> {
        let header = scratch.appendingPathComponent("glove-reference.json")
        do {
            try write(counts, configuration: configuration, header: header)
        } catch {
            return .failure(Skipped(reason: "cannot write the reference's input: \(error.localizedDescription)"))
        }
        return python.run([script, header.path]).flatMap { stdout in
            guard let json = try? JSONSerialization.jsonObject(with: stdout) as? [String: Any],
                  let seconds = json["seconds_per_epoch"] as? [Double], let losses = json["losses"] as? [Double] else {
                return .failure(Skipped(reason: "the reference printed no timing"))
            }
            return .success(Timing(seconds: seconds, losses: losses, numpy: json["numpy"] as? String ?? "?"))
        }
    }

    /// The arrays the script's docstring lists, little-endian, in one file beside a JSON header.
    private func write(_ counts: CooccurrenceCounts, configuration: GloVeConfiguration, header: URL) throws {
        let data = header.deletingPathExtension().appendingPathExtension("bin")
        var bytes = Data()
        let append = { (values: [UInt64], width: Int) in
            for value in values {
                withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0.prefix(width)) }
            }
        }
        append(counts.entries.map { UInt64(UInt32(bitPattern: $0.word)) }, 4)
        append(counts.entries.map { UInt64(UInt32(bitPattern: $0.context)) }, 4)
        append(counts.entries.map(\.count.bitPattern), 8)
        append(GloVeTrainer(configuration: configuration).initialParameters(vocabularySize: counts.vocabularySize)
            .map { UInt64($0.bitPattern) }, 4)
        try bytes.write(to: data)
        let description: [String: Any] = [
            "data": data.lastPathComponent, "entries": counts.entries.count, "vocabulary_size": counts.vocabularySize,
            "dimensions": configuration.dimensions, "learning_rate": configuration.learningRate,
            "x_max": configuration.xMax, "alpha": configuration.alpha, "epochs": configuration.epochs,
            "seed": configuration.seed,
        ]
        try JSONSerialization.data(withJSONObject: description, options: .sortedKeys).write(to: header)
    }

}
