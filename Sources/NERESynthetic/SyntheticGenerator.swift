import Foundation
import NEREContracts

/// Synthetic but realistic input for NERE-Stream: `sets.jsonl` (the `nere.sets` catalog) and
/// `events.jsonl` (the `nere.study-events` log) for one school year of a flashcard site,
/// 2025-09-01 to 2026-06-30 UTC. The generative story:
///
/// 1. **Catalog.** Each of the 17 subjects has units of real material in teaching order.
///    Language subjects (French, Spanish, German; Italian, Portuguese and Dutch as Uncommon
///    Languages) share a beginner syllabus with real words and translations — greetings,
///    days of the week, months and seasons, numbers, colors, family, school, food, … — as in
///    the paper's example of a French class moving from days to months. Other subjects have
///    English terms and definitions (cells, photosynthesis, the Cold War, ethos/pathos/logos,
///    SAT words, literary devices). A course is a teacher's syllabus over some of a subject's
///    units, in order: one set per unit (its core cards, e.g. all twelve months, plus a
///    sample of the rest, 8–20 cards), a test review every few units and often a final
///    review. Teachers recycle vocabulary: each set repeats a few cards of the previous set
///    and a few of the course's key terms from its first units, so a course's sets share
///    more words with each other than with other courses of the subject, which overlap only
///    where their units do. Course popularity is heavy-tailed. 5% of sets are near-duplicate
///    copies of popular sets: same subject, retitled, a card or two dropped, accents or an
///    article lost, a typo.
/// 2. **People.** A grade of a school lives in one city (shared coarse location), studies in
///    class on the school's IPv4 /24, and is within a year or two of age; it runs two to
///    five classes in different subjects, each following one course, and each student takes
///    one to three of them, so a user's subjects interleave. Self-learners follow a course
///    alone, a few days per set, starting any time; drop-in visitors from search study one
///    to three popular sets. About 1% of middle-schoolers, self-learners and visitors are
///    9–12 years old.
/// 3. **Sessions.** A class reaches each set on its unit date; students study it around
///    then (mostly the day or two before the quiz), in class or in the evening local time.
///    Students skip units and give up according to their diligence. Low mastery
///    (answers_correct / answers_total below 0.7) usually leads to another go at the same set
///    in a quizzing mode; a Pareto-distributed few practise so much that they log hundreds of
///    sessions, while most users log one to four. Now and then someone studies a set of
///    another course of the subject, rarely of another subject, or a copy of the set instead
///    of the teacher's. Clients leave out subject, languages, location or IP on some events.
///    Sessions last 2–60 minutes, scaled by card count, mode and the learner's speed.
/// 4. **Set metadata** (studier count, mean studier age, views, preferred mode and platform,
///    mean session length) is counted from those sessions, a year-end snapshot like the
///    paper's sets table; sets nobody studied get plausible sampled values.
/// 5. **Delivery faults.** events.jsonl is in `ended_at` order except for about 0.3% of lines
///    delivered hours to days late and 0.2% re-sent minutes later with the same event_id and
///    bytes. Events of users under 13 are present, as they would be upstream, and must be
///    dropped. About 0.05% of lines are malformed: ended before started, no user_id, a
///    timestamp that is not RFC 3339, truncated JSON, an unknown subject.
///
/// Everything is drawn from a seeded xoshiro256** generator, with no dependence on hash
/// order, so one seed always yields the same bytes.
public struct SyntheticGenerator: Sendable {
    /// The story above, short enough to print.
    public static let story = """
        One school year (2025-09-01 – 2026-06-30 UTC) of a flashcard site.
        Catalog: 17 subjects of real material in teaching order (French: greetings, days, months, numbers, colors, …;
          History: Mesopotamia to civil rights). Courses are syllabi over those units, one set per unit plus reviews;
          a course's sets recycle its key terms. 5% of sets are near-duplicate copies of popular sets.
        People: grades of schools share a city, a /24 network and an age; their classes follow courses in order
          around the same dates; students take 1–3 subjects. Self-learners go at their own pace; drop-ins study 1–3 sets.
        Sessions: study before the quiz, restudy when mastery is low, heavy-tailed activity (most users 1–4
          sessions, a few hundreds), off-course noise, copies studied instead of originals, optional fields missing.
        Set metadata is counted from the sessions. Faults: ~0.3% late and ~0.2% duplicate events,
          users aged 9–12 to be dropped, ~0.05% malformed lines. Same seed, same bytes.
        """

    let configuration: SyntheticConfiguration

    public init(preset: SyntheticPreset, seed: UInt64) {
        configuration = preset.configuration(seed: seed)
    }

    init(configuration: SyntheticConfiguration) {
        self.configuration = configuration
    }

    /// Writes DIR/sets.jsonl and DIR/events.jsonl (one JSON object per line), and the ground
    /// truth of the catalog, DIR/truth.jsonl (`SetTruth`), creating DIR.
    /// `progress` gets a fraction 0…1 now and then.
    public func write(to directory: URL, progress: (Double) -> Void = { _ in }) throws -> SyntheticSummary {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw SyntheticGenerationError(path: directory.path, reason: "cannot create the directory")
        }
        let dataset = makeDataset { progress(0.3 * $0) }
        var statisticsRandom = RandomSource(seed: configuration.seed, stream: "set-statistics")
        let studySets = SetStatistics.studySets(catalog: dataset.catalog, sessions: dataset.sessions,
                                                learners: dataset.learners, random: &statisticsRandom)
        progress(0.35)

        let sets = try JSONLinesWriter(destination: directory.appendingPathComponent("sets.jsonl"))
        for set in studySets.sorted(by: { $0.setID < $1.setID }) {
            try sets.append(set)
        }
        try sets.finish()
        let truth = try JSONLinesWriter(destination: directory.appendingPathComponent("truth.jsonl"))
        for set in dataset.catalog.sets.sorted(by: { $0.id < $1.id }) {
            try truth.append(SetTruth(setID: set.id, course: set.course, position: set.position,
                                      copyOf: set.original.map { dataset.catalog.sets[$0].id }))
        }
        try truth.finish()
        progress(0.4)

        var logRandom = RandomSource(seed: configuration.seed, stream: "event-log")
        let log = EventLog(sessions: dataset.sessions, learners: dataset.learners, configuration: configuration,
                           random: &logRandom)
        let payloads = SessionPayloads(catalog: dataset.catalog, learners: dataset.learners, userIDs: dataset.userIDs,
                                       eventIDWidth: max(7, String(dataset.sessions.count).count))
        let events = try JSONLinesWriter(destination: directory.appendingPathComponent("events.jsonl"))
        var summary = SyntheticSummary(
            seed: configuration.seed, sets: studySets.count, nearDuplicateSets: dataset.catalog.nearDuplicateCount,
            courses: dataset.catalog.courses.count, cohorts: dataset.cohortCount,
            users: dataset.userIDs.filter { !$0.isEmpty }.count,
            underageUsers: dataset.learners.indices.filter { dataset.learners[$0].underage && !dataset.userIDs[$0].isEmpty }.count,
            events: 0, duplicateEvents: 0, outOfOrderEvents: 0, underageEvents: 0, malformedEvents: 0,
            firstEndedAt: Timestamp(microsecondsSinceEpoch: (dataset.sessions.first?.end ?? 0) * 1_000_000),
            lastEndedAt: Timestamp(microsecondsSinceEpoch: (dataset.sessions.last?.end ?? 0) * 1_000_000))
        var latestAccepted = Int64.min
        var malformedSoFar = 0
        var reported = 0
        for (written, line) in log.lines.enumerated() {
            let record = dataset.sessions[Int(line.session)]
            let session = payloads.payload(record, number: Int(line.session) + 1)
            switch line.kind {
            case .malformed:
                try events.append(line: line.malformation.payload(for: session, variant: malformedSoFar))
                malformedSoFar += 1
                summary.malformedEvents += 1
            case .duplicate:
                try events.append(session)
                summary.duplicateEvents += 1
            case .regular, .late:
                try events.append(session)
                if dataset.learners[Int(record.learner)].underage {
                    summary.underageEvents += 1
                } else if record.end < latestAccepted {
                    summary.outOfOrderEvents += 1
                } else {
                    latestAccepted = record.end
                }
            }
            summary.events += 1
            let percent = (written + 1) * 100 / log.lines.count
            if percent > reported {
                reported = percent
                progress(0.4 + 0.6 * Double(percent) / 100)
            }
        }
        try events.finish()
        progress(1)
        return summary
    }

    /// Catalog, people and sessions (sorted by `ended_at`), before anything is written.
    func makeDataset(progress: (Double) -> Void = { _ in }) -> SyntheticDataset {
        var catalogRandom = RandomSource(seed: configuration.seed, stream: "catalog")
        let catalog = Catalog(targetSets: configuration.sets, random: &catalogRandom)
        var simulation = StudySimulation(catalog: catalog,
                                         random: RandomSource(seed: configuration.seed, stream: "learners"),
                                         underageShare: configuration.underageShare)
        simulation.run(targetSessions: configuration.events, progress: progress)

        let unsorted = simulation.sessions
        let order = unsorted.indices.sorted { (unsorted[$0].end, $0) < (unsorted[$1].end, $1) }
        let sessions = order.map { unsorted[$0] }

        // Only people who appear get an id, numbered in shuffled order so ids reveal nothing.
        var active = Array(repeating: false, count: simulation.learners.count)
        for session in sessions { active[Int(session.learner)] = true }
        var numbers = Array(1...max(1, active.filter { $0 }.count))
        var idRandom = RandomSource(seed: configuration.seed, stream: "user-ids")
        idRandom.shuffle(&numbers)
        let width = max(6, String(numbers.count).count)
        var next = 0
        let userIDs = active.map { isActive -> String in
            guard isActive else { return "" }
            defer { next += 1 }
            return "u-" + zeroPadded(numbers[next], width: width)
        }
        return SyntheticDataset(catalog: catalog, learners: simulation.learners, sessions: sessions,
                                userIDs: userIDs, cohortCount: simulation.cohortCount)
    }
}

/// Everything generated, kept in memory between simulation and writing (and for tests).
struct SyntheticDataset {
    var catalog: Catalog
    var learners: [Learner]
    /// Sorted by `ended_at`.
    var sessions: [SessionRecord]
    /// Per learner; empty for learners without sessions.
    var userIDs: [String]
    var cohortCount: Int
}

public enum SyntheticPreset: String, CaseIterable, Sendable {
    /// About 2,000 sets and 40,000 events: seconds to generate, enough to train the small model.
    case demo
    /// About 20,000 sets and 600,000 events: a load and scale test.
    case large

    func configuration(seed: UInt64) -> SyntheticConfiguration {
        switch self {
        case .demo: SyntheticConfiguration(seed: seed, sets: 2_000, events: 40_000)
        case .large: SyntheticConfiguration(seed: seed, sets: 20_000, events: 600_000)
        }
    }
}

/// Sizes and fault rates. Presets fix them; tests use small ones.
struct SyntheticConfiguration: Sendable, Equatable {
    var seed: UInt64
    var sets: Int
    /// Sessions to simulate (the last class may overshoot a little); events.jsonl has this
    /// many lines plus the duplicates.
    var events: Int
    var underageShare = 0.01
    var duplicateShare = 0.002
    var lateShare = 0.003
    var malformedShare = 0.0005
}
