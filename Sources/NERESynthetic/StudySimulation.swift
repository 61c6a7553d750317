import Foundation

/// Runs learners through the catalog and records their sessions.
struct StudySimulation {
    let catalog: Catalog
    private(set) var learners: [Learner] = []
    private(set) var sessions: [SessionRecord] = []
    private(set) var cohortCount = 0
    var random: RandomSource
    let underageShare: Double

    let subjectOfSet: [Int]
    let coursesBySubject: [[Int]]
    let subjectChoice: WeightedChoice
    let courseChoices: [WeightedChoice?]
    let setsBySubject: [[Int]]
    let setChoices: [WeightedChoice?]
    let anySetChoice: WeightedChoice
    /// A home-broadband /16 per locality: neighbours share a provider.
    let localityNetworks: [UInt32]

    init(catalog: Catalog, random: RandomSource, underageShare: Double) {
        var random = random
        self.catalog = catalog
        self.underageShare = underageShare
        let subjects = SubjectProfile.all.map(\.subject)
        subjectOfSet = catalog.sets.map { set in subjects.firstIndex(of: set.subject)! }
        var courses = Array(repeating: [Int](), count: subjects.count)
        for (index, course) in catalog.courses.enumerated() {
            courses[subjects.firstIndex(of: course.subject)!].append(index)
        }
        coursesBySubject = courses
        subjectChoice = WeightedChoice(SubjectProfile.all.enumerated().map { index, profile in
            courses[index].isEmpty ? 0 : profile.popularity
        })
        courseChoices = courses.map { list in
            list.isEmpty ? nil : WeightedChoice(list.map { catalog.courses[$0].popularity })
        }
        let setWeights = catalog.sets.map { set in
            catalog.courses[set.course].popularity * pow(0.85, Double(set.position)) * (set.original == nil ? 1 : 0.3)
        }
        var bySubject = Array(repeating: [Int](), count: subjects.count)
        for (index, subject) in subjectOfSet.enumerated() { bySubject[subject].append(index) }
        setsBySubject = bySubject
        setChoices = bySubject.map { list in list.isEmpty ? nil : WeightedChoice(list.map { setWeights[$0] }) }
        anySetChoice = WeightedChoice(setWeights)
        let firstOctets: [UInt32] = [24, 50, 64, 67, 68, 71, 73, 76, 81, 86, 96, 98, 99, 108, 142, 174, 184]
        localityNetworks = Localities.all.map { _ in
            random.pick(firstOctets) << 24 | UInt32(random.below(256)) << 16
        }
        self.random = random
    }

    /// Adds classes, self-taught learners and one-off visitors, in the proportions their
    /// sessions have on a study site, until `targetSessions` sessions exist.
    mutating func run(targetSessions: Int, progress: (Double) -> Void) {
        let shares = [0.70, 0.20, 0.10]
        var produced = [0, 0, 0]
        var reported = 0
        while sessions.count < targetSessions {
            let source = shares.indices.min { a, b in
                Double(produced[a]) / shares[a] < Double(produced[b]) / shares[b]
            }!
            let before = sessions.count
            switch source {
            case 0: addSchool()
            case 1: addSelfLearner()
            default: addDropIn()
            }
            produced[source] += sessions.count - before
            let percent = min(100, sessions.count * 100 / max(targetSessions, 1))
            if percent > reported {
                reported = percent
                progress(Double(percent) / 100)
            }
        }
    }

    mutating func addLearner(_ learner: Learner) -> Int {
        learners.append(learner)
        return learners.count - 1
    }

    mutating func countCohort() { cohortCount += 1 }

    // MARK: Following a course

    /// One learner works through a course's sets on the given days. Each unit may be skipped;
    /// after each unit the learner may give up for good.
    mutating func follow(_ learnerIndex: Int, plan: [Int], days: [Int], inClass: Bool) {
        let learner = learners[learnerIndex]
        let participation = 0.3 + 0.68 * learner.diligence
        let hazard = 0.02 + 0.35 * pow(1 - learner.diligence, 3)
        let offsets = [-3, -2, -1, 0, 1, 2]
        let offsetChoice = WeightedChoice([0.08, 0.15, 0.30, 0.27, 0.12, 0.08])
        for (position, set) in plan.enumerated() {
            if position > 0 && random.chance(hazard) { break }
            guard random.chance(participation) else { continue }
            var chosen = set
            let copies = catalog.copies[set]
            if !copies.isEmpty && random.chance(learner.copyAffinity) { chosen = random.pick(copies) }
            let day = days[position] + (inClass ? offsets[offsetChoice.pick(&random)] : 0)
            // Before a test, some go back over one of the units it covers.
            if catalog.sets[set].isReview && position > 0 && random.chance(0.35) {
                let earlier = plan[position - random.int(in: 1...min(position, 4))]
                let start = sessionStart(learner, day: day - 1, atSchool: false)
                record(learnerIndex, set: earlier, start: start.seconds, atSchool: false, attempt: 1)
            }
            studyUnit(learnerIndex, set: chosen, day: day, inClass: inClass)
        }
    }

    /// The sessions one learner spends on one set: a first go, more goes while mastery is
    /// low, extra practice for the keen, and now and then something unrelated.
    mutating func studyUnit(_ learnerIndex: Int, set: Int, day: Int, inClass: Bool) {
        let learner = learners[learnerIndex]
        var attempt = 0
        var start = sessionStart(learner, day: day, atSchool: inClass && !SchoolYear.isWeekend(day) && random.chance(0.35))
        while let mastery = record(learnerIndex, set: set, start: start.seconds, atSchool: start.atSchool, attempt: attempt),
              mastery < 0.7, attempt < 3, random.chance(0.75) {
            attempt += 1
            if random.chance(0.5) {
                let last = sessions[sessions.count - 1]
                start = (last.end + Int64(random.int(in: 300...5400)), last.atSchool)
            } else {
                start = sessionStart(learner, day: day + 1, atSchool: false)
            }
        }
        for extra in 0..<random.poisson(mean: learner.intensity) {
            let practice = sessionStart(learner, day: day + random.int(in: -1...3), atSchool: false)
            record(learnerIndex, set: set, start: practice.seconds, atSchool: false, attempt: attempt + 1 + extra)
        }
        if random.chance(0.06) {
            studyOffCourse(learnerIndex, near: set, day: day + random.int(in: -1...3), sameSubject: true)
        }
        if random.chance(0.012) {
            studyOffCourse(learnerIndex, near: set, day: day + random.int(in: -2...4), sameSubject: false)
        }
    }

    /// Noise: a set from another course of the same subject (a friend's, a search result), or
    /// occasionally from another subject altogether.
    mutating func studyOffCourse(_ learnerIndex: Int, near set: Int, day: Int, sameSubject: Bool) {
        let subject = subjectOfSet[set]
        var other = set
        for _ in 0..<4 where catalog.sets[other].course == catalog.sets[set].course {
            if sameSubject, let choice = setChoices[subject] {
                other = setsBySubject[subject][choice.pick(&random)]
            } else {
                other = anySetChoice.pick(&random)
            }
        }
        guard other != set else { return }
        let start = sessionStart(learners[learnerIndex], day: day, atSchool: false)
        record(learnerIndex, set: other, start: start.seconds, atSchool: false, attempt: 0)
    }

    // MARK: One session

    /// Local time of day: school hours for in-class practice, evenings on weekdays (peaking
    /// around half past seven), daytime at weekends.
    mutating func sessionStart(_ learner: Learner, day: Int, atSchool: Bool) -> (seconds: Int64, atSchool: Bool) {
        let local: Int
        let inSchool = atSchool && learner.school != nil && !SchoolYear.isWeekend(day)
        if inSchool {
            local = random.int(in: 8 * 3600...15 * 3600)
        } else if SchoolYear.isWeekend(day) {
            local = random.int(in: 9 * 3600 + 1800...22 * 3600 + 1800)
        } else {
            local = Int(min(max(random.normal(mean: 19.5 * 3600, deviation: 1.8 * 3600), 15.5 * 3600), 23.9 * 3600))
        }
        let seconds = SchoolYear.firstDaySeconds + Int64(day) * 86_400 + Int64(local) - Int64(learner.utcOffsetMinutes * 60)
        return (seconds, inSchool)
    }

    /// Appends a session unless it falls outside the school year, and returns the mastery
    /// the learner showed (answers correct over answers total, or the underlying skill when
    /// the mode does not quiz).
    @discardableResult
    mutating func record(_ learnerIndex: Int, set setIndex: Int, start: Int64, atSchool: Bool, attempt: Int) -> Double? {
        let learner = learners[learnerIndex]
        let set = catalog.sets[setIndex]
        let cards = set.cards.count
        let mode: UInt8
        if attempt > 0 {
            mode = random.pick(StudyHabits.restudyModes)
        } else {
            mode = random.chance(0.55) ? learner.favouriteMode : UInt8(StudyHabits.modeChoice.pick(&random))
        }
        let skill = min(max(learner.ability - set.difficulty + 0.1 * Double(attempt) + random.normal(deviation: 0.08), 0.05), 1)
        let total: Int
        switch mode {
        case StudyHabits.flashcards: total = -1
        case 1: total = Int(Double(cards) * random.double(in: 1.3...2.2))
        case 4: total = min(cards, 20)
        default: total = cards
        }
        let correct = total < 0 ? -1 : min(max(Int((Double(total) * skill + random.normal()).rounded()), 0), total)
        let seconds = StudyHabits.secondsPerCard[Int(mode)] * Double(cards) * learner.speed
            * random.logNormal(median: 1, spread: 0.3) + 20
        let duration = Int32(min(max(seconds, 120), 3600))
        guard start >= SchoolYear.firstDaySeconds, start + Int64(duration) < SchoolYear.endSeconds else { return nil }

        var omitted: Omissions = []
        if random.chance(0.08) { omitted.insert(.subject) }
        if random.chance(0.12) { omitted.insert(.languages) }
        if random.chance(0.15) { omitted.insert(.location) }
        if random.chance(0.20) { omitted.insert(.address) }
        let platform: UInt8
        if atSchool {
            platform = random.chance(0.7) ? StudyHabits.web : learner.platform
        } else {
            platform = random.chance(0.85) ? learner.platform : UInt8(StudyHabits.platformChoice.pick(&random))
        }
        let answered = total >= 0 && random.chance(0.95)
        let terms = mode == StudyHabits.flashcards ? min(cards, max(1, Int(duration) / 8)) : cards
        sessions.append(SessionRecord(
            start: start, duration: duration, learner: Int32(learnerIndex), set: Int32(setIndex),
            platform: platform, mode: mode, atSchool: atSchool, omitted: omitted,
            answersCorrect: answered ? Int16(correct) : -1, answersTotal: answered ? Int16(total) : -1,
            termsStudied: random.chance(0.92) ? Int16(terms) : -1))
        return total > 0 ? Double(correct) / Double(total) : skill
    }
}
