import ArgumentParser
import Foundation
import Logging
import NEREComparison
import NEREContracts
import NEREEvaluation
import NEREModel
import NEREPipeline
import NERESetVectors
import NERETraining

struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Train on the earlier part of a log, replay the later part through NERE, its ablations and the baselines side by side, and write report.json and report.html.",
        discussion: """
            The log is split by time (--split-at, or the last --test-fraction of its events). The NERE model and \
            its two ablations (without metadata, without content vectors) are trained on the sessions before the \
            split; every contender then replays the whole log prequentially and is scored on the events after it: \
            recall@1/10/100, MRR, R² in content space, catalog coverage and confidence calibration, overall and \
            by history length. OUT receives report.json, report.html, the trained models and, unless --vectors \
            is given, the set vectors learned from the catalog.
            """)

    @OptionGroup var input: ReplayInputOptions

    @Option(help: "Output directory for the report, models and vectors (created if missing).")
    var out: String

    @Option(help: "Score the events that ended at or after this RFC 3339 time; train on those before.")
    var splitAt: String?

    @Option(help: "Without --split-at: score this last share of the log's events (by ended_at).")
    var testFraction: Double = 0.2

    @Option(help: "Set vectors from `nere vectorize` (default: learned from the catalog into OUT/vectors).")
    var vectors: String?

    @Option(help: "Judge this trained model (from `nere train`, with the same --vectors) instead of training one.")
    var model: String?

    @Option(help: "Network size for the models trained here: small (default) or paper.")
    var preset: ModelPreset = .small

    @Option(help: "Upper bound on training epochs per model (early stopping usually ends sooner).")
    var epochs: Int = TrainingOptions().maxEpochs

    @Flag(inversion: .prefixedNo, help: "Train and score the ablations without metadata and without content vectors.")
    var ablations = true

    @Flag(help: "Judge the models an earlier evaluation left in OUT/models when they fit (same vectors, trained before the split) instead of retraining them.")
    var reuseModels = false

    @Option(help: "Also write every scored prediction of one contender (see --predictions-of) as JSON lines to this file.")
    var predictions: String?

    @Option(help: "Whose predictions --predictions writes: nere, nere_served, baseline, popularity, … (names as in report.json).")
    var predictionsOf: String = ContenderName.nere

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try requireWritableLocation(out, flag: "--out")
        if let splitAt, Timestamp(rfc3339: splitAt) == nil {
            throw ValidationError("--split-at \(splitAt): not an RFC 3339 time such as 2026-04-01T00:00:00Z")
        }
        guard testFraction > 0, testFraction < 1 else {
            throw ValidationError("--test-fraction must be between 0 and 1 (exclusive), got \(testFraction)")
        }
        if let vectors { try requireVectorDirectory(vectors, flag: "--vectors") }
        if let model {
            guard vectors != nil else { throw ValidationError("--model needs --vectors (the set vectors it was trained with)") }
            try requireModelDirectory(model, flag: "--model")
        }
        guard (1...1000).contains(epochs) else { throw ValidationError("--epochs must be 1…1000, got \(epochs)") }
        if let predictions { try requireWritableLocation(predictions, flag: "--predictions") }
        guard ContenderName.all.contains(predictionsOf) else {
            throw ValidationError("--predictions-of \(predictionsOf): not a contender (\(ContenderName.all.joined(separator: ", ")))")
        }
        if !ablations, [ContenderName.nereWithoutMetadata, ContenderName.nereWithoutContent].contains(predictionsOf) {
            throw ValidationError("--predictions-of \(predictionsOf) needs the ablations (drop --no-ablations)")
        }
    }

    func run() async throws {
        let logger = logging.logger()
        let split: EvaluationRun.Split = splitAt.flatMap(Timestamp.init(rfc3339:)).map { .at($0) } ?? .testFraction(testFraction)
        let report = try await evaluate(input: try input.input(clientID: "nere-evaluate"), out: out, split: split,
                                        vectors: vectors, model: model, preset: preset, epochs: epochs, ablations: ablations,
                                        reuseModels: reuseModels, predictions: predictions, predictionsOf: predictionsOf, logger: logger)
        print(report.summary)
        print(reportLocation(out))
    }
}

/// `nere evaluate` for the command and the demo: vectors when missing, the run, both report files.
func evaluate(input: ReplayInput, out: String, split: EvaluationRun.Split, vectors: String?, model: String?,
              preset: ModelPreset, epochs: Int, ablations: Bool, reuseModels: Bool = false, predictions: String?, predictionsOf: String,
              logger: Logger) async throws -> EvaluationReport {
    let directory = URL(fileURLWithPath: out)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let vectorsPath = vectors ?? directory.appendingPathComponent("vectors").path
    if vectors == nil {
        _ = try vectorize(try await input.loadSets(), named: input.sets, out: vectorsPath, truth: nil, training: SetVectorTraining(),
                          logger: logger)
    }
    var run = EvaluationRun(input: input, vectorsPath: vectorsPath,
                            modelsDirectory: directory.appendingPathComponent("models").path)
    run.split = split
    run.modelPath = model
    run.training.preset = preset
    run.training.options = TrainingOptions(maxEpochs: epochs)
    run.trainsAblations = ablations
    run.reusesModels = reuseModels
    run.predictionsPath = predictions
    run.predictionsOf = predictionsOf
    let progress = SharedProgress()
    let report: EvaluationReport
    do {
        report = try await run.run(logger: logger) { progress.show($0) }
    } catch {
        progress.finish()
        throw error
    }
    progress.finish()
    try PayloadEncoding.json(report).write(to: directory.appendingPathComponent("report.json"))
    try Data(report.html.utf8).write(to: directory.appendingPathComponent("report.html"))
    return report
}

/// Where `evaluate` wrote the report, for the last line a person reads.
func reportLocation(_ out: String) -> String {
    let directory = URL(fileURLWithPath: out)
    return "\nreport: \(directory.appendingPathComponent("report.html").path) "
        + "(data: \(directory.appendingPathComponent("report.json").path))"
}

/// Progress from the evaluation's parallel replays, drawn by one of them at a time.
private final class SharedProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var line = ProgressLine("evaluate")
    private var label = "evaluate"

    func show(_ stage: EvaluationRun.Stage) {
        lock.withLock {
            switch stage {
            case .loading:
                line.note("reading the log and catalog")
            case .training(let model, let training):
                relabel("train \(model)")
                line.show(training)
            case .factorizing(let p):
                relabel("train factorization")
                line.update(fraction: (Double(p.epoch - 1) + Double(p.positivesDone) / Double(max(p.positives, 1))) / Double(p.epochs),
                            detail: "epoch \(p.epoch) loss \(String(format: "%.4f", p.meanLoss))")
            case .scoring(let done, let total):
                relabel("score")
                line.update(done: done, total: total)
            }
        }
    }

    private func relabel(_ text: String) {
        guard text != label else { return }
        line.finish()
        label = text
        line = ProgressLine(text)
    }

    func finish() {
        lock.withLock { line.finish() }
    }
}

extension EvaluationReport {
    /// The comparison for a terminal: one row per contender, then the paper's figures beside ours.
    var summary: String {
        func cell(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "–" }
        let header = "contender".rightPadded(38) + ["recall@1", "recall@10", "recall@100", "MRR", "R²", "cover@10", "ECE"]
            .map { $0.leftPadded(11) }.joined()
        var lines = ["", "\(eventsScored) events scored from \(splitAt) (\(eventsTotal) in the log, \(setsInCatalog) sets); "
            + "history 1–5:", header]
        for c in contenders {
            let o = c.overall
            lines.append(c.label.rightPadded(38) + [o.recallAt1, o.recallAt10, o.recallAt100, o.mrr].map { cell($0).leftPadded(11) }.joined()
                + [cell(o.rSquared), cell(o.coverageAt10), cell(o.calibrationError)].map { $0.leftPadded(11) }.joined())
        }
        if !paper.isEmpty {
            lines += ["", "against the paper (R² / recall@100):"]
            for row in paper {
                lines.append("  " + row.paperModel.rightPadded(36) + "paper \(cell(row.paperRSquared)) / \(cell(row.paperRecallAt100))"
                    + "   ours \(cell(row.ourRSquared)) / \(cell(row.ourRecallAt100))")
            }
        }
        lines.append(String(format: "scoring took %.1f s (training %.1f s)", secondsScoring, secondsTraining))
        return lines.joined(separator: "\n")
    }

    /// The few numbers a reader wants first: recall@100 over history 1–5, NERE against the rest.
    var headline: String {
        let figures = contenders.map { "\($0.label) \(String(format: "%.3f", $0.overall.recallAt100))" }
        return "recall@100 on the last \(eventsScored) events (paper: NERE 0.54, matrix factorisation 0.12): "
            + figures.joined(separator: ", ")
    }
}
