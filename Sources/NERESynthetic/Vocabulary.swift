import Foundation
import NEREContracts

/// One flashcard.
struct Card: Sendable, Hashable {
    var term: String
    var definition: String
}

/// One unit of a syllabus: the pool of cards a teacher draws a set from.
struct Topic: Sendable {
    var title: String
    var cards: [Card]
    /// Leading cards every set on the unit contains: a "months" set without August is not a
    /// months set.
    var coreCount: Int

    /// English content: a title line, then `term | definition` lines, optionally a `--` line
    /// after the core cards.
    init(parsing text: String) {
        var lines = text.split(separator: "\n").map(String.init)
        title = lines.removeFirst()
        var cards: [Card] = []
        var core = 0
        for line in lines {
            if line == "--" {
                core = cards.count
                continue
            }
            let fields = Topic.fields(line)
            precondition(fields.count == 2, "malformed card line: \(line)")
            cards.append(Card(term: fields[0], definition: fields[1]))
        }
        self.cards = cards
        coreCount = core
    }

    init(title: String, cards: [Card], coreCount: Int) {
        self.title = title
        self.cards = cards
        self.coreCount = coreCount
    }

    static func fields(_ line: String) -> [String] {
        line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// A course a school runs over a subject's units: which units, in which order, for whom.
struct Track: Sendable {
    var names: [String]
    var topics: [Int]
    var ages: ClosedRange<Int>

    init(_ names: [String], topics: [Int], ages: ClosedRange<Int>) {
        self.names = names
        self.topics = topics
        self.ages = ages
    }
}

/// The material of one subject in one term language.
struct SubjectContent: Sendable {
    var subject: Subject
    var termLanguage: String
    var definitionLanguage: String
    var topics: [Topic]
    var tracks: [Track]

    /// Subjects taught in English: terms and definitions are both English.
    init(subject: Subject, topics: [String], tracks: [Track]) {
        self.init(subject: subject, termLanguage: "en", topics: topics.map(Topic.init(parsing:)), tracks: tracks)
    }

    init(subject: Subject, termLanguage: String, topics: [Topic], tracks: [Track]) {
        self.subject = subject
        self.termLanguage = termLanguage
        definitionLanguage = "en"
        self.topics = topics
        self.tracks = tracks
        precondition(tracks.allSatisfy { $0.topics.allSatisfy(topics.indices.contains) },
                     "a track of \(subject) names a unit that does not exist")
    }

    /// A foreign-language course: terms in `code`, definitions in English, units from
    /// `LanguageTopics`. Course names are English, native and university-style.
    static func language(_ subject: Subject, code: String, english: String, native: String,
                         courseCode: String) -> SubjectContent {
        let column = LanguageTopics.columns.firstIndex(of: code)!
        let topics = LanguageTopics.blocks.map { block -> Topic in
            var rows = block.split(separator: "\n").map { Topic.fields(String($0)) }
            let titles = rows.removeFirst()
            var cards: [Card] = []
            var core = 0
            for row in rows {
                if row == ["--"] {
                    core = cards.count
                    continue
                }
                precondition(row.count == LanguageTopics.columns.count, "malformed language row: \(row)")
                cards.append(Card(term: row[column], definition: row[0]))
            }
            return Topic(title: titles[column], cards: cards, coreCount: core)
        }
        // Units: 0 greetings, 1 days, 2 months, 3 numbers, 4 colors, 5 family, 6 school,
        // 7 food, 8 body, 9 clothes, 10 house, 11 weather, 12 animals, 13 town, 14 verbs,
        // 15 travel.
        let tracks = [
            Track(["\(english) 1", "\(english) I", "\(native) 1"], topics: [0, 1, 2, 3, 4, 5, 6, 7, 8], ages: 13...15),
            Track(["\(english) 2", "\(english) II", "\(native) 2"], topics: [6, 7, 8, 9, 10, 11, 12, 13, 14, 15], ages: 14...16),
            Track(["Conversational \(english)", "\(english) for Travelers"], topics: [0, 1, 3, 7, 13, 15, 11], ages: 19...55),
            Track(["\(courseCode) 101", "Elementary \(english)"], topics: [0, 1, 2, 3, 5, 7, 11, 14, 9], ages: 18...22),
        ]
        return SubjectContent(subject: subject, termLanguage: code, topics: topics, tracks: tracks)
    }
}

/// How a subject shows up on the site: how many classes teach it, what its sets look like,
/// and the material they are made of.
struct SubjectProfile: Sendable {
    var subject: Subject
    /// Relative number of courses and classes; language and science classes dominate
    /// flashcard use, theology and sports are rare.
    var popularity: Double
    var imageRate: Double
    var diagramRate: Double
    var contents: [SubjectContent]

    var definitionLanguage: String { contents[0].definitionLanguage }

    /// In `Subject.allCases` order, so that every subject gets a course before any gets two.
    static let all: [SubjectProfile] = Subject.allCases.map(profile(for:))

    private static func profile(for subject: Subject) -> SubjectProfile {
        switch subject {
        case .theology: SubjectProfile(subject, 2, 0.10, 0.02, [.theology])
        case .history: SubjectProfile(subject, 10, 0.20, 0.05, [.history])
        case .uncommonLanguages: SubjectProfile(subject, 4, 0.20, 0.02, [
            .language(subject, code: "it", english: "Italian", native: "Italiano", courseCode: "ITAL"),
            .language(subject, code: "pt", english: "Portuguese", native: "Português", courseCode: "PORT"),
            .language(subject, code: "nl", english: "Dutch", native: "Nederlands", courseCode: "DUTCH"),
        ])
        case .communications: SubjectProfile(subject, 3, 0.10, 0.05, [.communications])
        case .formalSciences: SubjectProfile(subject, 7, 0.15, 0.30, [.formalSciences])
        case .visualArts: SubjectProfile(subject, 3, 0.55, 0.05, [.visualArts])
        case .socialSciences: SubjectProfile(subject, 7, 0.10, 0.08, [.socialSciences])
        case .appliedSciences: SubjectProfile(subject, 6, 0.25, 0.30, [.appliedSciences])
        case .vocabulary: SubjectProfile(subject, 8, 0.05, 0.0, [.vocabulary])
        case .german: SubjectProfile(subject, 6, 0.25, 0.02,
                                     [.language(subject, code: "de", english: "German", native: "Deutsch", courseCode: "GER")])
        case .performingArts: SubjectProfile(subject, 2, 0.30, 0.10, [.performingArts])
        case .sports: SubjectProfile(subject, 2, 0.30, 0.15, [.sports])
        case .french: SubjectProfile(subject, 10, 0.25, 0.02,
                                     [.language(subject, code: "fr", english: "French", native: "Français", courseCode: "FREN")])
        case .readingVocabulary: SubjectProfile(subject, 5, 0.05, 0.02, [.readingVocabulary])
        case .spanish: SubjectProfile(subject, 13, 0.25, 0.02,
                                      [.language(subject, code: "es", english: "Spanish", native: "Español", courseCode: "SPAN")])
        case .naturalSciences: SubjectProfile(subject, 12, 0.40, 0.35, [.naturalSciences])
        case .geography: SubjectProfile(subject, 5, 0.45, 0.30, [.geography])
        }
    }

    private init(_ subject: Subject, _ popularity: Double, _ imageRate: Double, _ diagramRate: Double,
                 _ contents: [SubjectContent]) {
        self.subject = subject
        self.popularity = popularity
        self.imageRate = imageRate
        self.diagramRate = diagramRate
        self.contents = contents
    }

    /// Teachers' names appear in set titles the way they do on real class sets.
    static func teachers(for language: String) -> [String] {
        switch language {
        case "fr": ["Mme Laurent", "M. Girard", "Mme Dubois", "M. Lefèvre", "Mme Moreau"]
        case "es": ["Sra. García", "Sr. López", "Sra. Martínez", "Profe Ruiz", "Sr. Hernández"]
        case "de": ["Frau Schmidt", "Herr Weber", "Frau Becker", "Herr Fischer", "Frau Müller"]
        case "it": ["Prof.ssa Rossi", "Prof. Bianchi", "Prof.ssa Ricci"]
        case "pt": ["Prof.ª Silva", "Prof. Costa", "Prof.ª Sousa"]
        case "nl": ["Mevr. de Vries", "Dhr. Jansen", "Mevr. Bakker"]
        default: ["Mr. Carter", "Ms. Nguyen", "Mrs. Okafor", "Dr. Patel", "Mr. Alvarez", "Ms. Kowalski",
                  "Mr. Brooks", "Mrs. Chen", "Ms. Rivera", "Mr. Thompson", "Dr. Ibrahim", "Ms. Jensen"]
        }
    }
}
