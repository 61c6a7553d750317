import Foundation
import Testing
@testable import NEREContracts

/// Our JSON parser and writer against Foundation's `JSONSerialization`, a reference nobody
/// here wrote: they must read and write the same values.
struct JSONCodecTests {
    static let documents: [String] = [
        #"{}"#, #"[]"#, #"{"a":[1,2,3],"b":{"c":null}}"#, #"  {"a" : true , "b":false}  "#,
        #"{"s":"plain ascii"}"#, #"{"s":"août février mañana Mädchen"}"#,
        #"{"s":"quote \" backslash \\ slash \/ tab \t newline \n cr \r bs \b ff \f"}"#,
        #"{"s":"\u00e9\u4e2d\ud83d\ude00 \u0000 \u001f"}"#, #"{"s":"emoji 😀 and RTL שלום"}"#,
        #"{"n":[0,-0,1,-1,42,9007199254740993,1.5,-2.25,1e3,1E-3,6.02e23,1.7976931348623157e308,5e-324]}"#,
        #"[[[[[[["deep"]]]]]]]"#,
    ]

    static let malformed: [String] = [
        "", "   ", "{", "}", #"{"a"}"#, #"{"a":}"#, #"{"a":1,}"#, "[1,]", "[1 2]", #"{'a':1}"#,
        #"{"a":tru}"#, #"{"a":nul}"#, "01", "1.", ".5", "-", "1e", "+1", #"{"s":"unterminated}"#,
        "{\"s\":\"raw\nnewline\"}", #"{"s":"\x"}"#, #"{"s":"\u12"}"#, #"{"s":"\ud800"}"#, #"{"s":"\udc00x"}"#,
        #"{"a":1} trailing"#, "NaN", "[Infinity]", "1e999",
    ]

    func parse(_ text: String) -> JSONValue? {
        Array(text.utf8).withUnsafeBytes { try? JSONParser.parse($0) }
    }

    /// Foundation's parse, in our value type, for comparison.
    func reference(_ any: Any) -> JSONValue {
        switch any {
        case is NSNull: return .null
        case let string as String: return .string(string)
        case let array as [Any]: return .array(array.map(reference))
        case let object as [String: Any]: return .object(object.map { ($0.key, reference($0.value)) })
        case let number as NSNumber:
            if "\(type(of: number))".contains("Boolean") { return .bool(number.boolValue) }
            let double = number.doubleValue
            return .number(JSONNumber(double: double, integer: Int(exactly: double)))
        default: return .null
        }
    }

    @Test(arguments: documents)
    func parsesLikeFoundation(_ text: String) throws {
        let ours = try #require(parse(text), "our parser refused \(text)")
        let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(normalised(ours) == normalised(reference(theirs)))
    }

    /// Comparable form: Foundation reads large integers as Double (we keep the exact Int too)
    /// and its dictionaries are unordered.
    func normalised(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let n): return .number(JSONNumber(double: n.double, integer: nil))
        case .array(let elements): return .array(elements.map(normalised))
        case .object(let members):
            return .object(members.map { ($0.key, normalised($0.value)) }.sorted { $0.0 < $1.0 })
        default: return value
        }
    }

    /// Where Foundation is lenient (trailing commas) or reads an overflow as infinity, RFC 8259
    /// is the reference and we refuse.
    static let foundationAccepts: Set<String> = [#"{"a":1,}"#, "[1,]", "1e999"]

    @Test(arguments: malformed)
    func refusesWhatFoundationRefuses(_ text: String) {
        #expect(parse(text) == nil, "accepted \(text.debugDescription)")
        if !Self.foundationAccepts.contains(text) {
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) == nil,
                    "reference accepted \(text.debugDescription)")
        }
    }

    /// JSONDecoder keeps the first of duplicate keys (JSONSerialization the last); the decoders
    /// this parser replaced kept the first, so it does too.
    @Test func keepsTheFirstOfDuplicateKeys() throws {
        guard case .object(let members) = try #require(parse(#"{"dup":1,"dup":2}"#)) else {
            Issue.record("not an object")
            return
        }
        #expect(members.count == 1)
        #expect(members.first?.value == .number(JSONNumber(double: 1, integer: 1)))
    }

    @Test func refusesAbsurdNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(parse(deep) == nil)
    }

    @Test func writerOutputIsValidJSONThatFoundationReadsBack() throws {
        let tricky = "quote \" backslash \\ newline \n tab \t control \u{01} août 😀"
        let session = StudySession(eventID: tricky, userID: "u", setID: "s",
                                   startedAt: Timestamp(rfc3339: "2026-01-01T10:00:00.5Z")!,
                                   endedAt: Timestamp(rfc3339: "2026-01-01T10:05:00.123456Z")!,
                                   platform: "web", studyMode: "learn", subject: .french, lat: -12.5, lon: 0.1,
                                   userAge: 14, answersCorrect: 3, answersTotal: 7)
        let text = [session].jsonText
        let parsed = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(parsed.first?["event_id"] as? String == tricky)
        #expect(parsed.first?["ended_at"] as? String == "2026-01-01T10:05:00.123456Z")
        #expect(parsed.first?["lat"] as? Double == -12.5)
        guard case .accepted(let decoded) = SessionDecoding(json: Array(session.jsonText.utf8), now: Samples.now) else {
            Issue.record("our own output did not decode")
            return
        }
        #expect(decoded == session)
    }

    @Test func writerAndJSONEncoderAgreeOnRecommendations() throws {
        let recommendation = Recommendation(
            userID: "u-1", subject: .spanish, modelVersion: "m", generatedAt: Samples.now,
            source: .init(topic: "nere.study-events", partition: 3, offset: 12_345_678_901, eventID: "e"),
            historyLength: 5, confidence: 0.123456, fallback: true, fallbackReason: "cold_start",
            items: [.init(setID: "set-1", score: 0.5), .init(setID: "set-2", score: 1e-7)],
            attention: [0.1, 0.2, 0.3, 0.2, 0.2])
        let ours = try JSONSerialization.jsonObject(with: Data(recommendation.jsonText.utf8)) as? NSDictionary
        let foundations = try JSONSerialization.jsonObject(with: PayloadEncoding.json(recommendation)) as? NSDictionary
        #expect(ours == foundations)
        #expect(try PayloadDecoding.decode(Recommendation.self, from: Array(recommendation.jsonText.utf8), now: Samples.now).get()
                    == recommendation)
    }
}
