import Foundation
import NERESynthetic
@testable import NEREIndex

/// Small clustered datasets: big enough for a graph to matter, small enough for a debug build.
func clustered(_ count: Int, dimensions: Int = 32, stream: String = "base", seed: UInt64 = 11) -> [Float] {
    ClusteredVectors(dimensions: dimensions, clusters: max(4, count / 100), seed: seed).generate(count: count, stream: stream)
}

func rows(_ values: [Float], dimensions: Int) -> [[Float]] {
    stride(from: 0, to: values.count, by: dimensions).map { Array(values[$0..<$0 + dimensions]) }
}

/// A graph index whatever its size, with parameters small enough for debug builds.
func graphConfiguration(seed: UInt64 = 3) -> NearestSetIndex.Configuration {
    var configuration = NearestSetIndex.Configuration()
    configuration.exactBelow = 0
    configuration.graph.neighbors = 16
    configuration.graph.maxDegree = 24
    configuration.graph.searchWidth = 64
    configuration.graph.insertWidth = 48
    configuration.graph.entryPoints = 64
    configuration.graph.seed = seed
    return configuration
}

func keys(_ count: Int, prefix: String = "set-") -> [String] {
    (0..<count).map { "\(prefix)\($0)" }
}

/// Mean share of the exact top-k each answer found.
func recall(_ found: [[ScoredRow]], _ truth: [[ScoredRow]]) -> Double {
    let shares = zip(found, truth).map { found, truth in
        let expected = Set(truth.map(\.row))
        return Double(found.filter { expected.contains($0.row) }.count) / Double(max(1, truth.count))
    }
    return shares.reduce(0, +) / Double(max(1, shares.count))
}

func temporaryFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("nere-index-\(UUID().uuidString)-\(name)")
}
