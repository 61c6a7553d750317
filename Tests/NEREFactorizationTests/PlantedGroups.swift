import NEREContracts
import NEREFeatures
@testable import NEREFactorization

/// Two kinds of students in one subject: group A (iPhone, 14 years old) studies only the
/// A sets, group B (Android, 17) only the B sets. The sets' own records are identical, so
/// only who studied them tells the groups apart. A second subject's C sets are studied by
/// everyone, so a ranking leaking across subjects would show them.
enum PlantedGroups {
    static let subject = Subject.french
    static let otherSubject = Subject.history
    static let aSets = (1...5).map { "A\($0)" }
    static let bSets = (1...5).map { "B\($0)" }
    static let cSets = (1...4).map { "C\($0)" }
    static let start = Timestamp(rfc3339: "2026-02-02T09:00:00Z")!

    enum Group: CaseIterable {
        case a, b
        var sets: [String] { self == .a ? PlantedGroups.aSets : PlantedGroups.bSets }
        var platform: String { self == .a ? "ios" : "android" }
        var age: Int { self == .a ? 14 : 17 }
    }

    static var catalog: [StudySet] {
        (aSets + bSets).map { record($0, subject: subject) } + cSets.map { record($0, subject: otherSubject) }
    }

    static func record(_ id: String, subject: Subject) -> StudySet {
        StudySet(setID: id, title: id, terms: ["x"], definitions: ["y"], subject: subject, termLang: "en", defLang: "en",
                 studierCount: 5, meanStudierAge: 15, totalViews: 50, hasImages: false, hasDiagrams: false,
                 preferredStudyMode: "flashcards", preferredPlatform: "web", meanSessionLengthMin: 8)
    }

    static func session(_ n: Int, user: String, group: Group, set: String) -> StudySession {
        let ended = Timestamp(microsecondsSinceEpoch: start.microsecondsSinceEpoch + Int64(n) * 60_000_000)
        return StudySession(eventID: "e\(n)", userID: user, setID: set, startedAt: ended, endedAt: ended,
                            platform: group.platform, studyMode: "learn", subject: set.hasPrefix("C") ? otherSubject : subject,
                            termLang: "en", userAge: group.age)
    }

    /// `usersPerGroup` users per group, each with `sessionsPerUser` sessions of their group's
    /// sets and one C set, interleaved in time.
    static func sessions(usersPerGroup: Int = 30, sessionsPerUser: Int = 6) -> [StudySession] {
        var sessions: [StudySession] = []
        for round in 0..<sessionsPerUser {
            for user in 0..<usersPerGroup {
                for group in Group.allCases {
                    let set = round == 0 ? cSets[user % cSets.count] : group.sets[(user + round) % group.sets.count]
                    sessions.append(session(sessions.count, user: "\(group)\(user)", group: group, set: set))
                }
            }
        }
        return sessions
    }

    /// A fixed pseudo-random content vector per set, unrelated to the groups.
    static func contentVector(_ setID: String) -> [Float]? {
        var random = Xoshiro256(seed: UInt64(setID.utf8.reduce(7) { $0 &* 131 &+ Int($1) }))
        return (0..<ContractLimits.contentVectorDimensions).map { _ in Float(random.nextUnit() - 0.5) }
    }

    static func train(_ options: FactorizationOptions) -> HybridFactorization {
        HybridFactorization(sessions: sessions(), sets: catalog, contentVector: contentVector, options: options)
    }

    /// A window of one session of `set` for a user of `group`.
    static func window(user: String, group: Group, set: String, catalog: SetCatalog) -> SessionWindow {
        let entry = WindowSession(session: session(100_000, user: user, group: group, set: set), setIndex: catalog.intern(set))
        let key = WindowKey(userID: user, subject: entry.session.subject!)
        var window = SessionWindow(key: key)
        _ = window.apply(entry)
        return window
    }
}
