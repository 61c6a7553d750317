import ArgumentParser
import Foundation
import Logging
import NEREIndex
import NERESetVectors
import NERESynthetic

struct BenchIndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build time, memory, recall@100 and queries/s of the nearest-set index, beside hnswlib and pynndescent.",
        discussion: """
            Datasets: clustered 128-d unit vectors of each --sizes (ClusteredVectors: power-law cluster sizes, \
            one cluster per 1,000 rows) with held-out queries from the same clusters, and the set vectors of a \
            catalog (--vectors, default: the large preset generated and vectorized here) with 1,000 sets held \
            out as queries. Per dataset: exact search (the reference answer and its speed), our graph's build \
            and its recall and single-thread queries/s at each --widths, then Tests/Benchmarks/index_reference.py \
            builds hnswlib and pynndescent on the same vectors and measures them against the same answers. \
            Run from the package root, in a release build; 1,000,000 rows take several minutes per library.
            """)

    @Option(help: "Rows of each clustered dataset, comma-separated.")
    var sizes: String = "100000,1000000"

    @Option(help: "Held-out queries per dataset.")
    var queries: Int = 1_000

    @Option(help: "Graph search widths (candidate list sizes, at least 100), comma-separated.")
    var widths: String = "100,130,160,250,400"

    @Option(help: "Set vectors from `nere vectorize` for the catalog dataset (default: generate the large preset).")
    var vectors: String?

    @Flag(help: "Leave out the catalog dataset.")
    var skipCatalog = false

    @Option(help: "NN-Descent's k.") var neighbors: Int?
    @Option(help: "Out-edges per row.") var maxDegree: Int?
    @Option(help: "Pruning slack α.") var pruneSlack: Float?
    @Option(help: "Threads for building.") var threads: Int?

    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var logging: LoggingOptions

    static let k = 100

    var sizeList: [Int] { sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
    var widthList: [Int] { widths.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func validate() throws {
        guard sizeList.count == sizes.split(separator: ",").count, sizeList.allSatisfy({ $0 > Self.k }) else {
            throw ValidationError("--sizes must be a comma list of row counts above \(Self.k), got \(sizes)")
        }
        guard !widthList.isEmpty, widthList.count == widths.split(separator: ",").count,
              widthList.allSatisfy({ $0 >= Self.k }) else {
            throw ValidationError("--widths must be a comma list of widths of at least \(Self.k), got \(widths)")
        }
        guard (1...100_000).contains(queries) else { throw ValidationError("--queries must be 1…100000, got \(queries)") }
        if let vectors { try requireVectorDirectory(vectors, flag: "--vectors") }
        if let neighbors, neighbors < 2 { throw ValidationError("--neighbors must be at least 2, got \(neighbors)") }
        if let maxDegree, !(2...1_000).contains(maxDegree) { throw ValidationError("--max-degree must be 2…1000, got \(maxDegree)") }
        if let pruneSlack, pruneSlack < 1 { throw ValidationError("--prune-slack must be at least 1, got \(pruneSlack)") }
        if let threads, !(1...256).contains(threads) { throw ValidationError("--threads must be 1…256, got \(threads)") }
    }

    func run() async throws {
        let logger = logging.logger()
        try await inBenchScratch(logger: logger) { scratch in
            let references = reference.resolve(script: "index_reference.py", imports: ["numpy", "hnswlib", "pynndescent"])
                .map { IndexReference(python: $0.python, script: $0.script, buildThreads: parameters.threads) }
            if case .failure(let skipped) = references {
                logger.notice("reference skipped", metadata: ["reason": "\(skipped.reason)"])
            }
            let bench = IndexBenchmark(k: Self.k, widths: widthList, parameters: parameters)
            var reports: [IndexReport] = []
            for dataset in try datasets(scratch: scratch, logger: logger) {
                let progress = ProgressLine(dataset.name)
                let (ours, truth) = try bench.measure(dataset) { progress.note($0) }
                progress.finish()
                logger.info("measured ours", metadata: ["dataset": "\(dataset.name)"])
                let theirs = references.flatMap { $0.run(dataset, truth: truth, k: Self.k, scratch: scratch) }
                if case .failure(let skipped) = theirs {
                    logger.notice("reference failed", metadata: ["dataset": "\(dataset.name)", "reason": "\(skipped.reason)"])
                }
                let report = IndexReport(ours: ours, references: theirs)
                print(report.table + "\n")
                reports.append(report)
            }
            if let out = reference.out {
                try JSONSerialization.data(withJSONObject: reports.map(\.json), options: [.prettyPrinted, .sortedKeys])
                    .write(to: URL(fileURLWithPath: out))
            }
        }
    }

    private var parameters: GraphParameters {
        var parameters = GraphParameters()
        if let neighbors { parameters.neighbors = neighbors }
        if let maxDegree { parameters.maxDegree = maxDegree }
        if let pruneSlack { parameters.pruneSlack = pruneSlack }
        if let threads { parameters.threads = threads }
        return parameters
    }

    private func datasets(scratch: URL, logger: Logger) throws -> [IndexDataset] {
        var datasets = sizeList.map { size in
            let generator = ClusteredVectors(clusters: max(10, size / 1_000), seed: 7)
            return IndexDataset(name: "clustered-\(size)", dimensions: generator.dimensions,
                                base: generator.generate(count: size, stream: "base"),
                                queries: generator.generate(count: queries, stream: "queries"))
        }
        if !skipCatalog { datasets.append(try catalogDataset(scratch: scratch, logger: logger)) }
        return datasets
    }

    /// The catalog's placed set vectors, every twentieth (up to --queries) held out as a query.
    private func catalogDataset(scratch: URL, logger: Logger) throws -> IndexDataset {
        let artifact: SetVectorArtifact
        if let vectors {
            artifact = try SetVectorArtifact.load(from: URL(fileURLWithPath: vectors))
        } else {
            artifact = try vectorize(sets: generateLargePreset(into: scratch, logger: logger),
                                     out: scratch.appendingPathComponent("vectors").path, truth: nil,
                                     training: SetVectorTraining(), logger: logger).0
        }
        let d = artifact.set2vec.dimensions
        let placed = (0..<artifact.setIDs.count).filter { row in artifact.setVectors[row * d..<(row + 1) * d].contains { $0 != 0 } }
        let held = Set(placed.enumerated().filter { $0.offset % 20 == 0 }.prefix(queries).map(\.element))
        var base: [Float] = [], queries: [Float] = []
        for row in placed {
            let vector = artifact.setVectors[row * d..<(row + 1) * d]
            if held.contains(row) { queries += vector } else { base += vector }
        }
        return IndexDataset(name: "catalog-\(artifact.versionID)", dimensions: d, base: base, queries: queries)
    }
}
