import NEREEvaluation
import NEREModel

/// The paper's attention figure accumulated over a model's scored answers: each window's
/// feature-group attention per session, aligned so that the newest session is the last step.
struct AttentionAverage {
    private let groups: [String]
    private var sums: [[Double]]
    private var timeSums: [Double]
    private var counts: [Int]

    init(groups: [String]) {
        self.groups = groups
        sums = Array(repeating: Array(repeating: 0, count: NetworkInput.steps), count: groups.count)
        timeSums = Array(repeating: 0, count: NetworkInput.steps)
        counts = timeSums.map { _ in 0 }
    }

    mutating func add(heatmap: [[Float]], timeAttention: [Double]) {
        let offset = NetworkInput.steps - heatmap.count
        guard offset >= 0 else { return }
        for (t, column) in heatmap.enumerated() where column.count == groups.count {
            counts[offset + t] += 1
            for g in column.indices { sums[g][offset + t] += Double(column[g]) }
            if t < timeAttention.count { timeSums[offset + t] += timeAttention[t] }
        }
    }

    var heatmap: EvaluationReport.AttentionHeatmap? {
        guard counts.contains(where: { $0 > 0 }) else { return nil }
        func mean(_ sum: Double, _ t: Int) -> Double { counts[t] > 0 ? sum / Double(counts[t]) : 0 }
        return EvaluationReport.AttentionHeatmap(
            groups: groups,
            weights: sums.map { row in row.enumerated().map { mean($1, $0) } },
            timeWeights: timeSums.enumerated().map { mean($1, $0) },
            predictionsPerStep: counts)
    }
}
