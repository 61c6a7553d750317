import Foundation

/// Wall-clock seconds spent in each stage of forward passes, summed over the calls it is passed
/// to: the profiling hook of `nere bench model`, which reports where an event's time goes and
/// the recurrence's GFLOP/s from it. Passing none (the default everywhere) skips the clock.
public final class StageTimes: @unchecked Sendable {
    public enum Stage: Int, CaseIterable, Sendable {
        /// Embedding look-ups and the concatenation into step inputs.
        case stepInput
        /// Batch normalisation (the full pass; serving folds it into `stepInput`).
        case batchNorm
        case featureAttention
        /// The per-step encoder, when the shape has one.
        case stepEncoder
        /// Both directions' GRU input products for every step.
        case inputProjection
        /// Packing cached steps into a batch, and copying the cached steps out (serving only).
        case stepCopy
        /// The whole recurrence: `recurrentProducts` plus the gate element-wise work.
        case recurrence
        /// The h·W_hhᵀ products inside the recurrence (a part of `recurrence`).
        case recurrentProducts
        case timeAttention
        /// The dense layers and the output layer.
        case head
    }

    private var totals = [Double](repeating: 0, count: Stage.allCases.count)

    public init() {}

    public subscript(stage: Stage) -> Double { totals[stage.rawValue] }

    public func reset() { totals = totals.map { _ in 0 } }

    @inline(__always)
    func measure<Result>(_ stage: Stage, _ body: () -> Result) -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = body()
        totals[stage.rawValue] += Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        return result
    }
}

extension Optional where Wrapped == StageTimes {
    /// Runs `body`, timing it as `stage` when there is an accumulator.
    @inline(__always)
    func measure<Result>(_ stage: StageTimes.Stage, _ body: () -> Result) -> Result {
        guard let times = self else { return body() }
        return times.measure(stage, body)
    }
}
