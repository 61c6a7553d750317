import Foundation

/// DESIGN §5's confidence: the probability that the set studied next is among the items a
/// model recommendation returns, as a logistic function of what the prediction itself says
/// about its reliability — how close the predicted vector lands to the nearest set of the
/// subject (a prediction far from every set is a guess), and how many sessions the window
/// holds. Fitted on validation windows, whose outcomes the network never trained on.
public struct ConfidenceModel: Sendable, Hashable, Codable {
    /// Bias, nearest-set cosine, then one weight per history length 1...5.
    public var weights: [Double]
    /// Items the calibration counted as "returned" (the hit was the next set among them).
    public var items: Int
    /// Expected calibration error on the split it was evaluated on (10 equal-width bins).
    public var expectedCalibrationError: Double?

    public init(weights: [Double], items: Int, expectedCalibrationError: Double? = nil) {
        self.weights = weights
        self.items = items
        self.expectedCalibrationError = expectedCalibrationError
    }

    public struct Sample: Sendable, Hashable {
        public var nearestCosine: Double
        public var historyLength: Int
        public var hit: Bool

        public init(nearestCosine: Double, historyLength: Int, hit: Bool) {
            self.nearestCosine = nearestCosine
            self.historyLength = historyLength
            self.hit = hit
        }
    }

    static func features(nearestCosine: Double, historyLength: Int) -> [Double] {
        var features = [1, nearestCosine, 0, 0, 0, 0, 0]
        features[1 + min(max(historyLength, 1), 5)] = 1
        return features
    }

    public func confidence(nearestCosine: Double, historyLength: Int) -> Double {
        let features = Self.features(nearestCosine: nearestCosine, historyLength: historyLength)
        let z = zip(weights, features).reduce(0) { $0 + $1.0 * $1.1 }
        return 1 / (1 + Foundation.exp(-z))
    }

    /// Logistic regression by Newton's method (a 7×7 system per step), with a small ridge
    /// so that a history length missing from the samples keeps a finite weight.
    public static func fit(_ samples: [Sample], items: Int) -> ConfidenceModel {
        let width = 7
        var weights = [Double](repeating: 0, count: width)
        for _ in 0..<25 {
            var gradient = [Double](repeating: 0, count: width)
            var hessian = [Double](repeating: 0, count: width * width)
            for i in 0..<width {
                gradient[i] = 1e-3 * weights[i]
                hessian[i * width + i] = 1e-3
            }
            for sample in samples {
                let x = features(nearestCosine: sample.nearestCosine, historyLength: sample.historyLength)
                let z = zip(weights, x).reduce(0) { $0 + $1.0 * $1.1 }
                let p = 1 / (1 + Foundation.exp(-z))
                let residual = p - (sample.hit ? 1 : 0), curvature = max(p * (1 - p), 1e-9)
                for i in 0..<width where x[i] != 0 {
                    gradient[i] += residual * x[i]
                    for j in 0..<width where x[j] != 0 { hessian[i * width + j] += curvature * x[i] * x[j] }
                }
            }
            let step = solve(hessian, gradient, width)
            for i in 0..<width { weights[i] -= step[i] }
            if step.map(abs).max() ?? 0 < 1e-9 { break }
        }
        return ConfidenceModel(weights: weights, items: items)
    }

    /// Σ over 10 equal-width confidence bins of |mean confidence − hit rate| × share of samples.
    public func expectedCalibrationError(on samples: [Sample]) -> Double {
        guard !samples.isEmpty else { return 0 }
        var confidence = [Double](repeating: 0, count: 10), hits = confidence, counts = confidence
        for sample in samples {
            let p = self.confidence(nearestCosine: sample.nearestCosine, historyLength: sample.historyLength)
            let bin = min(Int(p * 10), 9)
            confidence[bin] += p
            hits[bin] += sample.hit ? 1 : 0
            counts[bin] += 1
        }
        return (0..<10).reduce(0) { total, bin in
            counts[bin] == 0 ? total : total + abs(confidence[bin] - hits[bin]) / Double(samples.count)
        }
    }

    /// Gaussian elimination with partial pivoting; the system is tiny and well conditioned
    /// by the ridge.
    private static func solve(_ matrix: [Double], _ vector: [Double], _ n: Int) -> [Double] {
        var a = matrix, b = vector
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0 * n + column]) < abs(a[$1 * n + column]) }!
            if pivot != column {
                for k in 0..<n { a.swapAt(pivot * n + k, column * n + k) }
                b.swapAt(pivot, column)
            }
            let diagonal = a[column * n + column]
            guard abs(diagonal) > 1e-15 else { continue }
            for row in (column + 1)..<n {
                let factor = a[row * n + column] / diagonal
                guard factor != 0 else { continue }
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in (0..<n).reversed() {
            var sum = b[row]
            for k in (row + 1)..<n { sum -= a[row * n + k] * x[k] }
            let diagonal = a[row * n + row]
            x[row] = abs(diagonal) > 1e-15 ? sum / diagonal : 0
        }
        return x
    }
}
