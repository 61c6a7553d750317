import COpenBLAS

/// How well set vectors reflect what the generator knows (`truth.jsonl`): sets of one course
/// should be close, a near-duplicate should be its original's nearest neighbour. These are
/// the figures `nere vectorize` prints; they measure Set2Vec, not any recommender.
public struct VectorQuality: Sendable, Equatable {
    public var meanCosineSameCourse: Double
    public var meanCosineRandomPairs: Double
    /// Share of sets with another set of their course among their 10 nearest.
    public var courseMateInTop10: Double
    /// Share of copied sets whose nearest neighbour is one of their near-duplicate copies.
    public var copyIsNearest: Double
    public var setsMeasured: Int

    public var asDictionary: [String: Double] {
        ["mean_cosine_same_course": meanCosineSameCourse, "mean_cosine_random_pairs": meanCosineRandomPairs,
         "course_mate_in_top10": courseMateInTop10, "copy_is_nearest": copyIsNearest,
         "sets_measured": Double(setsMeasured)]
    }

    /// `vectors` is row-major [sets × dimensions], L2-normalised (zero rows are skipped);
    /// `course[i]` is set i's course, `original[i]` the row of the set it copies, if any.
    public init(vectors: [Float], dimensions d: Int, course: [Int?], original: [Int?], seed: UInt64 = 1) {
        let n = course.count
        let placed = (0..<n).filter { i in course[i] != nil && (0..<d).contains { vectors[i * d + $0] != 0 } }
        let neighbours = Self.nearest(vectors: vectors, dimensions: d, rows: placed, count: 10)
        func cosine(_ a: Int, _ b: Int) -> Double {
            var sum: Float = 0
            for k in 0..<d { sum += vectors[a * d + k] * vectors[b * d + k] }
            return Double(sum)
        }

        var byCourse: [Int: [Int]] = [:]
        for i in placed { byCourse[course[i]!, default: []].append(i) }
        var sameSum = 0.0, samePairs = 0
        for members in byCourse.values where members.count > 1 {
            for a in 0..<members.count {
                for b in (a + 1)..<members.count {
                    sameSum += cosine(members[a], members[b])
                    samePairs += 1
                }
            }
        }
        var random = GloVeRandom(seed: seed, stream: 0x5175_616C)
        var randomSum = 0.0
        let randomPairs = placed.count > 1 ? min(200_000, placed.count * 10) : 0
        for _ in 0..<randomPairs {
            let a = placed[random.below(placed.count)]
            var b = a
            while b == a { b = placed[random.below(placed.count)] }
            randomSum += cosine(a, b)
        }
        let withMates = placed.filter { (byCourse[course[$0]!]?.count ?? 0) > 1 }
        let mateFound = withMates.filter { i in neighbours[i]?.contains { course[$0] == course[i] } ?? false }.count
        var copiesOf: [Int: Set<Int>] = [:]
        for i in placed { if let o = original[i] { copiesOf[o, default: []].insert(i) } }
        let originals = placed.filter { copiesOf[$0] != nil }
        let copyFound = originals.filter { i in neighbours[i]?.first.map { copiesOf[i]!.contains($0) } ?? false }.count

        meanCosineSameCourse = samePairs > 0 ? sameSum / Double(samePairs) : 0
        meanCosineRandomPairs = randomPairs > 0 ? randomSum / Double(randomPairs) : 0
        courseMateInTop10 = withMates.isEmpty ? 0 : Double(mateFound) / Double(withMates.count)
        copyIsNearest = originals.isEmpty ? 0 : Double(copyFound) / Double(originals.count)
        setsMeasured = placed.count
    }

    /// Exact nearest rows by inner product, excluding the row itself: one `sgemm` per block of
    /// 512 query rows against all rows, the block's scores then scanned for the top `count`.
    static func nearest(vectors: [Float], dimensions d: Int, rows: [Int], count: Int) -> [Int: [Int]] {
        let m = rows.count
        guard m > 1 else { return [:] }
        var packed = [Float](repeating: 0, count: m * d)
        for (r, i) in rows.enumerated() {
            for k in 0..<d { packed[r * d + k] = vectors[i * d + k] }
        }
        var result: [Int: [Int]] = [:]
        let block = 512
        var scores = [Float](repeating: 0, count: block * m)
        for start in stride(from: 0, to: m, by: block) {
            let rowsInBlock = min(block, m - start)
            packed.withUnsafeBufferPointer { all in
                scores.withUnsafeMutableBufferPointer { out in
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rowsInBlock), Int32(m), Int32(d),
                                1, all.baseAddress! + start * d, Int32(d), all.baseAddress!, Int32(d), 0,
                                out.baseAddress!, Int32(m))
                }
            }
            for r in 0..<rowsInBlock {
                var best: [(score: Float, row: Int)] = []
                for c in 0..<m where c != start + r {
                    let score = scores[r * m + c]
                    if best.count < count || score > best[best.count - 1].score {
                        let position = best.firstIndex { score > $0.score } ?? best.count
                        best.insert((score, c), at: position)
                        if best.count > count { best.removeLast() }
                    }
                }
                result[rows[start + r]] = best.map { rows[$0.row] }
            }
        }
        return result
    }
}
