import Foundation
import NEREContracts

/// A whole event log in replay order (DESIGN §8): by `ended_at`, ties in the order the
/// records were read; records without a readable `ended_at` (headed for the dead-letter table
/// anyway) first. Read from a JSON lines file, or from a topic up to the end offsets seen at
/// start, a log replays and evaluates the same way.
public struct ReplayLog: Sendable {
    /// Names the log in `consumed_offsets` (a file's path, or the topic).
    public let topic: String
    /// Identifies the log's content: a cache resumes only a replay of the same log.
    public let fingerprint: String
    public let events: [InboundEvent]

    /// Events as read (file lines, or topic records partition by partition), already decoded,
    /// put in replay order. Decoding stays with the reader: a topic's records are decoded as
    /// the service decodes them (a null value is a dead letter of its own).
    public init(topic: String, fingerprint: String, events: [InboundEvent]) {
        // Sorting small (time, position) pairs and gathering afterwards beats moving whole events.
        let order = events.indices.map { (time: events[$0].decoded.replayTime, position: $0) }.sorted { $0 < $1 }
        self.topic = topic
        self.fingerprint = fingerprint
        self.events = order.map { events[$0.position] }
    }

    public init(path: String, now: Timestamp = .now) throws {
        let file = try JSONLinesFile(path: path)
        let topic = "file:" + URL(fileURLWithPath: path).standardizedFileURL.path
        let decoded = file.parallelMap { SessionDecoding(json: $0, now: now) }
        let events = zip(file.lines, decoded).map { line, decoded in
            InboundEvent(origin: EventOrigin(topic: topic, partition: 0, offset: Int64(line.number)), key: nil,
                         payload: file.data[line.range], decoded: decoded)
        }
        self.init(topic: topic, fingerprint: file.fingerprint, events: events)
    }

    /// The log's valid sessions in replay order (training reads the log this way, so it sees
    /// exactly what a replay would apply).
    public var acceptedSessions: [StudySession] {
        events.compactMap { if case .accepted(let session) = $0.decoded { session } else { nil } }
    }
}

extension SessionDecoding {
    /// Replay order: by `ended_at`; records without a readable one go first.
    fileprivate var replayTime: Int64 {
        if case .accepted(let session) = self { return session.endedAt.microsecondsSinceEpoch }
        return .min
    }
}

extension Array where Element: Sendable {
    /// `transform` over every element on all cores, keeping order: decoding a log of millions
    /// of records is the slow part of loading it.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        let chunks = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount * 4, count / 1024))
        withUnsafeBufferPointer { elements in
            nonisolated(unsafe) let input = elements
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for i in count * chunk / chunks ..< count * (chunk + 1) / chunks { output[i] = transform(input[i]) }
            }
        }
        return results.map { $0! }
    }
}
