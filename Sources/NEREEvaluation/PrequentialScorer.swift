/// Scores each prediction against what the user actually studied next (DESIGN §8): the
/// recommendation current for a (user, subject) is judged before the event is applied, so
/// no prediction ever sees its own answer.
///
/// Accumulators are plain sums so that they can be persisted with each batch and a resumed
/// replay reports exactly what an uninterrupted one would.
public struct PrequentialScorer: Sendable, Equatable {
    public static let cutoffs = [1, 10, 100]
    /// History lengths 0 (cold start: no recommendation existed yet) through 5.
    public static let historyLengths = 0...5

    private(set) var accumulators: [Accumulator]

    public init() {
        accumulators = Array(repeating: Accumulator(), count: Self.historyLengths.count)
    }

    public struct Accumulator: Sendable, Equatable {
        public var predictions = 0.0
        public var hitsAt = [0.0, 0.0, 0.0]
        public var reciprocalRankSum = 0.0
    }

    /// `rank` is the 0-based position of the studied set in the recommendation, nil if absent.
    public mutating func record(historyLength: Int, rank: Int?) {
        let h = min(max(historyLength, 0), Self.historyLengths.upperBound)
        accumulators[h].predictions += 1
        guard let rank else { return }
        for (i, cutoff) in Self.cutoffs.enumerated() where rank < cutoff {
            accumulators[h].hitsAt[i] += 1
        }
        accumulators[h].reciprocalRankSum += 1 / Double(rank + 1)
    }

    public var report: PrequentialReport {
        let rows = Self.historyLengths.map { PrequentialReport.Row(historyLength: $0, accumulator: accumulators[$0]) }
        var warm = Accumulator()
        for accumulator in accumulators.dropFirst() {
            warm.predictions += accumulator.predictions
            warm.reciprocalRankSum += accumulator.reciprocalRankSum
            for i in warm.hitsAt.indices { warm.hitsAt[i] += accumulator.hitsAt[i] }
        }
        return PrequentialReport(byHistoryLength: rows,
                                 overall: PrequentialReport.Row(historyLength: nil, accumulator: warm))
    }
}

// MARK: - Persistence

extension PrequentialScorer {
    /// Flat (key, value) pairs such as `h3.hits@10`, for the cache's learned-state table.
    public var persistentValues: [(key: String, value: Double)] {
        accumulators.enumerated().flatMap { h, a in
            [("h\(h).predictions", a.predictions), ("h\(h).reciprocal_rank_sum", a.reciprocalRankSum)]
                + zip(Self.cutoffs, a.hitsAt).map { ("h\(h).hits@\($0)", $1) }
        }
    }

    public mutating func restore(key: String, value: Double) {
        let parts = key.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, parts[0].first == "h", let h = Int(parts[0].dropFirst()),
              accumulators.indices.contains(h)
        else { return }
        switch parts[1] {
        case "predictions": accumulators[h].predictions = value
        case "reciprocal_rank_sum": accumulators[h].reciprocalRankSum = value
        default:
            if parts[1].hasPrefix("hits@"), let cutoff = Int(parts[1].dropFirst(5)),
               let i = Self.cutoffs.firstIndex(of: cutoff) {
                accumulators[h].hitsAt[i] = value
            }
        }
    }
}
