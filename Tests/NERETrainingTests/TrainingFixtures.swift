import NEREContracts

/// Small hand-made sessions, sets and content vectors: every test states its own data.
enum TrainingFixture {
    static let start = Timestamp(rfc3339: "2026-01-05T08:00:00Z")!

    static func session(_ eventID: String, user: String = "u1", set: String, atDay day: Double,
                        subject: Subject? = .french, platform: String = "web") -> StudySession {
        let ended = start.adding(seconds: day * 86_400)
        return StudySession(eventID: eventID, userID: user, setID: set, startedAt: ended.adding(seconds: -600),
                            endedAt: ended, platform: platform, studyMode: "learn", subject: subject)
    }

    static func set(_ id: String, subject: Subject = .french, studierCount: Int = 10) -> StudySet {
        StudySet(setID: id, title: "Title of \(id)", terms: ["lundi", "mardi"], definitions: ["Monday", "Tuesday"],
                 subject: subject, termLang: "fr", defLang: "en", studierCount: studierCount, meanStudierAge: 16,
                 totalViews: 100, hasImages: false, hasDiagrams: true, preferredStudyMode: "learn",
                 preferredPlatform: "web", meanSessionLengthMin: 12)
    }

    static let contentWidth = 3

    /// A distinct vector per set id: its number, then two constants, so a window's content
    /// shows exactly which sets it holds and in which order.
    static func vector(_ setID: String) -> [Float] {
        [Float(setID.unicodeScalars.reduce(0) { $0 * 31 + Int($1.value) } % 10_007), 1, -1]
    }
}
