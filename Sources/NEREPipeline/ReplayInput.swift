/// Where a replay or an evaluation reads its log and catalog: files here, topics in
/// `NEREService` (`ReplayInput.topics`). Both are read whole before the run starts.
public struct ReplayInput: Sendable {
    /// How results name the inputs (paths, or bootstrap and topics).
    public var events: String
    public var sets: String
    public var loadEvents: @Sendable () async throws -> ReplayLog
    public var loadSets: @Sendable () async throws -> SetsFile.Loaded

    public init(events: String, sets: String, loadEvents: @escaping @Sendable () async throws -> ReplayLog,
                loadSets: @escaping @Sendable () async throws -> SetsFile.Loaded) {
        self.events = events
        self.sets = sets
        self.loadEvents = loadEvents
        self.loadSets = loadSets
    }

    public static func files(events: String, sets: String) -> ReplayInput {
        ReplayInput(events: events, sets: sets, loadEvents: { try ReplayLog(path: events) },
                    loadSets: { try SetsFile.load(path: sets) })
    }
}
