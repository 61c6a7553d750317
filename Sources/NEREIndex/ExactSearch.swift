import COpenBLAS

/// Exact cosine top-k for a batch of queries, the reference every approximate answer is
/// measured against and the method for small catalogs. On rows that are not unit it is the
/// inner-product top-k, which is how the factorisation baseline ranks its scores.
///
/// Shapes: queries Q [b × d], rows R [n × d], scores S = Q Rᵀ [b × block] per block of rows.
/// Where the time goes: the `cblas_sgemm` (2·b·n·d flops) and, per query, one comparison per
/// row against the worst of its best k; a block of 4,096 rows keeps S in the L2 cache for
/// batches of up to 32 queries. A single query goes through `sgemv` instead: `sgemm` would
/// first copy (pack) the whole block of rows, which for one query costs more than the product.
public struct ExactSearch {
    static let rowsPerBlock = 4_096

    /// - Parameters:
    ///   - isCandidate: rows it rejects (deleted, or outside a filter) are never returned; it
    ///     is only asked about rows that would make a query's current best k.
    public static func search(queries: UnsafeBufferPointer<Float>, rows: UnsafeBufferPointer<Float>, dimensions: Int,
                              count k: Int, isCandidate: (_ query: Int, _ row: IndexRow) -> Bool) -> [[ScoredRow]] {
        let queryCount = queries.count / dimensions, rowCount = rows.count / dimensions
        guard k > 0, queryCount > 0, rowCount > 0 else { return Array(repeating: [], count: queryCount) }
        var best = Array(repeating: ScoredHeap<WorstOnTop>(), count: queryCount)
        let block = min(rowsPerBlock, rowCount)
        var scores = [Float](repeating: 0, count: queryCount * block)
        scores.withUnsafeMutableBufferPointer { scores in
            for start in stride(from: 0, to: rowCount, by: block) {
                let width = min(block, rowCount - start)
                if queryCount == 1 {
                    cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(width), Int32(dimensions), 1,
                                rows.baseAddress! + start * dimensions, Int32(dimensions), queries.baseAddress, 1, 0,
                                scores.baseAddress, 1)
                } else {
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(queryCount), Int32(width), Int32(dimensions),
                                1, queries.baseAddress, Int32(dimensions), rows.baseAddress! + start * dimensions,
                                Int32(dimensions), 0, scores.baseAddress, Int32(width))
                }
                for query in 0..<queryCount {
                    let line = scores.baseAddress! + query * width
                    var bar = best[query].count < k ? -Float.infinity : best[query].top!.similarity
                    for offset in 0..<width where line[offset] > bar {
                        let row = IndexRow(start + offset)
                        guard isCandidate(query, row) else { continue }
                        best[query].offer(ScoredRow(similarity: line[offset], row: row), capacity: k)
                        if best[query].count == k { bar = best[query].top!.similarity }
                    }
                }
            }
        }
        return best.map { $0.sortedBestFirst() }
    }
}
