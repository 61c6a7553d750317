import NEREContracts

/// Receives every recommendation as it is made (the output topic, a JSON lines file).
/// Sinks are at-least-once: `flush` runs before the batch's cache commit, so after a crash
/// a batch may be emitted again, recognisable by `source.offset`.
public protocol RecommendationSink: AnyObject {
    func emit(_ recommendation: Recommendation) throws
    func flush() throws
}
