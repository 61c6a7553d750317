/// The 17 broad subjects of the NERE paper's footnote. Windows, popularity and
/// recommendations are all kept per subject, so an unknown subject is a contract violation
/// rather than a new bucket that nothing downstream knows how to serve.
public enum Subject: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case theology = "Theology"
    case history = "History"
    case uncommonLanguages = "Uncommon Languages"
    case communications = "Communications"
    case formalSciences = "Formal sciences"
    case visualArts = "Visual Arts"
    case socialSciences = "Social Sciences"
    case appliedSciences = "Applied Sciences"
    case vocabulary = "Vocabulary"
    case german = "German"
    case performingArts = "Performing Arts"
    case sports = "Sports"
    case french = "French"
    case readingVocabulary = "Reading Vocabulary"
    case spanish = "Spanish"
    case naturalSciences = "Natural Sciences"
    case geography = "Geography"

    public static func < (lhs: Subject, rhs: Subject) -> Bool { lhs.rawValue < rhs.rawValue }
}
