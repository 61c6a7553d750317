import NEREContracts

/// What a generation run wrote. Event counts are of lines in events.jsonl, so a consumer can
/// check itself against them: it should accept `events - malformedEvents - underageEvents`
/// lines, of which `duplicateEvents` repeat an earlier event_id and `outOfOrderEvents` end
/// before an event it has already accepted.
public struct SyntheticSummary: Sendable, Codable, Equatable {
    public var seed: UInt64
    public var sets: Int
    /// Included in `sets`.
    public var nearDuplicateSets: Int
    public var courses: Int
    /// Classes: groups of students following one course together.
    public var cohorts: Int
    /// Users with at least one event.
    public var users: Int
    /// Included in `users`.
    public var underageUsers: Int
    /// Lines in events.jsonl, faulty ones included.
    public var events: Int
    /// Second deliveries of an event: same event_id, same bytes.
    public var duplicateEvents: Int
    /// Well-formed first deliveries that end before an earlier well-formed line.
    public var outOfOrderEvents: Int
    /// Well-formed events of users aged 9–12, which a consumer must drop.
    public var underageEvents: Int
    public var malformedEvents: Int
    public var firstEndedAt: Timestamp
    public var lastEndedAt: Timestamp

    enum CodingKeys: String, CodingKey {
        case seed, sets, nearDuplicateSets = "near_duplicate_sets", courses, cohorts, users
        case underageUsers = "underage_users", events, duplicateEvents = "duplicate_events"
        case outOfOrderEvents = "out_of_order_events", underageEvents = "underage_events"
        case malformedEvents = "malformed_events", firstEndedAt = "first_ended_at", lastEndedAt = "last_ended_at"
    }
}
