import NEREFeatures

/// Confidence for the baseline: the observed rate at which the studied set was among the
/// returned items, per bucket, with a Beta(1, 1) prior so an empty bucket says 0.5 rather
/// than 0 or 1. Calibrated by construction on the stream it serves.
struct HitRateCalibration {
    private var trials: [String: Double] = [:]
    private var hits: [String: Double] = [:]
    private var changed: Set<String> = []

    static let trialsNamespace = "baseline.calibration.trials"
    static let hitsNamespace = "baseline.calibration.hits"

    func estimate(_ bucket: String) -> Double {
        ((hits[bucket] ?? 0) + 1) / ((trials[bucket] ?? 0) + 2)
    }

    mutating func record(_ bucket: String, hit: Bool) {
        trials[bucket, default: 0] += 1
        if hit { hits[bucket, default: 0] += 1 }
        changed.insert(bucket)
    }

    mutating func takeChanged() -> [LearnedValue] {
        defer { changed.removeAll(keepingCapacity: true) }
        return changed.sorted().flatMap { bucket in
            [LearnedValue(namespace: Self.trialsNamespace, key: bucket, value: trials[bucket] ?? 0),
             LearnedValue(namespace: Self.hitsNamespace, key: bucket, value: hits[bucket] ?? 0)]
        }
    }

    mutating func restore(_ value: LearnedValue) {
        switch value.namespace {
        case Self.trialsNamespace: trials[value.key] = value.value
        case Self.hitsNamespace: hits[value.key] = value.value
        default: break
        }
    }
}
