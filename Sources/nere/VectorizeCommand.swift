import ArgumentParser
import Foundation
import Logging
import NEREPipeline
import NERESetVectors
import NERESynthetic

struct VectorizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vectorize",
        abstract: "Train 128-d GloVe word vectors on a set catalog and write the set-vector artifact.",
        discussion: """
            Writes DIR/set-vectors.safetensors and DIR/set-vectors.json. With a truth file (nere generate \
            writes truth.jsonl beside sets.jsonl; it is used automatically when present) it also measures \
            how well the vectors group the sets of a course and find near-duplicate copies.
            """)

    @Option(help: "Set catalog: JSON lines of StudySet.")
    var sets: String

    @Option(help: "Output directory for the artifact (created if missing).")
    var out: String

    @Option(help: "Ground truth of a generated catalog (default: truth.jsonl beside --sets, if present).")
    var truth: String?

    @Option(help: "Training epochs.")
    var epochs: Int = GloVeConfiguration().epochs

    @Option(help: "Vector dimensions.")
    var dimensions: Int = GloVeConfiguration().dimensions

    @Option(help: "Random seed; the same seed and catalog give the same vectors.")
    var seed: UInt64 = GloVeConfiguration().seed

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        try requireReadableFile(sets, flag: "--sets")
        if let truth { try requireReadableFile(truth, flag: "--truth") }
        try requireWritableLocation(out, flag: "--out")
        guard (1...1000).contains(epochs) else { throw ValidationError("--epochs must be 1…1000, got \(epochs)") }
        guard (2...4096).contains(dimensions) else { throw ValidationError("--dimensions must be 2…4096, got \(dimensions)") }
    }

    func run() async throws {
        let logger = logging.logger()
        var training = SetVectorTraining()
        training.glove.epochs = epochs
        training.glove.dimensions = dimensions
        training.glove.seed = seed
        let (_, summary) = try vectorize(sets: sets, out: out, truth: truth, training: training, logger: logger)
        print(summary)
    }
}

/// Trains and writes the artifact; measures quality when a truth file is given or lies beside
/// the sets file. Returns the artifact and a summary for people.
func vectorize(sets: String, out: String, truth: String?, training: SetVectorTraining,
               logger: Logger) throws -> (SetVectorArtifact, String) {
    let truthPath = truth ?? URL(fileURLWithPath: sets).deletingLastPathComponent().appendingPathComponent("truth.jsonl").path
    return try vectorize(try SetsFile.load(path: sets), named: sets, out: out, truth: truthPath, training: training, logger: logger)
}

/// The same for a catalog already loaded (a file, or `nere.sets` read by `nere evaluate --bootstrap`),
/// measured against `truth` when that file exists.
func vectorize(_ loaded: SetsFile.Loaded, named sets: String, out: String, truth truthPath: String?, training: SetVectorTraining,
               logger: Logger) throws -> (SetVectorArtifact, String) {
    guard !loaded.sets.isEmpty else {
        throw ValidationError("--sets \(sets): no valid sets (\(loaded.deadLetters.count) invalid lines)")
    }
    for letter in loaded.deadLetters.prefix(20) {
        logger.warning("invalid set skipped", metadata: ["origin": "\(letter.origin)", "reason": "\(letter.violation)"])
    }
    let progress = ProgressLine("vectorize")
    var artifact = training.train(sets: loaded.sets) { stage in
        if case .training(let epoch, let total, _) = stage { progress.update(done: epoch, total: total) }
    }
    progress.finish()
    if let truthPath, FileManager.default.isReadableFile(atPath: truthPath) {
        artifact.quality = try quality(of: artifact, truthPath: truthPath).asDictionary
    }
    let version: String
    do {
        version = try artifact.write(to: URL(fileURLWithPath: out))
    } catch {
        throw ValidationError("--out \(out): cannot write the artifact (\(error.localizedDescription))")
    }
    return (artifact, summary(artifact, out: out, version: version, invalidSets: loaded.deadLetters.count))
}

private func quality(of artifact: SetVectorArtifact, truthPath: String) throws -> VectorQuality {
    let lines = try String(contentsOfFile: truthPath, encoding: .utf8).split(separator: "\n")
    let truths = try lines.map { try JSONDecoder().decode(SetTruth.self, from: Data($0.utf8)) }
    let row = Dictionary(uniqueKeysWithValues: artifact.setIDs.enumerated().map { ($1, $0) })
    var course = [Int?](repeating: nil, count: artifact.setIDs.count)
    var original = [Int?](repeating: nil, count: artifact.setIDs.count)
    for truth in truths {
        guard let r = row[truth.setID] else { continue }
        course[r] = truth.course
        original[r] = truth.copyOf.flatMap { row[$0] }
    }
    return VectorQuality(vectors: artifact.setVectors, dimensions: artifact.set2vec.dimensions, course: course,
                         original: original)
}

private func summary(_ artifact: SetVectorArtifact, out: String, version: String, invalidSets: Int) -> String {
    let t = artifact.training
    var lines = [
        "\(t.sets) sets (\(invalidSets) invalid skipped), \(t.tokens) tokens, vocabulary \(t.vocabularySize), "
            + "\(t.cooccurrenceEntries) co-occurrence entries",
        "GloVe \(artifact.set2vec.dimensions)-d, \(t.epochs) epochs, loss \(String(format: "%.4f", t.losses.first ?? 0)) → "
            + "\(String(format: "%.4f", t.losses.last ?? 0)), \(String(format: "%.1f", t.seconds)) s",
    ]
    if !artifact.quality.isEmpty {
        let q = artifact.quality
        lines.append("quality: mean cosine same course \(format(q["mean_cosine_same_course"])) vs random pairs "
            + "\(format(q["mean_cosine_random_pairs"])); a course mate in the 10 nearest for "
            + "\(percent(q["course_mate_in_top10"])) of sets; a near-duplicate copy is the nearest set of "
            + "\(percent(q["copy_is_nearest"])) of copied sets")
    }
    lines.append("wrote \(out)/\(SetVectorArtifact.tensorsFile) and \(SetVectorArtifact.descriptionFile), version \(version)")
    return lines.joined(separator: "\n")
}

private func format(_ value: Double?) -> String { String(format: "%.3f", value ?? 0) }
private func percent(_ value: Double?) -> String { String(format: "%.1f%%", (value ?? 0) * 100) }
