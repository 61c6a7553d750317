import NEREFeatures

/// Sums scores per set in a dense array reused across calls: recommending runs once or
/// twice per event, and a fresh dictionary each time was its main cost.
struct ScoreAccumulator {
    private var scores: [Double] = []
    private var touched: [SetIndex] = []

    mutating func add(_ score: Double, to set: SetIndex) {
        let i = Int(set)
        if i >= scores.count { scores += Array(repeating: 0, count: max(i + 1 - scores.count, scores.count)) }
        if scores[i] == 0 { touched.append(set) }
        scores[i] += score
    }

    /// The accumulated scores, leaving the accumulator empty for the next call.
    mutating func drain() -> [ScoredSet] {
        defer { touched.removeAll(keepingCapacity: true) }
        return touched.map { set in
            defer { scores[Int(set)] = 0 }
            return ScoredSet(setIndex: set, score: scores[Int(set)])
        }
    }
}
