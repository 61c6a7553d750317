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

    /// Records as read (file lines, or topic records partition by partition), decoded on all
    /// cores and put in replay order.
    public init(topic: String, fingerprint: String, records: [(origin: EventOrigin, key: [UInt8]?, payload: Data)],
                now: Timestamp = .now) {
        let decoded = records.parallelMap { SessionDecoding(json: $0.payload, now: now) }
        self.init(topic: topic, fingerprint: fingerprint, records: records, decoded: decoded)
    }

    public init(path: String, now: Timestamp = .now) throws {
        let file = try JSONLinesFile(path: path)
        let topic = "file:" + URL(fileURLWithPath: path).standardizedFileURL.path
        let records = file.lines.map { line in
            (origin: EventOrigin(topic: topic, partition: 0, offset: Int64(line.number)), key: [UInt8]?.none,
             payload: file.data[line.range])
        }
        self.init(topic: topic, fingerprint: file.fingerprint, records: records,
                  decoded: file.parallelMap { SessionDecoding(json: $0, now: now) })
    }

    private init(topic: String, fingerprint: String, records: [(origin: EventOrigin, key: [UInt8]?, payload: Data)],
                 decoded: [SessionDecoding]) {
        // Sorting small (time, position) pairs and gathering afterwards beats moving whole events.
        let order = decoded.indices.map { (time: decoded[$0].replayTime, position: $0) }.sorted { $0 < $1 }
        self.topic = topic
        self.fingerprint = fingerprint
        events = order.map { _, i in
            InboundEvent(origin: records[i].origin, key: records[i].key, payload: records[i].payload, decoded: decoded[i])
        }
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
    /// `transform` over every element on all cores, keeping order.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
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
