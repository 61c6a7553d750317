import Foundation

/// One finished study session: the value of `nere.study-events` (DESIGN §2), the paper's
/// users table. Decoding validates every rule and applies the privacy rules (the `ip` loses
/// its host part); sessions of users under 13 decode to `SessionDecoding.droppedUnderage`
/// and are never constructed.
public struct StudySession: Sendable, Hashable, Codable {
    public var eventID: String
    public var userID: String
    public var setID: String
    public var startedAt: Timestamp
    public var endedAt: Timestamp
    public var platform: String
    public var studyMode: String
    public var subject: Subject?
    public var termLang: String?
    public var defLang: String?
    public var lat: Double?
    public var lon: Double?
    /// Network prefix only: IPv4 /24 (last octet zeroed) or IPv6 /48.
    public var ip: String?
    public var userAge: Int?
    public var answersCorrect: Int?
    public var answersTotal: Int?
    public var termsStudied: Int?

    public init(eventID: String, userID: String, setID: String, startedAt: Timestamp, endedAt: Timestamp,
                platform: String, studyMode: String, subject: Subject? = nil, termLang: String? = nil,
                defLang: String? = nil, lat: Double? = nil, lon: Double? = nil, ip: String? = nil,
                userAge: Int? = nil, answersCorrect: Int? = nil, answersTotal: Int? = nil,
                termsStudied: Int? = nil) {
        self.eventID = eventID
        self.userID = userID
        self.setID = setID
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.platform = platform
        self.studyMode = studyMode
        self.subject = subject
        self.termLang = termLang
        self.defLang = defLang
        self.lat = lat
        self.lon = lon
        self.ip = ip
        self.userAge = userAge
        self.answersCorrect = answersCorrect
        self.answersTotal = answersTotal
        self.termsStudied = termsStudied
    }

    enum CodingKeys: String, CodingKey {
        case eventID = "event_id", userID = "user_id", setID = "set_id"
        case startedAt = "started_at", endedAt = "ended_at", platform, studyMode = "study_mode"
        case subject, termLang = "term_lang", defLang = "def_lang", lat, lon, ip
        case userAge = "user_age", answersCorrect = "answers_correct", answersTotal = "answers_total"
        case termsStudied = "terms_studied"
    }

    /// Thrown from `init(from:)` for a session that must not be stored at all.
    struct Underage: Error {}

    public init(from decoder: any Decoder) throws {
        let c = try ValidatingContainer(decoder, keyedBy: CodingKeys.self)
        let now = decoder.validationClock
        let label = ContractLimits.maxLabelBytes
        userAge = try c.optionalInteger(.userAge, in: 0...ContractLimits.maximumUserAge)
        if let userAge, userAge < ContractLimits.minimumUserAge { throw Underage() }
        eventID = try c.identifier(.eventID)
        userID = try c.identifier(.userID)
        setID = try c.identifier(.setID)
        startedAt = try c.timestamp(.startedAt, now: now)
        endedAt = try c.timestamp(.endedAt, now: now)
        if endedAt < startedAt {
            throw ContractViolation(field: "ended_at", reason: .endedBeforeStarted,
                                    detail: "\(endedAt) is before started_at \(startedAt)")
        }
        platform = try c.text(.platform, maxBytes: label)
        studyMode = try c.text(.studyMode, maxBytes: label)
        subject = try c.subject(.subject)
        termLang = try c.optionalText(.termLang, maxBytes: label)
        defLang = try c.optionalText(.defLang, maxBytes: label)
        lat = try c.optionalNumber(.lat, in: -90...90)
        lon = try c.optionalNumber(.lon, in: -180...180)
        if let raw = try c.optionalText(.ip, maxBytes: label) {
            guard let prefix = IPAddressPrefix.anonymise(raw) else {
                throw ContractViolation(field: "ip", reason: .invalidIP, detail: "\(raw.prefix(64)) is not an IPv4 or IPv6 address")
            }
            ip = prefix
        }
        answersTotal = try c.optionalInteger(.answersTotal, in: 0...1_000_000)
        answersCorrect = try c.optionalInteger(.answersCorrect, in: 0...(answersTotal ?? 1_000_000))
        termsStudied = try c.optionalInteger(.termsStudied, in: 0...1_000_000)
    }
}

/// The three outcomes of reading a `nere.study-events` value.
public enum SessionDecoding: Sendable {
    case accepted(StudySession)
    /// DESIGN §2: sessions of users under 13 are dropped and never stored (only counted).
    case droppedUnderage
    case rejected(ContractViolation)

    public init(json bytes: some Collection<UInt8>, now: Timestamp) {
        switch PayloadDecoding.decode(StudySessionOrUnderage.self, from: bytes, now: now) {
        case .success(.session(let session)): self = .accepted(session)
        case .success(.underage): self = .droppedUnderage
        case .failure(let violation): self = .rejected(violation)
        }
    }
}

/// Lets the underage signal travel through `JSONDecoder` without being mistaken for a
/// malformed payload.
private enum StudySessionOrUnderage: Decodable {
    case session(StudySession)
    case underage

    init(from decoder: any Decoder) throws {
        do {
            self = .session(try StudySession(from: decoder))
        } catch is StudySession.Underage {
            self = .underage
        }
    }
}
