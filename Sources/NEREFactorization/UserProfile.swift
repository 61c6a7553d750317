import NEREContracts

/// The user metadata a factorisation can carry from a user's sessions to a prediction: each
/// field's most frequent value over the sessions given (ties to the latest), so one session on
/// an unusual device does not move the user. The factorisation has one profile per user
/// rather than per session because what it predicts is the next session, whose own
/// metadata is not known yet.
public struct UserProfile: Sendable, Hashable {
    public var platform: String?
    public var studyMode: String?
    public var termLanguage: String?
    public var ageBand: String?

    public init(platform: String? = nil, studyMode: String? = nil, termLanguage: String? = nil, ageBand: String? = nil) {
        self.platform = platform
        self.studyMode = studyMode
        self.termLanguage = termLanguage
        self.ageBand = ageBand
    }

    public init(sessions: some Sequence<StudySession>) {
        var platforms = ModeCounter(), modes = ModeCounter(), languages = ModeCounter(), bands = ModeCounter()
        for session in sessions {
            platforms.add(session.platform)
            modes.add(session.studyMode)
            languages.add(session.termLang)
            bands.add(session.userAge.map(Self.ageBand))
        }
        self.init(platform: platforms.mode, studyMode: modes.mode, termLanguage: languages.mode, ageBand: bands.mode)
    }

    /// School stages rather than years: a year of age barely changes what is studied, a stage
    /// changes the courses.
    public static func ageBand(_ age: Int) -> String {
        switch age {
        case ..<15: "13-14"
        case 15...16: "15-16"
        case 17...18: "17-18"
        case 19...22: "19-22"
        default: "23+"
        }
    }
}

private struct ModeCounter {
    private var counts: [String: (count: Int, last: Int)] = [:]
    private var seen = 0

    mutating func add(_ value: String?) {
        seen += 1
        guard let value else { return }
        counts[value, default: (0, 0)].count += 1
        counts[value]!.last = seen
    }

    var mode: String? {
        counts.max { ($0.value.count, $0.value.last) < ($1.value.count, $1.value.last) }?.key
    }
}
