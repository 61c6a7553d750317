import Foundation
import Testing
@testable import NEREContracts

@Suite("StudySet contract")
struct StudySetContractTests {
    static let base = Samples.studySet
    static let dimensions = ContractLimits.contentVectorDimensions

    /// A content vector whose element `index` is `raw` and every other element 0.
    static func vector(_ raw: String, at index: Int) -> String {
        var elements = Array(repeating: "0", count: dimensions)
        elements[index] = raw
        return "[" + elements.joined(separator: ", ") + "]"
    }

    static let refusals: [Refusal] = Refusal.missing(Samples.studySetRequiredFields, from: base) + [
        Refusal("subject null", base.setting("subject", raw: "null"), "subject", .missing),
        Refusal("unknown subject", base.setting("subject", raw: quoted("Klingon")), "subject", .unknownSubject),
        Refusal("empty set_id", base.setting("set_id", raw: quoted("")), "set_id", .empty),
        Refusal("set_id of 257 bytes", base.setting("set_id", raw: Samples.text("s", count: 257)), "set_id", .tooLong),
        Refusal("empty title", base.setting("title", raw: quoted("")), "title", .empty),
        Refusal("title of 1025 bytes", base.setting("title", raw: Samples.text("t", count: 1025)), "title", .tooLong),
        Refusal("empty def_lang", base.setting("def_lang", raw: quoted("")), "def_lang", .empty),
        Refusal("preferred_platform of 65 bytes", base.setting("preferred_platform", raw: Samples.text("p", count: 65)),
                "preferred_platform", .tooLong),
        Refusal("terms not an array", base.setting("terms", raw: quoted("janvier, février, août")), "terms", .wrongType),
        Refusal("a term that is a number", base.setting("terms", raw: #"["janvier", 2, "août"]"#), "terms[1]", .wrongType),
        Refusal("a term of 4097 bytes", base.setting("terms", raw: "[\"a\", \"b\", \(Samples.text("x", count: 4097))]"),
                "terms[2]", .tooLong),
        Refusal("10,001 terms", base.setting("terms", raw: jsonArray(repeating: quoted(""), count: 10_001)), "terms", .tooLong),
        Refusal("10,001 definitions", base.setting("definitions", raw: jsonArray(repeating: quoted(""), count: 10_001)),
                "definitions", .tooLong),
        Refusal("four definitions for three terms", base.setting("definitions", raw: #"["a", "b", "c", "d"]"#),
                "definitions", .lengthMismatch),
        Refusal("two definitions for three terms", base.setting("definitions", raw: #"["a", "b"]"#),
                "definitions", .lengthMismatch),
        Refusal("content_vector of 127 numbers", base.setting("content_vector", raw: jsonArray(repeating: "0.5", count: 127)),
                "content_vector", .lengthMismatch),
        Refusal("content_vector of 129 numbers", base.setting("content_vector", raw: jsonArray(repeating: "0.5", count: 129)),
                "content_vector", .lengthMismatch),
        Refusal("empty content_vector", base.setting("content_vector", raw: "[]"), "content_vector", .lengthMismatch),
        Refusal("content_vector beyond 32-bit floats", base.setting("content_vector", raw: vector("1e39", at: 5)),
                "content_vector[5]", .outOfRange),
        Refusal("content_vector just beyond the largest float", base.setting("content_vector", raw: vector("-3.4028236e38", at: 127)),
                "content_vector[127]", .outOfRange),
        Refusal("content_vector holding a string", base.setting("content_vector", raw: vector(quoted("0.5"), at: 3)),
                "content_vector[3]", .wrongType),
        Refusal("content_vector not an array", base.setting("content_vector", raw: "0.5"), "content_vector", .wrongType),
        Refusal("studier_count negative", base.setting("studier_count", raw: "-1"), "studier_count", .outOfRange),
        Refusal("studier_count above 32 bits", base.setting("studier_count", raw: "2147483648"), "studier_count", .outOfRange),
        Refusal("studier_count with a fraction", base.setting("studier_count", raw: "1.5"), "studier_count", .wrongType),
        Refusal("total_views negative", base.setting("total_views", raw: "-5"), "total_views", .outOfRange),
        Refusal("total_views above 64 bits", base.setting("total_views", raw: "9223372036854775808"), "total_views", .wrongType),
        Refusal("mean_studier_age 131", base.setting("mean_studier_age", raw: "131"), "mean_studier_age", .outOfRange),
        Refusal("mean_studier_age a string", base.setting("mean_studier_age", raw: quoted("16")), "mean_studier_age", .wrongType),
        Refusal("mean session longer than a week", base.setting("mean_session_length_min", raw: "10080.5"),
                "mean_session_length_min", .outOfRange),
        Refusal("has_images a string", base.setting("has_images", raw: quoted("yes")), "has_images", .wrongType),
        Refusal("has_diagrams a number", base.setting("has_diagrams", raw: "1"), "has_diagrams", .wrongType),
    ]

    @Test(arguments: refusals)
    func refuses(_ refusal: Refusal) {
        #expect(PayloadKind.studySet.decode(refusal.document) == refusal.expected)
    }

    static let keptDocuments = [
        Example("every field", base),
        Example("without content_vector", base.removing("content_vector")),
        Example("content_vector null", base.setting("content_vector", raw: "null")),
        Example("no terms", base.setting(["terms": "[]", "definitions": "[]"])),
        Example("empty term strings", base.setting(["terms": #"["", "b", "c"]"#, "definitions": #"["a", "", ""]"#])),
        Example("10,000 terms", base.setting([
            "terms": jsonArray(repeating: quoted("t"), count: 10_000),
            "definitions": jsonArray(repeating: quoted("d"), count: 10_000),
        ])),
        Example("a term of 4096 bytes", base.setting("terms", raw: "[\"a\", \"b\", \(Samples.text("x", count: 4096))]")),
        Example("title of 1024 bytes", base.setting("title", raw: Samples.text("t", count: 1024))),
        Example("unknown extra fields", base.setting(["owner": quoted("teacher-1"), "folders": #"["fr", {"a": 1}]"#])),
        Example("integers written with a zero fraction", base.setting(["studier_count": "1200.0", "total_views": "4.5e4"])),
        Example("largest total_views", base.setting("total_views", raw: "9223372036854775807")),
        Example("largest float in content_vector", base.setting("content_vector", raw: vector("-3.4028234663852886e38", at: 0))),
    ]

    @Test(arguments: keptDocuments)
    func accepts(_ example: Example) {
        #expect(PayloadKind.studySet.decode(example.document) == .accepted)
    }

    /// 1e-50 is below the smallest `Float` and must read as 0, not be refused.
    @Test func readsEveryField() throws {
        let set = try StudySet.decode(json: Self.base.setting("content_vector", raw: Self.vector("1e-50", at: 1)).bytes,
                                      now: Samples.now).get()
        let vector = [Float](repeating: 0, count: Self.dimensions)
        #expect(set == StudySet(
            setID: "set-7", title: "Les mois de l'année", terms: ["janvier", "février", "août"],
            definitions: ["January", "February", "August"], subject: .french, termLang: "fr", defLang: "en",
            studierCount: 1200, meanStudierAge: 16.5, totalViews: 45000, hasImages: false, hasDiagrams: true,
            preferredStudyMode: "flashcards", preferredPlatform: "ios", meanSessionLengthMin: 7.5, contentVector: vector))
    }

    @Test func roundTripsThroughJSON() throws {
        let original = try StudySet.decode(json: Self.base.bytes, now: Samples.now).get()
        let decoded = try StudySet.decode(json: JSONEncoder().encode(original), now: Samples.now).get()
        #expect(decoded == original)
    }
}
