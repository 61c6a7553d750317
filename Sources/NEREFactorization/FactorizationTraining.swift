import COpenBLAS
import Foundation
import NEREContracts

/// Stochastic ranking-loss training of `HybridFactorization`, one positive at a time in a
/// seeded shuffled order (so a seed gives the same model). Embedding rows are updated per
/// positive; the content projection, which every set shares, is updated once per chunk of
/// positives from the gradients its sets gathered, as two `sgemm`s: per positive it would cost
/// a dimensions × 128 outer product for each of two sets.
final class FactorizationTraining {
    /// Positives between projection updates and progress reports.
    static let chunk = 16_384

    let data: FactorizationData
    let options: FactorizationOptions
    let users: AdagradTable
    let items: AdagradTable
    /// [dimensions × 128]: a set's content part is projection · content.
    let projection: AdagradTable
    let biases: AdagradTable
    private var random: Xoshiro256
    /// [sets × dimensions]: the content part of every set, as of the last projection update.
    private var projected: [Float]
    /// [sets × dimensions]: ∂objective/∂(content part) gathered since then.
    private var projectedGradient: [Float]

    init(data: FactorizationData, options: FactorizationOptions) {
        self.data = data
        self.options = options
        var random = Xoshiro256(seed: options.seed)
        let d = options.dimensions
        // LightFM's start: uniform in ±0.5/d, biases at zero.
        func small() -> Float { Float(random.nextUnit() - 0.5) / Float(d) }
        users = AdagradTable(rows: data.userTableRows, width: d, initialise: small)
        items = AdagradTable(rows: data.itemTableRows, width: d, initialise: small)
        projection = AdagradTable(rows: d, width: FactorizationData.contentDimensions, initialise: small)
        biases = AdagradTable(rows: data.setIDs.count, width: 1) { 0 }
        self.random = random
        projected = [Float](repeating: 0, count: data.setIDs.count * d)
        projectedGradient = projected
        project()
    }

    /// Returns each epoch's mean loss.
    func run(progress: ((FactorizationProgress) -> Void)?) -> [Double] {
        let positives = data.positiveUsers.count
        var order = Array(0..<positives)
        var losses: [Double] = []
        guard options.epochs > 0 else { return losses }
        for epoch in 1...options.epochs {
            for i in stride(from: positives - 1, to: 0, by: -1) { order.swapAt(i, draw(i + 1)) }
            var lossSum = 0.0, lossCount = 0
            for start in stride(from: 0, to: positives, by: Self.chunk) {
                let end = min(start + Self.chunk, positives)
                for p in order[start..<end] {
                    if let loss = train(positive: p) {
                        lossSum += loss
                        lossCount += 1
                    }
                }
                updateProjection()
                progress?(FactorizationProgress(epoch: epoch, epochs: options.epochs, positivesDone: end, positives: positives,
                                                meanLoss: lossSum / Double(max(1, lossCount)), epochFinished: end == positives))
            }
            losses.append(lossSum / Double(max(1, lossCount)))
        }
        return losses
    }

    /// [sets × dimensions]: id row + feature rows + projected content, per set.
    func itemVectors() -> [Float] {
        let d = options.dimensions, perSet = data.itemRowsPerSet
        var vectors = projected
        data.itemRows.withUnsafeBufferPointer { rows in
            vectors.withUnsafeMutableBufferPointer { out in
                let scratch = UnsafeMutablePointer<Float>.allocate(capacity: d)
                defer { scratch.deallocate() }
                for set in 0..<data.setIDs.count {
                    items.sum(rows: UnsafeBufferPointer(rebasing: rows[set * perSet..<(set + 1) * perSet]), into: scratch)
                    for k in 0..<d { out[set * d + k] += scratch[k] }
                }
            }
        }
        return vectors
    }

    // MARK: One positive

    /// Uniform in 0..<n; the modulo bias is below 2⁻⁴⁰ for any catalog.
    private func draw(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }

    /// Updates for one positive; returns its loss on the first negative, or nil when its
    /// subject has no other set to compare with.
    private func train(positive p: Int) -> Double? {
        let set = Int(data.positiveSets[p]), user = Int(data.positiveUsers[p])
        let members = data.subjectMembers[Int(data.subjectOfSet[set])]
        guard members.count > 1 else { return nil }
        let d = options.dimensions
        return withScratch(count: 4 * d) { scratch in
            let userVector = scratch, positive = scratch + d, negative = scratch + 2 * d, direction = scratch + 3 * d
            sumUser(user, into: userVector)
            itemVector(set, into: positive)
            var positiveScore = dot(userVector, positive, d) + biases.values[set]
            var firstLoss = 0.0
            for trial in 1...options.negativesPerPositive {
                var other = Int(members[draw(members.count)])
                while other == set { other = Int(members[draw(members.count)]) }
                itemVector(other, into: negative)
                let margin = positiveScore - dot(userVector, negative, d) - biases.values[other]
                if trial == 1 { firstLoss = Double(log1p(exp(-margin))) }
                switch options.loss {
                case .bpr:
                    update(user: user, userVector: userVector, positive: set, positiveVector: positive,
                           negative: other, negativeVector: negative, weight: 1 / (1 + exp(margin)), direction: direction)
                    if trial < options.negativesPerPositive {
                        sumUser(user, into: userVector)
                        itemVector(set, into: positive)
                        positiveScore = dot(userVector, positive, d) + biases.values[set]
                    }
                case .warp:
                    guard margin < 1 else { continue }
                    // WARP's rank estimate: a violator found on the t-th draw suggests the
                    // positive sits near rank (n − 1)/t.
                    let weight = Float(log(max(1, Double((members.count - 1) / trial))))
                    update(user: user, userVector: userVector, positive: set, positiveVector: positive,
                           negative: other, negativeVector: negative, weight: weight, direction: direction)
                    return firstLoss
                }
            }
            return firstLoss
        }
    }

    /// Gradient ascent on weight · (s⁺ − s⁻) for every row both scores read.
    private func update(user: Int, userVector: UnsafeMutablePointer<Float>, positive: Int, positiveVector: UnsafePointer<Float>,
                        negative: Int, negativeVector: UnsafePointer<Float>, weight: Float, direction: UnsafeMutablePointer<Float>) {
        let d = options.dimensions, rate = options.learningRate, l2 = options.l2
        for k in 0..<d { direction[k] = weight * (positiveVector[k] - negativeVector[k]) }
        data.userRows.withUnsafeBufferPointer { rows in
            for row in rows[user * data.userRowsPerUser..<(user + 1) * data.userRowsPerUser] {
                users.ascend(row: Int(row), along: direction, scale: 1, rate: rate, l2: l2)
            }
        }
        ascendItem(positive, along: userVector, scale: weight)
        ascendItem(negative, along: userVector, scale: -weight)
    }

    private func ascendItem(_ set: Int, along userVector: UnsafePointer<Float>, scale: Float) {
        let d = options.dimensions, rate = options.learningRate, l2 = options.l2
        data.itemRows.withUnsafeBufferPointer { rows in
            for row in rows[set * data.itemRowsPerSet..<(set + 1) * data.itemRowsPerSet] {
                items.ascend(row: Int(row), along: userVector, scale: scale, rate: rate, l2: l2)
            }
        }
        projectedGradient.withUnsafeMutableBufferPointer { gradient in
            for k in 0..<d { gradient[set * d + k] += scale * userVector[k] }
        }
        var one = Float(1)
        biases.ascend(row: set, along: &one, scale: scale, rate: rate, l2: 0)
    }

    // MARK: Representations

    private func sumUser(_ user: Int, into vector: UnsafeMutablePointer<Float>) {
        data.userRows.withUnsafeBufferPointer { rows in
            users.sum(rows: UnsafeBufferPointer(rebasing: rows[user * data.userRowsPerUser..<(user + 1) * data.userRowsPerUser]),
                      into: vector)
        }
    }

    private func itemVector(_ set: Int, into vector: UnsafeMutablePointer<Float>) {
        let d = options.dimensions
        data.itemRows.withUnsafeBufferPointer { rows in
            items.sum(rows: UnsafeBufferPointer(rebasing: rows[set * data.itemRowsPerSet..<(set + 1) * data.itemRowsPerSet]),
                      into: vector)
        }
        projected.withUnsafeBufferPointer { content in
            for k in 0..<d { vector[k] += content[set * d + k] }
        }
    }

    // MARK: The content projection

    /// projection += Adagrad step along gradientᵀ · content, then the content parts anew.
    private func updateProjection() {
        let d = options.dimensions, c = FactorizationData.contentDimensions, sets = data.setIDs.count
        var step = [Float](repeating: 0, count: d * c)
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(d), Int32(c), Int32(sets),
                    1, projectedGradient, Int32(d), data.content, Int32(c), 0, &step, Int32(c))
        step.withUnsafeBufferPointer { step in
            for row in 0..<d {
                projection.ascend(row: row, along: step.baseAddress! + row * c, scale: 1, rate: options.learningRate, l2: options.l2)
            }
        }
        for k in projectedGradient.indices { projectedGradient[k] = 0 }
        project()
    }

    /// projected = content · projectionᵀ.
    private func project() {
        let d = options.dimensions, c = FactorizationData.contentDimensions, sets = data.setIDs.count
        guard sets > 0 else { return }
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(sets), Int32(d), Int32(c),
                    1, data.content, Int32(c), projection.values, Int32(c), 0, &projected, Int32(d))
    }
}

@inline(__always)
private func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ count: Int) -> Float {
    var sum: Float = 0
    for k in 0..<count { sum += x[k] * y[k] }
    return sum
}

@inline(__always)
private func withScratch<R>(count: Int, _ body: (UnsafeMutablePointer<Float>) -> R) -> R {
    withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { body($0.baseAddress!) }
}
