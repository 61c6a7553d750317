import ArgumentParser
import Foundation
import NEREIndex
import NERESynthetic

struct BenchIndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build time, memory, recall@100 and queries/s of the nearest-set index, beside hnswlib and pynndescent.")

    @Option(help: "Sizes of the clustered datasets, comma-separated.")
    var sizes: String = "100000"

    @Option(help: "Held-out queries per dataset.")
    var queries: Int = 1_000

    @Option(help: "Graph search widths, comma-separated.")
    var widths: String = "100,160,250,400"

    @Option var neighbors: Int?
    @Option var maxDegree: Int?
    @Option var pruneSlack: Float?
    @Option var sampleRate: Double?
    @Option var entrySeeds: Int?

    func run() async throws {
        var parameters = GraphParameters()
        if let neighbors { parameters.neighbors = neighbors }
        if let maxDegree { parameters.maxDegree = maxDegree }
        if let pruneSlack { parameters.pruneSlack = pruneSlack }
        if let sampleRate { parameters.sampleRate = sampleRate }
        if let entrySeeds { parameters.entrySeeds = entrySeeds }
        let bench = IndexBenchmark(widths: widths.split(separator: ",").compactMap { Int($0) }, parameters: parameters)
        for size in sizes.split(separator: ",").compactMap({ Int($0) }) {
            let generator = ClusteredVectors(clusters: max(10, size / 1_000), seed: 7)
            let dataset = IndexDataset(name: "clustered-\(size)", dimensions: 128,
                                       base: generator.generate(count: size, stream: "base"),
                                       queries: generator.generate(count: queries, stream: "queries"))
            let (figures, _) = try bench.measure(dataset) { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
            print(String(decoding: try JSONEncoder().encode(figures), as: UTF8.self))
        }
    }
}
