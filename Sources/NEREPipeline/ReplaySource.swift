import Foundation
import NEREContracts
import NERECache

/// Replays a `ReplayLog` in micro-batches, as `nere replay` does.
///
/// Positions: a replay's "offset" in `consumed_offsets` counts events in replay order (not
/// file lines or topic offsets), so a restart continues exactly after the last committed
/// batch. Each event's origin carries where it was read (file line, or topic offset), which
/// is what recommendations and dead letters show.
public struct ReplaySource: EventSource {
    public let topic: String
    public let fingerprint: String
    public let totalEvents: Int
    private let ordered: [InboundEvent]
    private var next: Int
    private let batchSize: Int

    public init(log: ReplayLog, batchSize: Int) {
        topic = log.topic
        fingerprint = log.fingerprint
        totalEvents = log.events.count
        ordered = log.events
        next = 0
        self.batchSize = max(1, batchSize)
    }

    public init(path: String, batchSize: Int, now: Timestamp = .now) throws {
        self.init(log: try ReplayLog(path: path, now: now), batchSize: batchSize)
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
