import ArgumentParser
import Foundation
import Logging
import NEREModel
import NEREPipeline
import NERESetVectors
import NERETraining

struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the NERE network on an event log and write the model artifact.",
        discussion: """
            Splits the log by time (70% / 15% / 15% of the targets: train, validation, test), trains with \
            Adam and early stopping on the validation loss, fits the confidence on the validation windows and \
            measures its calibration and the model's recall on the test windows. Writes DIR/model.safetensors \
            and DIR/model.json. Serve it with `nere replay --model DIR`.
            """)

    @Option(help: "Event log: JSON lines of StudySession.")
    var events: String

    @Option(help: "Set catalog: JSON lines of StudySet.")
    var sets: String

    @Option(help: "Set vectors from `nere vectorize`: the content space the model predicts into.")
    var vectors: String

    @Option(help: "Output directory for the model (created if missing).")
    var out: String

    @Option(help: "Network size: small (fast, the default) or paper (the paper's ~6.0 M parameters).")
    var preset: ModelPreset = .small

    @Option(help: "Random seed: the same seed, data and thread count give the same model.")
    var seed: UInt64 = 1

    @Option(help: "Upper bound on epochs (early stopping usually ends sooner).")
    var epochs: Int = TrainingOptions().maxEpochs

    @Option(help: "Training batch size.")
    var batchSize: Int = TrainingOptions().batchSize

    @Option(help: "BLAS threads for training.")
    var threads: Int = 2

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try requireReadableFile(events, flag: "--events")
        try requireReadableFile(sets, flag: "--sets")
        try requireVectorDirectory(vectors, flag: "--vectors")
        try requireWritableLocation(out, flag: "--out")
        guard (1...1000).contains(epochs) else { throw ValidationError("--epochs must be 1…1000, got \(epochs)") }
        guard (1...65_536).contains(batchSize) else { throw ValidationError("--batch-size must be 1…65536, got \(batchSize)") }
        guard (1...256).contains(threads) else { throw ValidationError("--threads must be 1…256, got \(threads)") }
    }

    func run() async throws {
        let logger = logging.logger()
        var training = ModelTraining()
        training.preset = preset
        training.options = TrainingOptions(batchSize: batchSize, maxEpochs: epochs, seed: seed)
        let summary = try train(events: events, sets: sets, vectors: vectors, out: out, training: training, threads: threads,
                                logger: logger)
        print(summary)
    }
}

extension ModelPreset: ExpressibleByArgument {}

/// Loads the inputs, trains, writes the artifact; returns a summary for people.
func train(events: String, sets: String, vectors: String, out: String, training: ModelTraining, threads: Int,
           logger: Logger) throws -> String {
    let loadedSets = try SetsFile.load(path: sets)
    let sessions = try ReplayLog(path: events).acceptedSessions
    guard !sessions.isEmpty else { throw ValidationError("--events \(events): no valid study sessions") }
    let vectorArtifact: SetVectorArtifact
    do {
        vectorArtifact = try SetVectorArtifact.load(from: URL(fileURLWithPath: vectors))
    } catch {
        throw ValidationError("--vectors \(vectors): \(error)")
    }
    ComputeThreads.use(threads)
    let progress = ProgressLine("train")
    let outcome: ModelTraining.Outcome
    do {
        outcome = try training.run(sessions: sessions, sets: loadedSets.sets, vectors: vectorArtifact) { progress.show($0) }
    } catch {
        progress.finish()
        throw ValidationError("cannot train: \(error)")
    }
    progress.finish()
    var artifact = outcome.artifact
    let version: String
    do {
        version = try artifact.write(to: URL(fileURLWithPath: out))
    } catch {
        throw ValidationError("--out \(out): cannot write the model (\(error))")
    }
    logger.info("model written", metadata: ["version": "\(version)", "out": "\(out)"])
    return trainingSummary(outcome, out: out, version: version, sessions: sessions.count)
}

private func trainingSummary(_ outcome: ModelTraining.Outcome, out: String, version: String, sessions: Int) -> String {
    let report = outcome.report, artifact = outcome.artifact
    func f(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "–" }
    return [
        "\(artifact.preset?.rawValue ?? "custom") preset: \(artifact.network.parameterCount) learnable parameters",
        "\(sessions) sessions → examples train \(outcome.examples.train), validation \(outcome.examples.validation), "
            + "test \(outcome.examples.test) (test from \(artifact.testStart))",
        "\(report.epochs.count) epochs (best \(report.bestEpoch)\(report.stoppedEarly ? ", stopped early" : "")), "
            + String(format: "%.1f s (%.1f s per epoch)", report.seconds, report.secondsPerEpoch),
        "R² validation \(f(report.validation.rSquared)), test \(f(report.test?.rSquared)); "
            + "MSE validation \(f(report.validation.meanSquaredError)), test \(f(report.test?.meanSquaredError))",
        "model alone, recall@\(outcome.calibration.model.items): validation \(f(outcome.calibration.validationRecall)), "
            + "test \(f(outcome.calibration.testRecall)); confidence ECE on test \(f(outcome.calibration.model.expectedCalibrationError))",
        "wrote \(out)/\(ModelArtifact.tensorsFile) and \(ModelArtifact.descriptionFile), version \(version)",
    ].joined(separator: "\n")
}

extension ProgressLine {
    /// A training stage: the step being prepared, or the epoch, loss and validation R² so far.
    func show(_ stage: ModelTraining.Stage) {
        switch stage {
        case .preparing(let what):
            note(what)
        case .training(let p):
            let r2 = p.validationR2.map { String(format: " val R² %.3f", $0) } ?? ""
            update(fraction: (Double(p.epoch - 1) + Double(p.batch) / Double(max(p.batches, 1))) / Double(p.maxEpochs),
                   detail: "epoch \(p.epoch) loss \(String(format: "%.4f", p.runningLoss))\(r2)")
        }
    }
}
