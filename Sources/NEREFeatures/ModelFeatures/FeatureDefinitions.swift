import Foundation
import NEREContracts

/// The per-step inputs of the NERE network (DESIGN §5): 13 user/session features and 12 set
/// features. Categorical features go through their own learned embedding (id 0 = unknown or
/// missing); continuous ones are standardised with the training period's mean and standard
/// deviation, a missing value taking the mean (so it scales to 0). All times are UTC.
///
/// User/session features, read from the `StudySession`:
/// - `platform` (categorical): `platform`.
/// - `study_mode` (categorical): `study_mode`.
/// - `session_term_lang` (categorical): the session's `term_lang`.
/// - `session_def_lang` (categorical): the session's `def_lang`.
/// - `hour_of_day` (categorical): hour of `started_at`, `00`…`23`.
/// - `day_of_week` (categorical): weekday of `started_at`, `mon`…`sun`.
/// - `session_minutes` (continuous): `ended_at` − `started_at`, in minutes.
/// - `lat`, `lon` (continuous): the coarse location.
/// - `user_age` (continuous): `user_age`.
/// - `mastery` (continuous): `answers_correct` / `answers_total`; missing when either is
///   missing or `answers_total` is 0.
/// - `speed` (continuous): `terms_studied` per minute; missing when `terms_studied` is missing
///   or the session lasted under 6 seconds (too short for a rate to mean anything).
/// - `study_day` (continuous): whole days from 2020-01-01 to `ended_at`, the paper's "study
///   date".
///
/// Set features, read from the catalog's `StudySet` (all unknown/imputed when the session's
/// set is not in the catalog):
/// - `set_subject` (categorical): `subject`.
/// - `set_term_lang`, `set_def_lang` (categorical): the set's languages.
/// - `set_has_images`, `set_has_diagrams` (categorical): `true` or `false`.
/// - `set_preferred_study_mode`, `set_preferred_platform` (categorical).
/// - `set_log_studiers` (continuous): log(1 + `studier_count`).
/// - `set_mean_studier_age` (continuous): `mean_studier_age`.
/// - `set_log_views` (continuous): log(1 + `total_views`).
/// - `set_mean_session_minutes` (continuous): `mean_session_length_min`.
/// - `set_log_terms` (continuous): log(1 + number of terms).
///
/// The network sees the 13 categorical features in the order above (6 session, then 7 set),
/// then the 12 continuous ones (7 session, then 5 set). Counts enter as log1p so that their
/// heavy tails do not dominate the standardised block.
enum FeatureDefinitions {
    static let sessionCategorical: [FeatureDefinition<StudySession, String>] = [
        .init("platform") { $0.platform },
        .init("study_mode") { $0.studyMode },
        .init("session_term_lang") { $0.termLang },
        .init("session_def_lang") { $0.defLang },
        .init("hour_of_day") { hourNames[$0.startedAt.utcHour] },
        .init("day_of_week") { dayNames[$0.startedAt.utcWeekday] },
    ]

    static let sessionContinuous: [FeatureDefinition<StudySession, Double>] = [
        .init("session_minutes") { $0.minutes },
        .init("lat") { $0.lat },
        .init("lon") { $0.lon },
        .init("user_age") { $0.userAge.map(Double.init) },
        .init("mastery") { session in
            guard let correct = session.answersCorrect, let total = session.answersTotal, total > 0 else { return nil }
            return Double(correct) / Double(total)
        },
        .init("speed") { session in
            guard let terms = session.termsStudied, session.durationMicroseconds >= minimumMicrosecondsForSpeed else {
                return nil
            }
            return Double(terms) / session.minutes
        },
        .init("study_day") { Double($0.endedAt.daysSince2020) },
    ]

    static let setCategorical: [FeatureDefinition<StudySet, String>] = [
        .init("set_subject") { $0.subject.rawValue },
        .init("set_term_lang") { $0.termLang },
        .init("set_def_lang") { $0.defLang },
        .init("set_has_images") { String($0.hasImages) },
        .init("set_has_diagrams") { String($0.hasDiagrams) },
        .init("set_preferred_study_mode") { $0.preferredStudyMode },
        .init("set_preferred_platform") { $0.preferredPlatform },
    ]

    static let setContinuous: [FeatureDefinition<StudySet, Double>] = [
        .init("set_log_studiers") { log1p(Double($0.studierCount)) },
        .init("set_mean_studier_age") { $0.meanStudierAge },
        .init("set_log_views") { log1p(Double($0.totalViews)) },
        .init("set_mean_session_minutes") { $0.meanSessionLengthMin },
        .init("set_log_terms") { log1p(Double($0.terms.count)) },
    ]

    private static let minimumMicrosecondsForSpeed: Int64 = 6_000_000

    /// Zero-padded so the vocabulary's sorted order is the clock's order.
    private static let hourNames = (0..<24).map { $0 < 10 ? "0\($0)" : "\($0)" }
    private static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
}

/// One input feature: its name in configs and attention maps, and how a session or set yields
/// its value (nil = missing).
struct FeatureDefinition<Source, Value>: Sendable {
    let name: String
    let value: @Sendable (Source) -> Value?

    init(_ name: String, value: @escaping @Sendable (Source) -> Value?) {
        self.name = name
        self.value = value
    }
}

extension StudySession {
    fileprivate var durationMicroseconds: Int64 { endedAt.microsecondsSinceEpoch - startedAt.microsecondsSinceEpoch }
    fileprivate var minutes: Double { Double(durationMicroseconds) / 60_000_000 }
}

extension Timestamp {
    private static let microsecondsPerDay: Int64 = 86_400_000_000
    private static let start2020 = Timestamp(microsecondsSinceEpoch: 1_577_836_800_000_000)

    /// Days since 1970-01-01, rounded down (also before 1970).
    private var epochDay: Int64 {
        let (day, rest) = microsecondsSinceEpoch.quotientAndRemainder(dividingBy: Self.microsecondsPerDay)
        return rest < 0 ? day - 1 : day
    }

    fileprivate var utcHour: Int {
        Int((microsecondsSinceEpoch - epochDay * Self.microsecondsPerDay) / 3_600_000_000)
    }

    /// 0 = Monday … 6 = Sunday; 1970-01-01 was a Thursday.
    fileprivate var utcWeekday: Int {
        Int(((epochDay + 3) % 7 + 7) % 7)
    }

    fileprivate var daysSince2020: Int64 { epochDay - Self.start2020.epochDay }
}
