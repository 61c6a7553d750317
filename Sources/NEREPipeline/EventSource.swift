import Foundation
import NEREContracts
import NERECache

/// One input record, already decoded: sources decode so that a replay can order by
/// `ended_at` and Kafka can decode on its poll thread.
public struct InboundEvent: Sendable {
    public var origin: EventOrigin
    public var key: [UInt8]?
    /// The record's bytes as received, kept for the dead-letter table. A replay's payloads
    /// are slices of the one file buffer, not copies.
    public var payload: Data
    public var decoded: SessionDecoding

    public init(origin: EventOrigin, key: [UInt8]?, payload: Data, decoded: SessionDecoding) {
        self.origin = origin
        self.key = key
        self.payload = payload
        self.decoded = decoded
    }
}

/// A micro-batch: processed as one unit and committed in one transaction, together with
/// the positions from which the source resumes after it.
public struct EventBatch: Sendable {
    public var events: [InboundEvent]
    public var positions: [SourcePosition]

    public init(events: [InboundEvent], positions: [SourcePosition]) {
        self.events = events
        self.positions = positions
    }
}

/// Where events come from: a replayed file now, Kafka partitions later. `nil` means the
/// source is exhausted (a replay's end; a consumer never ends on its own).
public protocol EventSource {
    mutating func nextBatch() async throws -> EventBatch?
}
