import NERECache
import NEREContracts
import NEREFeatures

/// Receives what a batch produced before its cache transaction: every recommendation as it is
/// made (the output topic, a JSON lines file), the dead letters, and the windows that changed
/// (the changelog). Sinks are at-least-once: `flush` returns only when everything emitted is
/// durable, and it runs before the batch's cache commit, so after a crash a batch may be
/// emitted again (recognisable by `source.offset`) but never lost.
public protocol PipelineSink: AnyObject {
    func emit(_ recommendation: Recommendation) throws
    func emit(deadLetter: DeadLetter) throws
    func emit(changedWindows: [SessionWindow]) throws
    func flush() async throws
}

extension PipelineSink {
    public func emit(deadLetter: DeadLetter) throws {}
    public func emit(changedWindows: [SessionWindow]) throws {}
}
