import NEREContracts

/// Train, validation and test by time, never at random (DESIGN §5): an example belongs to the
/// part its target session's `ended_at` falls in, so nothing learned in training comes from
/// after the sessions it is judged on. Stored in the model's config; a replay scores the
/// model from `testStart` on, where it has seen nothing.
public struct TimeSplit: Sendable, Hashable, Codable {
    /// Share of examples (by target time) before the validation cut, and before the test cut.
    public static let validationQuantile = 0.70
    public static let testQuantile = 0.85

    /// Examples whose target ended before this are training examples.
    public let validationStart: Timestamp
    /// Examples whose target ended at or after this are test examples.
    public let testStart: Timestamp

    init(validationStart: Timestamp, testStart: Timestamp) {
        precondition(validationStart <= testStart, "validation must start no later than test")
        self.validationStart = validationStart
        self.testStart = testStart
    }

    /// Cuts at the quantiles of `sortedTimes` (ascending, not empty). Equal times fall on the
    /// same side of a cut, so a part can be a little smaller than its share.
    init(quantilesOf sortedTimes: [Timestamp]) {
        func quantile(_ q: Double) -> Timestamp {
            sortedTimes[min(Int(q * Double(sortedTimes.count)), sortedTimes.count - 1)]
        }
        self.init(validationStart: quantile(Self.validationQuantile), testStart: quantile(Self.testQuantile))
    }

    public enum Part: String, Sendable, Hashable, CaseIterable {
        case train, validation, test
    }

    public func part(of time: Timestamp) -> Part {
        time < validationStart ? .train : time < testStart ? .validation : .test
    }

    enum CodingKeys: String, CodingKey {
        case validationStart = "validation_start", testStart = "test_start"
    }
}
