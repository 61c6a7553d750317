import Foundation
import Testing
@testable import NEREContracts

@Suite("Recommendation contract")
struct RecommendationContractTests {
    static let base = Samples.recommendation

    static func source(_ members: KeyValuePairs<String, String>) -> String {
        JSONObject([
            "topic": quoted("nere.study-events"), "partition": "3", "offset": "98765", "event_id": quoted("ev-0001"),
        ]).setting(members).description
    }

    static let refusals: [Refusal] = Refusal.missing(Samples.recommendationRequiredFields, from: base) + [
        Refusal("unknown subject", base.setting("subject", raw: quoted("Klingon")), "subject", .unknownSubject),
        Refusal("empty user_id", base.setting("user_id", raw: quoted("")), "user_id", .empty),
        Refusal("model_version of 257 bytes", base.setting("model_version", raw: Samples.text("m", count: 257)),
                "model_version", .tooLong),
        Refusal("generated_at without a zone", base.setting("generated_at", raw: quoted("2026-11-20T10:12:31")),
                "generated_at", .invalidTimestamp),
        Refusal("source not an object", base.setting("source", raw: quoted("nere.study-events[3]@98765")), "source", .wrongType),
        Refusal("source without event_id", base.setting("source", raw: #"{"topic": "t", "partition": 3, "offset": 1}"#),
                "source.event_id", .missing),
        Refusal("source with an empty topic", base.setting("source", raw: source(["topic": quoted("")])), "source.topic", .empty),
        Refusal("source with a negative partition", base.setting("source", raw: source(["partition": "-1"])),
                "source.partition", .outOfRange),
        Refusal("source with a negative offset", base.setting("source", raw: source(["offset": "-5"])),
                "source.offset", .outOfRange),
        Refusal("source with a fractional offset", base.setting("source", raw: source(["offset": "1.5"])),
                "source.offset", .wrongType),
        Refusal("source with an empty event_id", base.setting("source", raw: source(["event_id": quoted("")])),
                "source.event_id", .empty),
        Refusal("history_length 6", base.setting("history_length", raw: "6"), "history_length", .outOfRange),
        Refusal("history_length negative", base.setting("history_length", raw: "-1"), "history_length", .outOfRange),
        Refusal("history_length 0 (a recommendation always follows a session)", base.setting("history_length", raw: "0"),
                "history_length", .outOfRange),
        Refusal("history_length with a fraction", base.setting("history_length", raw: "2.5"), "history_length", .wrongType),
        Refusal("confidence above 1", base.setting("confidence", raw: "1.01"), "confidence", .outOfRange),
        Refusal("confidence negative", base.setting("confidence", raw: "-0.1"), "confidence", .outOfRange),
        Refusal("fallback a string", base.setting("fallback", raw: quoted("no")), "fallback", .wrongType),
        Refusal("empty fallback_reason", base.setting(["fallback": "true", "fallback_reason": quoted("")]),
                "fallback_reason", .empty),
        Refusal("fallback_reason of 65 bytes", base.setting(["fallback": "true", "fallback_reason": Samples.text("r", count: 65)]),
                "fallback_reason", .tooLong),
        Refusal("items not an array", base.setting("items", raw: #"{"set_id": "set-9", "score": 0.9}"#), "items", .wrongType),
        Refusal("item with an empty set_id", base.setting("items", raw: #"[{"set_id": "set-9", "score": 1}, {"set_id": "", "score": 0.5}]"#),
                "items[1].set_id", .empty),
        Refusal("item without a score", base.setting("items", raw: #"[{"set_id": "set-9"}]"#), "items[0].score", .missing),
        Refusal("item score a string", base.setting("items", raw: #"[{"set_id": "set-9", "score": "high"}]"#),
                "items[0].score", .wrongType),
        Refusal("attention holding a string", base.setting("attention", raw: #"[0.2, "0.3", 0.5]"#), "attention[1]", .wrongType),
    ]

    @Test(arguments: refusals)
    func refuses(_ refusal: Refusal) {
        #expect(PayloadKind.recommendation.decode(refusal.document) == refusal.expected)
    }

    static let keptDocuments = [
        Example("model answer", base),
        Example("fallback with a reason", base.setting([
            "fallback": "true", "fallback_reason": quoted("cold_start"), "confidence": "0", "attention": "[]",
        ])),
        Example("fallback_reason null", base.setting("fallback_reason", raw: "null")),
        Example("no items and no attention", base.setting(["items": "[]", "attention": "[]"])),
        Example("history_length 1", base.setting(["history_length": "1", "attention": "[1.0]"])),
        Example("unknown extra fields", base.setting([
            "latency_ms": "2", "source": source(["key": quoted("u-42")]),
            "items": #"[{"set_id": "set-9", "score": 0.91, "rank": 1}]"#,
        ])),
        Example("file replay source", base.setting("source", raw: source([
            "topic": quoted("file:/data/replay/events-2026-11.jsonl"), "partition": "0", "offset": "0",
        ]))),
        Example("negative score", base.setting("items", raw: #"[{"set_id": "set-9", "score": -0.25}]"#)),
        Example("generated_at far in the future", base.setting("generated_at", raw: quoted("2099-01-01T00:00:00Z"))),
    ]

    @Test(arguments: keptDocuments)
    func accepts(_ example: Example) {
        #expect(PayloadKind.recommendation.decode(example.document) == .accepted)
    }

    @Test func roundTripsThroughJSONAndKeysByWindow() throws {
        let original = Recommendation(
            userID: "u-42", subject: .readingVocabulary, modelVersion: "nere-small-20261101",
            generatedAt: Timestamp(rfc3339: "2026-11-20T10:12:31.250Z")!,
            source: .init(topic: "nere.study-events", partition: 3, offset: 98_765, eventID: "ev-0001"),
            historyLength: 2, confidence: 0.5, fallback: true, fallbackReason: "low_confidence",
            items: [.init(setID: "set-9", score: 0.91)], attention: [0.25, 0.75])
        let decoded = try PayloadDecoding.decode(Recommendation.self, from: JSONEncoder().encode(original), now: Samples.now).get()
        #expect(decoded == original)
        #expect(decoded.key == "u-42|Reading Vocabulary")
    }
}
