import Foundation
import Testing
@testable import NEREContracts

@Suite("StudySession contract")
struct StudySessionContractTests {
    static let base = Samples.session

    static let badTimestamps = [
        ("without zone", "2026-11-20T10:00:00"),
        ("with a space for T", "2026-11-20 10:00:00Z"),
        ("with a zone name", "2026-11-20T10:00:00Z[Europe/Paris]"),
        ("with a trailing newline", "2026-11-20T10:00:00Z\n"),
        ("without seconds", "2026-11-20T10:00Z"),
        ("date only", "2026-11-20"),
        ("on 31 April", "2026-04-31T10:00:00Z"),
        ("on 30 February of a leap year", "2024-02-30T10:00:00Z"),
        ("on 29 February 2025", "2025-02-29T10:00:00Z"),
        ("on 29 February 2100", "2100-02-29T10:00:00Z"),
        ("on day 0", "2026-11-00T10:00:00Z"),
        ("in month 13", "2026-13-01T10:00:00Z"),
        ("at hour 24", "2026-11-20T24:00:00Z"),
        ("at minute 60", "2026-11-20T10:60:00Z"),
        ("at second 61", "2026-11-20T10:00:61Z"),
        ("with a fraction without digits", "2026-11-20T10:00:00.Z"),
        ("with an offset without colon", "2026-11-20T12:00:00+0200"),
        ("with an offset of 24 hours", "2026-11-20T12:00:00+24:00"),
        ("with a two-digit year", "26-11-20T10:00:00Z"),
        ("of more than 40 characters", "2026-11-20T10:00:00.1234567890123456789012Z"),
        ("empty", ""),
    ]

    static let timestampRefusals = ["started_at", "ended_at"].flatMap { field in
        badTimestamps.map { name, text in
            Refusal("\(field) \(name)", base.setting(field, raw: quoted(text)), field, .invalidTimestamp)
        }
    }

    static let refusals: [Refusal] = Refusal.missing(Samples.sessionRequiredFields, from: base) + [
        Refusal("user_id null", base.setting("user_id", raw: "null"), "user_id", .missing),
        Refusal("empty event_id", base.setting("event_id", raw: quoted("")), "event_id", .empty),
        Refusal("empty set_id", base.setting("set_id", raw: quoted("")), "set_id", .empty),
        Refusal("event_id of 257 bytes", base.setting("event_id", raw: Samples.text("e", count: 257)), "event_id", .tooLong),
        Refusal("user_id of 257 bytes", base.setting("user_id", raw: Samples.text("u", count: 257)), "user_id", .tooLong),
        Refusal("set_id of 258 bytes in 129 characters", base.setting("set_id", raw: Samples.text("é", count: 129)),
                "set_id", .tooLong),
        Refusal("platform of 65 bytes", base.setting("platform", raw: Samples.text("p", count: 65)), "platform", .tooLong),
        Refusal("empty study_mode", base.setting("study_mode", raw: quoted("")), "study_mode", .empty),
        Refusal("term_lang of 65 bytes", base.setting("term_lang", raw: Samples.text("l", count: 65)), "term_lang", .tooLong),
        Refusal("platform a number", base.setting("platform", raw: "3"), "platform", .wrongType),
        Refusal("event_id an object", base.setting("event_id", raw: #"{"id": 1}"#), "event_id", .wrongType),
        Refusal("started_at a number", base.setting("started_at", raw: "1763632800"), "started_at", .wrongType),
        Refusal("user_age a string", base.setting("user_age", raw: quoted("20")), "user_age", .wrongType),
        Refusal("user_age with a fraction", base.setting("user_age", raw: "20.5"), "user_age", .wrongType),
        Refusal("user_age beyond 64 bits", base.setting("user_age", raw: "1e30"), "user_age", .wrongType),
        Refusal("lat a string", base.setting("lat", raw: quoted("48.85")), "lat", .wrongType),
        Refusal("subject a number", base.setting("subject", raw: "5"), "subject", .wrongType),
        Refusal("ended_at before started_at", base.setting("ended_at", raw: quoted("2026-11-20T09:59:59.999Z")),
                "ended_at", .endedBeforeStarted),
        Refusal("ended_at before started_at once offsets apply",
                base.setting("ended_at", raw: quoted("2026-11-20T11:30:00+02:00")), "ended_at", .endedBeforeStarted),
        Refusal("ended_at more than a day ahead", base.setting([
            "started_at": quoted("2026-11-23T23:00:00Z"), "ended_at": quoted("2026-11-24T00:00:00.000001Z"),
        ]), "ended_at", .inFuture),
        Refusal("started_at more than a day ahead", base.setting([
            "started_at": quoted("2026-11-25T10:00:00Z"), "ended_at": quoted("2026-11-25T10:10:00Z"),
        ]), "started_at", .inFuture),
        Refusal("started_at before 2000", base.setting("started_at", raw: quoted("1999-12-31T23:59:59Z")), "started_at", .tooOld),
        Refusal("started_at before 2000 once its offset applies",
                base.setting("started_at", raw: quoted("2000-01-01T00:30:00+01:00")), "started_at", .tooOld),
        Refusal("started_at in year 0", base.setting("started_at", raw: quoted("0000-01-01T00:00:00Z")), "started_at", .tooOld),
        Refusal("lat above 90", base.setting("lat", raw: "90.5"), "lat", .outOfRange),
        Refusal("lat below -90", base.setting("lat", raw: "-90.000001"), "lat", .outOfRange),
        Refusal("lon above 180", base.setting("lon", raw: "180.5"), "lon", .outOfRange),
        Refusal("lon below -180", base.setting("lon", raw: "-181"), "lon", .outOfRange),
        Refusal("user_age 131", base.setting("user_age", raw: "131"), "user_age", .outOfRange),
        Refusal("user_age negative", base.setting("user_age", raw: "-1"), "user_age", .outOfRange),
        Refusal("answers_total negative", base.setting("answers_total", raw: "-1"), "answers_total", .outOfRange),
        Refusal("terms_studied above a million", base.setting("terms_studied", raw: "1000001"), "terms_studied", .outOfRange),
        Refusal("answers_correct above answers_total", base.setting(["answers_correct": "21", "answers_total": "20"]),
                "answers_correct", .outOfRange),
        Refusal("unknown subject", base.setting("subject", raw: quoted("Klingon")), "subject", .unknownSubject),
        Refusal("subject in lower case", base.setting("subject", raw: quoted("french")), "subject", .unknownSubject),
        Refusal("ip not an address", base.setting("ip", raw: quoted("not-an-ip")), "ip", .invalidIP),
        Refusal("ip with an octet above 255", base.setting("ip", raw: quoted("203.0.113.256")), "ip", .invalidIP),
        Refusal("ip with three octets", base.setting("ip", raw: quoted("203.0.113")), "ip", .invalidIP),
        Refusal("ip with a zone index", base.setting("ip", raw: quoted("fe80::1%eth0")), "ip", .invalidIP),
        Refusal("ip empty", base.setting("ip", raw: quoted("")), "ip", .empty),
    ] + timestampRefusals

    @Test(arguments: refusals)
    func refuses(_ refusal: Refusal) {
        #expect(PayloadKind.studySession.decode(refusal.document) == refusal.expected)
    }

    static let keptDocuments = [
        Example("required fields only", base),
        Example("every optional field", base.setting([
            "subject": quoted("French"), "term_lang": quoted("fr"), "def_lang": quoted("en"), "lat": "48.85",
            "lon": "2.35", "ip": quoted("203.0.113.57"), "user_age": "17", "answers_correct": "18",
            "answers_total": "20", "terms_studied": "25",
        ])),
        Example("optional fields null", base.setting([
            "subject": "null", "term_lang": "null", "def_lang": "null", "lat": "null", "lon": "null", "ip": "null",
            "user_age": "null", "answers_correct": "null", "answers_total": "null", "terms_studied": "null",
        ])),
        Example("unknown extra fields", base.setting(["client_build": quoted("5.2.1"), "experiment": #"{"arm": [1, null]}"#])),
        Example("ids of 256 bytes", base.setting(["event_id": Samples.text("e", count: 256), "set_id": Samples.text("é", count: 128)])),
        Example("labels of 64 bytes", base.setting(["platform": Samples.text("p", count: 64), "def_lang": Samples.text("l", count: 64)])),
        Example("integers written with a zero fraction", base.setting(["answers_correct": "3.0", "answers_total": "2e1"])),
        Example("coordinates at their bounds", base.setting(["lat": "-90", "lon": "180"])),
        Example("user_age 13", base.setting("user_age", raw: "13")),
        Example("ended_at equal to started_at", base.setting("ended_at", raw: quoted("2026-11-20T10:00:00Z"))),
        Example("ended_at exactly one day ahead", base.setting([
            "started_at": quoted("2026-11-23T23:00:00Z"), "ended_at": quoted("2026-11-24T00:00:00Z"),
        ])),
        Example("started_at on 1 January 2000", base.setting("started_at", raw: quoted("2000-01-01T00:00:00Z"))),
        Example("answers_correct equal to answers_total", base.setting(["answers_correct": "20", "answers_total": "20"])),
    ]

    @Test(arguments: keptDocuments)
    func accepts(_ example: Example) {
        #expect(PayloadKind.studySession.decode(example.document) == .accepted)
    }

    @Test(arguments: ["0", "12", "12.0"])
    func dropsUsersUnder13(_ age: String) {
        #expect(PayloadKind.studySession.decode(Self.base.setting("user_age", raw: age)) == .dropped)
    }

    /// A child's malformed session must not reach the DLQ either, where it would be stored.
    @Test func dropsUsersUnder13BeforeAnyOtherCheck() {
        let document = Self.base.removing("event_id").setting(["user_age": "9", "ended_at": quoted("yesterday")])
        #expect(PayloadKind.studySession.decode(document) == .dropped)
    }

    @Test func readsEveryField() throws {
        let document = Self.base.setting([
            "started_at": quoted("2026-11-20T12:00:00.25+02:00"), "subject": quoted("Uncommon Languages"),
            "term_lang": quoted("eu"), "def_lang": quoted("es"), "lat": "43.3", "lon": "-2.0", "user_age": "31",
            "answers_correct": "7", "answers_total": "9", "terms_studied": "12", "note": quoted("ignored"),
        ])
        let session = try #require(accepted(document))
        #expect(session == StudySession(
            eventID: "ev-0001", userID: "u-42", setID: "set-7",
            startedAt: Timestamp(rfc3339: "2026-11-20T10:00:00.25Z")!, endedAt: Timestamp(rfc3339: "2026-11-20T10:12:30Z")!,
            platform: "web", studyMode: "flashcards", subject: .uncommonLanguages, termLang: "eu", defLang: "es",
            lat: 43.3, lon: -2.0, userAge: 31, answersCorrect: 7, answersTotal: 9, termsStudied: 12))
    }

    @Test(arguments: [
        ("203.0.113.57", "203.0.113.0"),
        ("2001:db8:85a3:1234:5678:8a2e:370:7334", "2001:db8:85a3::"),
    ])
    func keepsOnlyTheNetworkPrefixOfTheIP(_ raw: String, _ stored: String) throws {
        let session = try #require(accepted(Self.base.setting("ip", raw: quoted(raw))))
        #expect(session.ip == stored)
    }

    @Test func roundTripsThroughJSON() throws {
        let original = try #require(accepted(Self.base.setting([
            "subject": quoted("German"), "ip": quoted("198.51.100.0"), "lat": "52.5", "answers_total": "4",
        ])))
        let reencoded = try JSONEncoder().encode(original)
        guard case .accepted(let decoded) = SessionDecoding(json: reencoded, now: Samples.now) else {
            Issue.record("re-encoded session was not accepted: \(String(decoding: reencoded, as: UTF8.self))")
            return
        }
        #expect(decoded == original)
    }

    private func accepted(_ document: JSONObject) -> StudySession? {
        if case .accepted(let session) = SessionDecoding(json: document.bytes, now: Samples.now) { session } else { nil }
    }
}
