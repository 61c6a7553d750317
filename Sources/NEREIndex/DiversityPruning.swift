/// Chooses a node's out-edges from candidates sorted best first: a candidate is dropped when a
/// neighbour already kept is closer to it (by `slack`) than the node is — the relative-
/// neighbourhood rule of HNSW's heuristic and of Vamana. Candidates bunched in one direction
/// are redundant for a greedy search; the edges that survive point in different directions and
/// reach further, which is what lets a search cross from one cluster to the next.
/// It only reads `vectors`, so worker threads may share one.
struct DiversityPruning: @unchecked Sendable {
    let vectors: UnsafePointer<Float>
    let dimensions: Int
    let maxDegree: Int
    let slack: Float

    /// With cosine distance 1 − s: drop u when slack · (1 − s(w, u)) ≤ 1 − s(node, u) for a kept w.
    func prune(_ candidates: [ScoredRow]) -> [ScoredRow] {
        var kept: [ScoredRow] = []
        kept.reserveCapacity(maxDegree)
        let d = Int32(dimensions)
        for candidate in candidates {
            guard kept.count < maxDegree else { break }
            let u = vectors + Int(candidate.row) * dimensions
            let occluded = kept.contains { w in
                slack * (1 - cosine(vectors + Int(w.row) * dimensions, u, d)) <= 1 - candidate.similarity
            }
            if !occluded { kept.append(candidate) }
        }
        return kept
    }
}

extension DiversityPruning {
    /// `rows` with their cosine to `node`.
    func scored(_ rows: some Collection<IndexRow>, against node: IndexRow) -> [ScoredRow] {
        let origin = vectors + Int(node) * dimensions
        return rows.map { ScoredRow(similarity: cosine(origin, vectors + Int($0) * dimensions, Int32(dimensions)), row: $0) }
    }
}
