import ArgumentParser
import Foundation
import NERECache
import NEREContracts
import NEREIndex
import NEREPipeline
import NERESetVectors
import NERESynthetic
import NERETraining

/// The README's first command: everything on an embedded default, no broker needed.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate a synthetic log, learn set vectors, train the small NERE model, replay with it and show the results.")

    @Option(help: "Working directory for the data, cache and report (replaced if it holds an earlier demo).")
    var dir: String = "demo"

    @Option(help: "Upper bound on training epochs (early stopping usually ends sooner).")
    var epochs: Int = 12

    @OptionGroup var data: SyntheticDataOptions
    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.logger()
        let directory = URL(fileURLWithPath: dir)
        let cachePath = directory.appendingPathComponent("cache.sqlite").path
        let foundationCachePath = directory.appendingPathComponent("cache-without-model.sqlite").path
        for path in [cachePath, foundationCachePath] {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let events = directory.appendingPathComponent("events.jsonl").path, sets = directory.appendingPathComponent("sets.jsonl").path
        let vectorsPath = directory.appendingPathComponent("vectors").path, modelPath = directory.appendingPathComponent("model").path
        print("1/4 generating the \(data.preset.rawValue) data set (seed \(data.seed)) in \(dir)/")
        let summary = try data.generate(into: dir)
        print("    \(summary.sets) sets, \(summary.events) events")
        print("2/4 learning 128-d GloVe word vectors and Set2Vec set vectors from the catalog's text")
        let (vectors, vectorSummary) = try vectorize(sets: sets, out: vectorsPath, truth: nil, training: SetVectorTraining(),
                                                     logger: logger)
        print(indented(vectorSummary))
        print("3/4 training the small NERE network on the first 70% of the log (validation 15%, test 15%)")
        var training = ModelTraining()
        training.options = TrainingOptions(maxEpochs: epochs)
        print(indented(try train(events: events, sets: sets, vectors: vectorsPath, out: modelPath, training: training, threads: 2,
                                 logger: logger)))
        print("4/4 replaying events.jsonl into \(cachePath), served by the model; scored on the test period")
        let reportPath = directory.appendingPathComponent("report.json").path
        let input = ReplayInput.files(events: events, sets: sets)
        let result = try await replay(input: input, cache: cachePath, out: reportPath, vectors: vectorsPath,
                                      model: modelPath, logger: logger)
        print(result.summary)
        let foundation = try await replay(input: input, cache: foundationCachePath, out: nil, vectors: vectorsPath,
                                          scoreFrom: result.scoredFrom, logger: logger)
        print("\nsame period without the model (baseline + content neighbours): recall@100 "
            + String(format: "%.4f", foundation.metrics.overall.recallAt100)
            + ", with the model " + String(format: "%.4f", result.metrics.overall.recallAt100))
        print("report: \(reportPath)")
        let cache = try StreamCache(path: cachePath)
        if let example = try cache.recommendations().map(\.recommendation).max(by: { ($0.historyLength, $0.source.offset) < ($1.historyLength, $1.source.offset) }) {
            print("\nexample (nere recommend --cache \(cachePath) --user \(example.userID) --subject \"\(example.subject.rawValue)\"):")
            print(try describe(example, titles: cache, limit: 5))
            if let last = try cache.windows().first(where: { $0.key.userID == example.userID && $0.key.subject == example.subject })?
                .sessions.last?.setID {
                let neighbours = try nearestInContent(to: last, in: vectors, count: 3)
                let titles = try cache.titles(of: [last] + neighbours.map(\.setID))
                print("\nsets nearest in content to the last one studied, \(titles[last] ?? last):")
                for (id, cosine) in neighbours {
                    print("   " + String(format: "%.3f", cosine) + "  \(id)  \(titles[id] ?? "")")
                }
            }
        }
    }
}

private func indented(_ text: String) -> String {
    text.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
}

/// The sets whose vectors are nearest to `setID`'s across the whole catalog, through the
/// nearest-set index (exact at the demo's size).
private func nearestInContent(to setID: String, in vectors: SetVectorArtifact,
                              count: Int) throws -> [(setID: String, cosine: Float)] {
    let d = vectors.set2vec.dimensions
    let index = NearestSetIndex(dimensions: d)
    try index.insert(keys: vectors.setIDs, vectors: vectors.setVectors)
    guard let row = vectors.setIDs.firstIndex(of: setID) else { return [] }
    return index.search(Array(vectors.setVectors[row * d..<(row + 1) * d]), count: count + 1)
        .compactMap { found in index.key(of: found.row).map { (setID: $0, cosine: found.similarity) } }
        .filter { $0.setID != setID }
        .prefix(count).map { $0 }
}
