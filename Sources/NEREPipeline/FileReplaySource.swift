import Foundation
import NEREContracts
import NERECache

/// Replays a JSON lines event log in `ended_at` order (DESIGN §8), as `nere replay` does.
///
/// Positions: a replay's "offset" in `consumed_offsets` counts events in replay order (not
/// file lines), so a restart continues exactly after the last committed batch. Each event's
/// origin carries its file line number, which is what recommendations and dead letters show.
/// Lines whose `ended_at` cannot be read (they are headed for the dead-letter table anyway)
/// are replayed first, in file order.
public struct FileReplaySource: EventSource {
    public let topic: String
    public let fingerprint: String
    public let totalEvents: Int
    private var ordered: [InboundEvent]
    private var next: Int
    private let batchSize: Int

    public init(path: String, batchSize: Int, now: Timestamp = .now) throws {
        let file = try JSONLinesFile(path: path)
        let topic = "file:" + URL(fileURLWithPath: path).standardizedFileURL.path
        let decoded = file.parallelMap { SessionDecoding(json: $0, now: now) }
        // Sorting small (time, line) pairs and gathering afterwards beats moving whole events.
        let order = decoded.indices.map { (time: decoded[$0].replayTime, line: $0) }.sorted { $0 < $1 }
        let events = order.map { _, i in
            InboundEvent(origin: EventOrigin(topic: topic, partition: 0, offset: Int64(file.lines[i].number)),
                         key: nil, payload: file.data[file.lines[i].range], decoded: decoded[i])
        }
        self.topic = topic
        self.fingerprint = file.fingerprint
        self.totalEvents = events.count
        self.ordered = events
        self.next = 0
        self.batchSize = max(1, batchSize)
    }

    /// Skips the events a committed batch already covered.
    public mutating func resume(after position: Int64) {
        next = Int(min(max(position, 0), Int64(ordered.count)))
    }

    public mutating func nextBatch() async throws -> EventBatch? {
        guard next < ordered.count else { return nil }
        let end = min(next + batchSize, ordered.count)
        let events = Array(ordered[next..<end])
        next = end
        return EventBatch(events: events, positions: [SourcePosition(topic: topic, partition: 0, nextOffset: Int64(end))])
    }
}

extension SessionDecoding {
    /// Replay order: by `ended_at`; records without a readable one go first.
    fileprivate var replayTime: Int64 {
        if case .accepted(let session) = self { return session.endedAt.microsecondsSinceEpoch }
        return .min
    }
}

extension FileReplaySource {
    /// The log's valid sessions in replay order (training reads the log this way, so it sees
    /// exactly what a replay would apply).
    public var acceptedSessions: [StudySession] {
        ordered.compactMap { if case .accepted(let session) = $0.decoded { session } else { nil } }
    }
}
