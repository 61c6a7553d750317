import Foundation
/// Clustered unit vectors for the nearest-set index's benchmark and tests, shaped like
/// embeddings rather than like uniform noise: cluster sizes follow a power law, and each point
/// is its cluster's centre plus Gaussian noise whose variance falls off across dimensions (in
/// an order of the cluster's own), so neighbourhoods have a moderate intrinsic dimension, as
/// word and document vectors do. `spread` is the noise's typical length against the centre's:
/// at 1 a point's cosine to its centre is about 0.7.
public struct ClusteredVectors: Sendable {
    public var dimensions: Int
    public var clusters: Int
    public var spread: Double
    public var seed: UInt64

    private let centres: [Double]
    private let orders: [[Int]]
    private let cumulativeWeights: [Double]
    /// Noise variance per rank of dimension: 1 / (1 + rank / 8), scaled so the noise has length `spread`.
    private let deviations: [Double]

    public init(dimensions: Int = 128, clusters: Int, spread: Double = 1, seed: UInt64) {
        precondition(dimensions > 0 && clusters > 0, "at least one dimension and one cluster")
        self.dimensions = dimensions
        self.clusters = clusters
        self.spread = spread
        self.seed = seed
        var random = RandomSource(seed: seed, stream: "clusters")
        var centres: [Double] = []
        var orders: [[Int]] = []
        for _ in 0..<clusters {
            let centre = (0..<dimensions).map { _ in random.normal() }
            let length = centre.reduce(0) { $0 + $1 * $1 }.squareRoot()
            centres += centre.map { $0 / length }
            orders.append(Array(0..<dimensions).shuffled(using: &random))
        }
        self.centres = centres
        self.orders = orders
        var total = 0.0
        cumulativeWeights = (0..<clusters).map { cluster in
            total += 1 / pow(Double(cluster + 1), 0.7)
            return total
        }
        let variances = (0..<dimensions).map { 1 / (1 + Double($0) / 8) }
        let scale = spread * spread / variances.reduce(0, +)
        deviations = variances.map { ($0 * scale).squareRoot() }
    }

    /// `count` unit vectors, row-major; `stream` names an independent draw (base rows, queries).
    public func generate(count: Int, stream: String) -> [Float] {
        var random = RandomSource(seed: seed, stream: stream)
        var values = [Float](repeating: 0, count: count * dimensions)
        var point = [Double](repeating: 0, count: dimensions)
        for row in 0..<count {
            let cluster = pickCluster(random.unit() * cumulativeWeights[clusters - 1])
            for (rank, dimension) in orders[cluster].enumerated() {
                point[dimension] = centres[cluster * dimensions + dimension] + deviations[rank] * random.normal()
            }
            let length = point.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for dimension in 0..<dimensions { values[row * dimensions + dimension] = Float(point[dimension] / length) }
        }
        return values
    }

    private func pickCluster(_ target: Double) -> Int {
        var low = 0, high = clusters - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
