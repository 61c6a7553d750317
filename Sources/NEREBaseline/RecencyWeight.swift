import Foundation
import NEREContracts

/// Exponentially time-decayed counts, kept as natural logarithms relative to a fixed epoch:
/// an event at time t adds 2^((t − epoch) / halfLife). Storing logs means weights never
/// overflow however long the service runs, and ranking needs no periodic decay pass because
/// every weight is expressed at the same reference instant.
public struct RecencyWeight: Sendable {
    public static let epoch = Timestamp(microsecondsSinceEpoch: 1_577_836_800_000_000)  // 2020-01-01
    public let halfLifeDays: Double

    public init(halfLifeDays: Double) {
        self.halfLifeDays = halfLifeDays
    }

    /// The log-weight of a single event at `time`.
    public func logWeight(at time: Timestamp) -> Double {
        let days = (time.secondsSinceEpoch - Self.epoch.secondsSinceEpoch) / 86_400
        return days / halfLifeDays * M_LN2
    }

    /// log(e^a + e^b) without overflow; `-infinity` is the empty sum.
    public static func logSum(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity { return b }
        if b == -.infinity { return a }
        let high = max(a, b)
        return high + log1p(exp(-abs(a - b)))
    }
}
