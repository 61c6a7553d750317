/// Running totals of what happened to events. Persisted with every batch, so a resumed run
/// reports totals for the whole stream, not just since the restart.
public struct PipelineCounters: Sendable, Equatable {
    public var eventsIn = 0
    public var applied = 0
    public var duplicates = 0
    public var stale = 0
    public var droppedUnderage = 0
    public var deadLetters = 0
    public var recommendationsOut = 0

    public init() {}

    private nonisolated(unsafe) static let names: [(String, WritableKeyPath<PipelineCounters, Int>)] = [
        ("events_in", \.eventsIn), ("applied", \.applied), ("duplicates", \.duplicates), ("stale", \.stale),
        ("dropped_underage", \.droppedUnderage), ("dead_letters", \.deadLetters),
        ("recommendations_out", \.recommendationsOut),
    ]

    public init(restoring values: [String: Int]) {
        for (name, path) in Self.names { self[keyPath: path] = values[name] ?? 0 }
    }

    public var values: [String: Int] {
        Dictionary(uniqueKeysWithValues: Self.names.map { ($0.0, self[keyPath: $0.1]) })
    }
}
