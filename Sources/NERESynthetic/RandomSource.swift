import Foundation
import NEREContracts

/// The generator's draws over the project's seeded `Xoshiro256`, with one stream per stage.
struct RandomSource: RandomNumberGenerator, Sendable {
    private var core: Xoshiro256

    init(seed: UInt64) {
        core = Xoshiro256(seed: seed)
    }

    /// An independent stream per stage, so that changing how many numbers one stage draws
    /// does not reshuffle everything generated after it.
    init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stream.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        self.init(seed: seed ^ hash)
    }

    mutating func next() -> UInt64 {
        core.next()
    }

    // MARK: Draws

    /// Uniform in [0, 1) with 53 random bits.
    mutating func unit() -> Double {
        core.nextUnit()
    }

    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// Uniform in 0..<bound by Lemire's multiply-and-reject, which has no modulo bias.
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "empty range")
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold {
                product = next().multipliedFullWidth(by: limit)
            }
        }
        return Int(product.high)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// Standard normal by Box–Muller; one value per call keeps the stream simple to reason about.
    mutating func normal(mean: Double = 0, deviation: Double = 1) -> Double {
        let u1 = max(unit(), 0x1.0p-53)
        let u2 = unit()
        return mean + deviation * (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    mutating func logNormal(median: Double, spread: Double) -> Double {
        median * exp(normal(deviation: spread))
    }

    /// Pareto with scale 1: most draws are near 1, a few are enormous. Activity on study sites
    /// is heavy-tailed like this.
    mutating func pareto(shape: Double) -> Double {
        pow(1 - unit(), -1 / shape)
    }

    /// Knuth's method; only used for small means.
    mutating func poisson(mean: Double) -> Int {
        let limit = exp(-min(mean, 30))
        var product = unit()
        var count = 0
        while product > limit {
            product *= unit()
            count += 1
        }
        return count
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[below(items.count)]
    }

    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }

    /// `count` distinct indices of 0..<population, in increasing order.
    mutating func sample(_ count: Int, of population: Int) -> [Int] {
        var indices = Array(0..<population)
        let wanted = min(count, population)
        for i in 0..<wanted {
            indices.swapAt(i, i + below(population - i))
        }
        return indices.prefix(wanted).sorted()
    }
}

/// Cumulative weights for repeated weighted choice in O(log n).
struct WeightedChoice: Sendable {
    private let cumulative: [Double]

    init(_ weights: [Double]) {
        precondition(!weights.isEmpty, "no choices")
        var running = 0.0
        cumulative = weights.map { weight in
            running += max(weight, 0)
            return running
        }
        precondition(running > 0, "all weights are zero")
    }

    func pick(_ random: inout RandomSource) -> Int {
        let target = random.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
