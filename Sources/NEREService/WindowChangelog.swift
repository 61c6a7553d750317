import Foundation
import Logging
import NERECache
import NEREContracts
import NEREFeatures
import NEREKafka

/// `nere.window-state`: the compacted changelog of the window store (DESIGN §3). It is
/// co-partitioned with the input, so the state of a window fed by input partition p lives in
/// changelog partition p, and a partition that moves to an instance without a current cache
/// is restored from that one changelog partition.
enum WindowChangelog {
    /// One record per changed window, keyed `user_id|subject`, into the input's partition.
    static func record(for window: SessionWindow, topic: String) -> KafkaProducerMessage? {
        guard let origin = window.lastApplied else { return nil }
        let state = WindowStateRecord(sessions: window.sessions.map(\.session), lastApplied: origin)
        return KafkaProducerMessage(topic: topic, partition: Int32(origin.partition), key: Array(window.key.description.utf8),
                                    value: Array(state.jsonText.utf8))
    }

    /// Reads changelog partition `partition` from the beginning to its high watermark; the
    /// last record per key wins and a null value deletes. Records that do not decode are
    /// skipped and counted (the topic is internal, so they mean a bug or a foreign writer).
    static func restore(partition: Int32, topic: String, configuration: KafkaConfiguration,
                        logger: Logger) async throws -> (windows: [StoredWindow], undecodable: Int) {
        let consumer = try KafkaConsumer(configuration: configuration.withoutGroup)
        defer { Task { await consumer.close() } }
        var latest: [String: [UInt8]?] = [:]
        try await consumer.readToEnd([KafkaTopicPartition(topic: topic, partition: partition)]) { messages in
            for message in messages { latest[String(decoding: message.key ?? [], as: UTF8.self)] = message.value }
        }
        var windows: [StoredWindow] = [], undecodable = 0
        for (key, value) in latest {
            guard let value else { continue }
            guard let windowKey = WindowKey(parsing: key),
                  case .success(let state) = PayloadDecoding.decode(WindowStateRecord.self, from: value, now: .now)
            else {
                undecodable += 1
                logger.error("undecodable window-state record skipped", metadata: ["topic": "\(topic)", "partition": "\(partition)",
                                                                                   "key": "\(key)"])
                continue
            }
            windows.append(StoredWindow(key: windowKey, sessions: state.sessions, lastApplied: state.lastApplied))
        }
        return (windows.sorted { $0.key < $1.key }, undecodable)
    }
}

/// The value of a `nere.window-state` record: internal, free to change between versions.
struct WindowStateRecord: Codable, JSONWritable {
    var sessions: [StudySession]
    var lastApplied: EventOrigin

    enum CodingKeys: String, CodingKey {
        case sessions, lastApplied = "last_applied"
    }

    func write(to writer: inout JSONWriter) {
        writer.object { w in
            w.key("sessions")
            sessions.write(to: &w)
            w.key("last_applied")
            w.object { w in
                w.member("topic", lastApplied.topic)
                w.member("partition", lastApplied.partition)
                w.member("offset", Int(lastApplied.offset))
            }
        }
    }
}

extension WindowKey {
    /// Parses `user_id|subject`, the key of the window-state and recommendation topics.
    init?(parsing text: String) {
        guard let bar = text.lastIndex(of: "|"), let subject = Subject(rawValue: String(text[text.index(after: bar)...]))
        else { return nil }
        self.init(userID: String(text[..<bar]), subject: subject)
    }
}
