/// Standardises one continuous feature with the training period's statistics (DESIGN §5).
/// A missing value is imputed with the training mean, which is exactly 0 after scaling, so the
/// network sees "typical" rather than an arbitrary sentinel.
public struct ContinuousScaler: Sendable, Hashable, Codable {
    public let name: String
    public let mean: Double
    /// Population standard deviation of the fitted values; 1 when they do not vary (or there
    /// were none), so a constant feature scales to 0 instead of dividing by zero.
    public let std: Double

    /// Fitted on the present values; with none at all, every value scales to itself.
    init(name: String, moments: RunningMoments) {
        self.name = name
        mean = moments.mean
        std = moments.standardDeviation > 0 ? moments.standardDeviation : 1
    }

    public func scale(_ value: Double?) -> Float {
        guard let value else { return 0 }
        return Float((value - mean) / std)
    }

    enum CodingKeys: String, CodingKey {
        case name, mean, std
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        mean = try container.decode(Double.self, forKey: .mean)
        std = try container.decode(Double.self, forKey: .std)
        guard mean.isFinite, std.isFinite, std > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .std, in: container,
                                                   debugDescription: "\(name): mean \(mean), std \(std) cannot scale")
        }
    }
}

/// Welford's running mean and variance: one pass, so `FeatureSpace.fit` can read every
/// feature of a session stream at once without keeping the values, and no cancellation when
/// the mean is large against the spread (as `study_day` is).
struct RunningMoments {
    private(set) var count = 0
    private(set) var mean = 0.0
    private var squaredDeviations = 0.0

    mutating func add(_ value: Double?) {
        guard let value else { return }
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        squaredDeviations += delta * (value - mean)
    }

    var standardDeviation: Double {
        count > 0 ? (squaredDeviations / Double(count)).squareRoot() : 0
    }
}
