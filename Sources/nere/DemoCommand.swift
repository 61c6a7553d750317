import ArgumentParser
import Foundation
import NERECache
import NEREComparison
import NEREContracts
import NEREIndex
import NEREPipeline
import NERESetVectors
import NERESynthetic

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
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: cachePath + suffix) }
        let events = directory.appendingPathComponent("events.jsonl").path, sets = directory.appendingPathComponent("sets.jsonl").path
        let vectorsPath = directory.appendingPathComponent("vectors").path
        let evaluationPath = directory.appendingPathComponent("evaluation").path
        print("1/4 generating the \(data.preset.rawValue) data set (seed \(data.seed)) in \(dir)/")
        let summary = try data.generate(into: dir)
        print("    \(summary.sets) sets, \(summary.events) events")
        print("2/4 learning 128-d GloVe word vectors and Set2Vec set vectors from the catalog's text")
        let (vectors, vectorSummary) = try vectorize(sets: sets, out: vectorsPath, truth: nil, training: SetVectorTraining(),
                                                     logger: logger)
        print(indented(vectorSummary))
        print("3/4 evaluating: the small NERE network and its two ablations trained on the first 80% of the log, then the "
            + "last 20% replayed through them and the baselines side by side")
        let input = ReplayInput.files(events: events, sets: sets)
        let report = try await evaluate(input: input, out: evaluationPath, split: .testFraction(0.2), vectors: vectorsPath,
                                        model: nil, preset: .small, epochs: epochs, ablations: true, predictions: nil,
                                        predictionsOf: ContenderName.nere, logger: logger)
        print(indented(report.summary))
        let modelPath = URL(fileURLWithPath: evaluationPath).appendingPathComponent("models/\(ContenderName.nere)").path
        print("4/4 replaying events.jsonl into \(cachePath) as `nere serve` would answer, with that model; scored from the split")
        let result = try await replay(input: input, cache: cachePath, out: directory.appendingPathComponent("replay.json").path,
                                      vectors: vectorsPath, model: modelPath, scoreFrom: report.splitAt, logger: logger)
        print(indented(result.summary))
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
        print("\n" + report.headline)
        print(reportLocation(evaluationPath))
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
