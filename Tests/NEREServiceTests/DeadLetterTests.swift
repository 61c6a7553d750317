import Foundation
import NEREContracts
import NEREKafka
import Testing

/// DESIGN §2: bad input never stops the service and is never silently lost — it reaches
/// `nere.study-events.dlq` byte for byte with the reason in headers (or, for users under 13,
/// is dropped and counted), and the valid events around it are served.
@Suite(.serialized)
struct DeadLetterTests {
    static let valid = #"{"event_id":"ok-1","user_id":"u-dlq","set_id":"SETID","started_at":"2026-03-01T10:00:00Z","ended_at":"2026-03-01T10:10:00Z","platform":"web","study_mode":"learn"}"#

    /// (payload, expected reason); nil reason: dropped without a dead letter.
    static func malformed(setID: String) -> [([UInt8], String?)] {
        let session = { (fields: String) in
            Array(#"{"event_id":"e-\#(fields.count)","user_id":"u-bad","set_id":"\#(setID)","started_at":"2026-03-01T10:00:00Z","platform":"web","study_mode":"learn",\#(fields)}"#.utf8)
        }
        return [
            (Array("this is not json".utf8), "invalid_json"),
            (Array(#"{"event_id":"e-trunc","user_id":"u-bad","set_id":"#.utf8), "invalid_json"),
            (Array(#"{"event_id":42,"user_id":"u-bad","set_id":"s","started_at":"2026-03-01T10:00:00Z","ended_at":"2026-03-01T10:10:00Z","platform":"web","study_mode":"learn"}"#.utf8), "wrong_type"),
            ([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D], "invalid_utf8"),
            (Array(repeating: UInt8(ascii: " "), count: ContractLimits.maxPayloadBytes + 1), "payload_too_large"),
            (session(#""ended_at":"1970-01-01T00:00:00Z""#), "too_old"),
            (session(#""ended_at":"2999-01-01T00:00:00Z""#), "in_future"),
            (Array(#"{"event_id":"e-unknown","user_id":"u-bad","set_id":"no-such-set","started_at":"2026-03-01T10:00:00Z","ended_at":"2026-03-01T10:10:00Z","platform":"web","study_mode":"learn"}"#.utf8), "unknown_set"),
            (session(#""ended_at":"2026-03-01T10:10:00Z","user_age":9"#), nil),
        ]
    }

    @Test func malformedRecordsReachTheDeadLetterQueueWithTheirReasons() async throws {
        let harness = try await ServiceHarness(events: 200)
        try await harness.produceCatalogAndEvents()
        let firstSet = try #require(try ServiceHarness.lines(harness.setsPath).first)
        let setID = try #require((try JSONSerialization.jsonObject(with: Data(firstSet)) as? [String: Any])?["set_id"] as? String)
        let cases = Self.malformed(setID: setID)
        let producer = try KafkaProducer(configuration: harness.cluster.configuration(["message.max.bytes": "2000000"]))
        for (i, (payload, _)) in cases.enumerated() {
            _ = try producer.send(KafkaProducerMessage(topic: TopicName.studyEvents.rawValue, key: Array("bad-\(i)".utf8), value: payload))
        }
        _ = try producer.send(KafkaProducerMessage(topic: TopicName.studyEvents.rawValue, key: Array("u-dlq".utf8),
                                                   value: Array(Self.valid.replacingOccurrences(of: "SETID", with: setID).utf8)))
        #expect(try await producer.flush(timeout: .seconds(30)).allSatisfy(\.isDelivered))
        _ = await producer.close()

        let configuration = harness.configuration(cache: "serve.sqlite")
        let service = harness.start(configuration)
        let total = Int64(try ServiceHarness.lines(harness.eventsPath).count + cases.count + 1)
        let done = try await ServiceHarness.eventually { try await harness.committedOffsets(group: "nere-test") >= total }
        #expect(done, "every record consumed, the bad ones included")
        let port = try #require(service.control.httpPort)
        let metrics = try await ServiceHarness.get("/metrics", port: port)
        let ready = try await ServiceHarness.get("/readyz", port: port)
        let health = try await ServiceHarness.get("/healthz", port: port)
        try await service.stop()

        let letters = try await harness.readAll(TopicName.studyEventsDLQ.rawValue)
        let expected = cases.compactMap { $0.1 }
        #expect(letters.count == expected.count)
        for (payload, reason) in cases {
            let letter = letters.first { $0.value ?? [] == Array(payload.prefix(65_536)) }
            if let reason {
                let header = letter?.headers.first { $0.key == "nere.error.reason" }?.value
                #expect(header.map { String(decoding: $0, as: UTF8.self) } == reason, "\(reason): original bytes with the reason")
                #expect(letter?.headers.contains { $0.key == "nere.source.offset" } == true)
                if payload.count > 65_536 {
                    let size = letter?.headers.first { $0.key == "nere.payload.truncated_from" }?.value
                    #expect(size.map { String(decoding: $0, as: UTF8.self) } == String(payload.count))
                }
            } else {
                #expect(letter == nil, "a session of a user under 13 is dropped, not kept anywhere")
            }
        }
        let subject = try #require(try Self.subject(of: setID, in: harness))
        #expect(try ServiceHarness.contents(ofCache: configuration.cachePath)["u-dlq|\(subject)"] != nil,
                "the valid event after the bad ones was served")
        #expect(metrics.status == 200)
        #expect(metrics.body.contains(#"nere_dead_letters_total{reason="invalid_json"} 2"#), "\(metrics.body)")
        #expect(metrics.body.contains("nere_events_dropped_underage_total 1"))
        for series in ["nere_event_to_recommendation_seconds_bucket", "nere_batch_duration_seconds_bucket", "nere_consumer_lag{",
                       "nere_restore_duration_seconds_bucket", "nere_windows ", "nere_events_in_total ", "nere_recommendations_out_total "] {
            #expect(metrics.body.contains(series), "\(series) in /metrics")
        }
        #expect(ready.status == 200 && ready.body.contains(#""ready":true"#), "\(ready.body)")
        #expect(health.status == 200)
    }

    static func subject(of setID: String, in harness: ServiceHarness) throws -> String? {
        for line in try ServiceHarness.lines(harness.setsPath) {
            let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            if object?["set_id"] as? String == setID { return object?["subject"] as? String }
        }
        return nil
    }
}
