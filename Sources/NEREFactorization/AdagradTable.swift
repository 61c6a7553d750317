/// A parameter matrix trained by per-element Adagrad, as LightFM trains its embeddings:
/// feature rows shared by many users or sets (a platform, a subject) get thousands of times
/// more updates than a user's own row, and Adagrad shrinks their steps accordingly without a
/// schedule to tune. A class over raw memory because the training loop updates rows millions
/// of times, where array copy-on-write and exclusivity checks would cost more than the update.
final class AdagradTable {
    let rows: Int
    let width: Int
    let values: UnsafeMutablePointer<Float>
    private let squaredSteps: UnsafeMutablePointer<Float>

    init(rows: Int, width: Int, initialise: () -> Float) {
        self.rows = rows
        self.width = width
        values = .allocate(capacity: max(1, rows * width))
        squaredSteps = .allocate(capacity: max(1, rows * width))
        for k in 0..<(rows * width) { values[k] = initialise() }
        // LightFM's accumulators also start at 1, which bounds the first steps by the rate.
        squaredSteps.initialize(repeating: 1, count: rows * width)
    }

    deinit {
        values.deallocate()
        squaredSteps.deallocate()
    }

    /// values[row] += rate · step / √(Σ squared steps so far), step = scale · direction − l2 ·
    /// values[row]: gradient ascent on the objective, `direction` being ∂objective/∂row.
    @inline(__always)
    func ascend(row: Int, along direction: UnsafePointer<Float>, scale: Float, rate: Float, l2: Float) {
        let v = values + row * width, g = squaredSteps + row * width
        for k in 0..<width {
            let step = scale * direction[k] - l2 * v[k]
            g[k] += step * step
            v[k] += rate * step / g[k].squareRoot()
        }
    }

    /// Adds the rows listed into `sum`, which it first clears.
    @inline(__always)
    func sum(rows list: UnsafeBufferPointer<Int32>, into sum: UnsafeMutablePointer<Float>) {
        sum.update(repeating: 0, count: width)
        for row in list {
            let v = values + Int(row) * width
            for k in 0..<width { sum[k] += v[k] }
        }
    }

    var array: [Float] { Array(UnsafeBufferPointer(start: values, count: rows * width)) }
}
