import Foundation
import NEREContracts

/// A set before its metadata is derived from the sessions that study it.
struct CatalogSet: Sendable {
    var id = ""
    var title: String
    var cards: [Card]
    var subject: Subject
    var termLanguage: String
    var definitionLanguage: String
    var course: Int
    /// Place in the course's syllabus; a near-duplicate takes its original's place.
    var position: Int
    /// The set this one was copied from, for near-duplicates.
    var original: Int?
    var hasImages: Bool
    var hasDiagrams: Bool
    /// Lowers every studier's mastery a little; review sets mix several units and are harder.
    var difficulty: Double
    var isReview: Bool
}

/// A teacher's syllabus: sets studied in this order over the school year.
struct Course: Sendable {
    var subject: Subject
    var name: String
    var ages: ClosedRange<Int>
    /// Heavy-tailed: a few courses are followed by many classes, most by one or two.
    var popularity: Double
    var sets: [Int]
}

/// Every set and course, built before any learner exists so that learners can choose
/// among them by popularity.
struct Catalog: Sendable {
    var sets: [CatalogSet] = []
    var courses: [Course] = []
    /// Near-duplicate copies of each set (empty for most).
    var copies: [[Int]] = []
    var nearDuplicateCount = 0

    /// Copies of popular sets make up this share of the catalog, as on any site where
    /// "copy this set" is one click.
    static let nearDuplicateShare = 0.05

    init(targetSets: Int, random: inout RandomSource) {
        let nearDuplicates = Int((Double(targetSets) * Catalog.nearDuplicateShare).rounded())
        let courseBudget = max(1, targetSets - nearDuplicates)
        let profiles = SubjectProfile.all
        let subjectChoice = WeightedChoice(profiles.map(\.popularity))
        while sets.count < courseBudget {
            let profile = courses.count < profiles.count ? profiles[courses.count] : profiles[subjectChoice.pick(&random)]
            addCourse(profile, budget: courseBudget - sets.count, random: &random)
        }
        addNearDuplicates(targetSets - sets.count, random: &random)
        copies = Array(repeating: [], count: sets.count)
        for (index, set) in sets.enumerated() {
            if let original = set.original { copies[original].append(index) }
        }
        assignIdentifiers(random: &random)
    }

    // MARK: Courses

    private mutating func addCourse(_ profile: SubjectProfile, budget: Int, random: inout RandomSource) {
        let content = random.pick(profile.contents)
        let track = random.pick(content.tracks)
        // Teachers rarely follow the book exactly: a unit is skipped now and then, and two
        // neighbouring units are sometimes taught the other way round.
        var units = track.topics.filter { _ in !random.chance(0.12) }
        if units.count < 2 { units = Array(track.topics.prefix(2)) }
        if units.count >= 3 && random.chance(0.2) {
            let i = random.below(units.count - 1)
            units.swapAt(i, i + 1)
        }
        let style = TitleStyle(name: random.pick(track.names),
                               teacher: random.pick(SubjectProfile.teachers(for: content.termLanguage)),
                               form: random.below(TitleStyle.formCount), period: random.int(in: 1...7))
        let courseIndex = courses.count
        var course = Course(subject: profile.subject, name: style.name, ages: track.ages,
                            popularity: min(random.pareto(shape: 1.1), 200), sets: [])
        // The teacher's foundation vocabulary, spiralled back into every later set: this is what
        // makes a course's sets resemble each other more than other courses' sets of the subject.
        let foundation = units.prefix(2).flatMap { content.topics[$0].cards }
        let keyTerms = random.sample(random.int(in: 6...8), of: foundation.count).map { foundation[$0] }
        let reviewEvery = random.chance(0.7) ? random.int(in: 2...4) : Int.max
        var previous: [Card] = []
        var sinceReview: [[Card]] = []
        var unitsSinceReview = 0
        var taught: [[Card]] = []

        func add(_ title: String, _ cards: [Card], difficulty: Double, isReview: Bool = false) {
            guard course.sets.count < budget else { return }
            course.sets.append(sets.count)
            sets.append(CatalogSet(
                title: title, cards: cards, subject: profile.subject, termLanguage: content.termLanguage,
                definitionLanguage: content.definitionLanguage, course: courseIndex, position: course.sets.count - 1,
                original: nil, hasImages: random.chance(profile.imageRate),
                hasDiagrams: random.chance(profile.diagramRate), difficulty: difficulty, isReview: isReview))
        }

        for (number, topicIndex) in units.enumerated() {
            let topic = content.topics[topicIndex]
            let cards = Catalog.unitCards(topic, previous: previous, keyTerms: number < 2 ? [] : keyTerms,
                                          random: &random)
            add(style.unitTitle(topic.title, number: number + 1), cards, difficulty: random.double(in: 0...0.2))
            previous = cards
            sinceReview.append(cards)
            taught.append(cards)
            unitsSinceReview += 1
            if unitsSinceReview == reviewEvery && number < units.count - 1 {
                let first = number + 2 - unitsSinceReview
                add(style.reviewTitle(first: first, last: number + 1),
                    Catalog.reviewCards(sinceReview, random: &random), difficulty: random.double(in: 0.1...0.3),
                    isReview: true)
                sinceReview = []
                unitsSinceReview = 0
            }
        }
        if taught.count >= 3 && random.chance(0.5) {
            add(style.finalReviewTitle, Catalog.reviewCards(taught, random: &random),
                difficulty: random.double(in: 0.15...0.35), isReview: true)
        }
        courses.append(course)
    }

    /// The unit's core cards, a sample of the rest in the unit's order, a few cards carried
    /// over from the previous set and a few of the course's key terms: teachers recycle
    /// vocabulary.
    static func unitCards(_ topic: Topic, previous: [Card], keyTerms: [Card], random: inout RandomSource) -> [Card] {
        let core = Array(topic.cards.prefix(topic.coreCount))
        let extras = Array(topic.cards.dropFirst(topic.coreCount))
        let wanted = max(core.count, random.int(in: 8...20))
        var cards = core + random.sample(wanted - core.count, of: extras.count).map { extras[$0] }
        var recycled: [Card] = []
        if !previous.isEmpty && random.chance(0.6) {
            recycled += random.sample(random.int(in: 1...3), of: previous.count).map { previous[$0] }
        }
        if !keyTerms.isEmpty {
            recycled += random.sample(random.int(in: 3...5), of: keyTerms.count).map { keyTerms[$0] }
        }
        for card in recycled where cards.count < 30 && !cards.contains(where: { $0.term == card.term }) {
            cards.append(card)
        }
        return cards
    }

    /// A test review mixes the units it covers, 20 to 30 cards.
    static func reviewCards(_ units: [[Card]], random: inout RandomSource) -> [Card] {
        var pool: [Card] = []
        for card in units.joined() where !pool.contains(where: { $0.term == card.term }) {
            pool.append(card)
        }
        return random.sample(random.int(in: 20...30), of: pool.count).map { pool[$0] }
    }

    // MARK: Near-duplicates

    /// Copies of popular sets: same subject, mostly the same cards, a touched-up title and a
    /// few edited cards. The paper blames such copies for the density of its embedding space.
    private mutating func addNearDuplicates(_ count: Int, random: inout RandomSource) {
        guard count > 0 else { return }
        let weights = sets.map { set in
            pow(courses[set.course].popularity, 1.5) * pow(0.85, Double(set.position))
        }
        let choice = WeightedChoice(weights)
        for _ in 0..<count {
            let index = choice.pick(&random)
            var copy = sets[index]
            copy.original = index
            copy.title = NearDuplicate.title(copy.title, course: courses[copy.course].name, random: &random)
            copy.cards = NearDuplicate.cards(copy.cards, random: &random)
            sets.append(copy)
        }
        nearDuplicateCount = count
    }

    // MARK: Identifiers

    /// Identifiers are a shuffled numbering, so a set's id says nothing about its course or
    /// position, just as real ids only reflect creation order.
    private mutating func assignIdentifiers(random: inout RandomSource) {
        var numbers = Array(1...max(sets.count, 1))
        random.shuffle(&numbers)
        let width = max(5, String(sets.count).count)
        for index in sets.indices {
            sets[index].id = "set-" + zeroPadded(numbers[index], width: width)
        }
    }
}

/// How one teacher titles their sets, kept for the whole course.
struct TitleStyle {
    static let formCount = 5
    var name: String
    var teacher: String
    var form: Int
    var period: Int

    func unitTitle(_ topic: String, number: Int) -> String {
        let topic = topic.prefix(1).uppercased() + topic.dropFirst()
        switch form {
        case 0: return "\(name) – Unit \(number): \(topic)"
        case 1: return "\(teacher) \(name): \(topic)"
        case 2: return "\(topic) (\(name))"
        case 3: return "\(name) Ch. \(number) – \(topic)"
        default: return "\(topic) – \(name), period \(period)"
        }
    }

    func reviewTitle(first: Int, last: Int) -> String {
        switch form {
        case 0, 3: return "\(name) – Units \(first)–\(last) review"
        case 1: return "\(teacher) \(name): test review \(first)–\(last)"
        default: return "\(name) test review (units \(first)–\(last))"
        }
    }

    var finalReviewTitle: String {
        form == 1 ? "\(teacher) \(name): final exam review" : "\(name) final exam review"
    }
}

func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
