@testable import NEREContracts

/// Valid documents that the tests vary one field at a time, and the pinned clock they are
/// valid at (future-timestamp checks must not depend on when the tests run).
enum Samples {
    static let now = Timestamp(rfc3339: "2026-11-23T00:00:00Z")!

    static let session = JSONObject([
        "event_id": quoted("ev-0001"),
        "user_id": quoted("u-42"),
        "set_id": quoted("set-7"),
        "started_at": quoted("2026-11-20T10:00:00Z"),
        "ended_at": quoted("2026-11-20T10:12:30Z"),
        "platform": quoted("web"),
        "study_mode": quoted("flashcards"),
    ])

    static let sessionRequiredFields = ["event_id", "user_id", "set_id", "started_at", "ended_at", "platform", "study_mode"]

    static let studySet = JSONObject([
        "set_id": quoted("set-7"),
        "title": quoted("Les mois de l'année"),
        "terms": #"["janvier", "février", "août"]"#,
        "definitions": #"["January", "February", "August"]"#,
        "subject": quoted("French"),
        "term_lang": quoted("fr"),
        "def_lang": quoted("en"),
        "studier_count": "1200",
        "mean_studier_age": "16.5",
        "total_views": "45000",
        "has_images": "false",
        "has_diagrams": "true",
        "preferred_study_mode": quoted("flashcards"),
        "preferred_platform": quoted("ios"),
        "mean_session_length_min": "7.5",
        "content_vector": jsonArray(repeating: "0.0625", count: ContractLimits.contentVectorDimensions),
    ])

    static let studySetRequiredFields = [
        "set_id", "title", "terms", "definitions", "subject", "term_lang", "def_lang", "studier_count",
        "mean_studier_age", "total_views", "has_images", "has_diagrams", "preferred_study_mode",
        "preferred_platform", "mean_session_length_min",
    ]

    static let recommendation = JSONObject([
        "user_id": quoted("u-42"),
        "subject": quoted("French"),
        "model_version": quoted("nere-small-20261101"),
        "generated_at": quoted("2026-11-20T10:12:31.250Z"),
        "source": #"{"topic": "nere.study-events", "partition": 3, "offset": 98765, "event_id": "ev-0001"}"#,
        "history_length": "3",
        "confidence": "0.42",
        "fallback": "false",
        "items": #"[{"set_id": "set-9", "score": 0.91}, {"set_id": "set-12", "score": 0.87}]"#,
        "attention": "[0.2, 0.3, 0.5]",
    ])

    static let recommendationRequiredFields = [
        "user_id", "subject", "model_version", "generated_at", "source", "history_length", "confidence",
        "fallback", "items", "attention",
    ]

    /// `count` copies of `character` as a JSON string: ids and labels at and past their limits.
    static func text(_ character: Character, count: Int) -> String {
        quoted(String(repeating: character, count: count))
    }
}
