import Foundation

/// The three kinds of people on a study site: classes following a teacher's syllabus
/// together, people teaching themselves a course at their own pace, and visitors who arrive
/// from a search, study a set or two and leave.
extension StudySimulation {
    private static let levels: [ClosedRange<Int>] = [13...14, 14...18, 18...22]
    private static let levelChoice = WeightedChoice([0.3, 0.5, 0.2])
    private static let schoolFirstOctets: [UInt32] = [12, 63, 66, 70, 74, 129, 136, 140, 147, 155, 165, 198, 199,
                                                      204, 205, 206, 207, 208, 209, 216]

    /// One grade of one school: students of similar age in one place, on the school's /24
    /// network during class, taking two to five classes in different subjects. Each class
    /// follows one course; each student is in one to three of the classes.
    mutating func addSchool() {
        let localityIndex = Localities.choice.pick(&random)
        let locality = Localities.all[localityIndex]
        let level = Self.levels[Self.levelChoice.pick(&random)]
        let baseAge = random.int(in: level.lowerBound...max(level.lowerBound, level.upperBound - 1))
        let network = random.pick(Self.schoolFirstOctets) << 24 | UInt32(random.below(256)) << 16
            | UInt32(random.below(256)) << 8
        let campus = Place(latitude: coarse(locality.latitude + random.normal(deviation: 0.04)),
                           longitude: coarse(locality.longitude + random.normal(deviation: 0.04)), address: network)

        let classCount = random.int(in: 2...5)
        var subjects: [Int] = []
        for _ in 0..<(classCount * 4) where subjects.count < classCount {
            let subject = subjectChoice.pick(&random)
            if !subjects.contains(subject) { subjects.append(subject) }
        }
        var classes: [(plan: [Int], days: [Int])] = []
        for subject in subjects {
            let course = pickCourse(subject: subject, ages: baseAge...(baseAge + 1))
            // A teacher who copied a popular set shares the copy with the whole class.
            let plan = catalog.courses[course].sets.map { set in
                let copies = catalog.copies[set]
                return !copies.isEmpty && random.chance(0.35) ? random.pick(copies) : set
            }
            classes.append((plan, classSchedule(count: plan.count)))
        }

        let studentCount = Int((Double(classes.count) * random.double(in: 12...28) / 1.6).rounded())
        var rosters = Array(repeating: [Int](), count: classes.count)
        let enrolment = WeightedChoice([0.55, 0.30, 0.15])
        for _ in 0..<studentCount {
            let learner = addLearner(makeLearner(localityIndex, age: baseAge + random.int(in: 0...1), school: campus,
                                                 mayBeUnderage: level.lowerBound <= 13))
            for taken in random.sample(min(classes.count, enrolment.pick(&random) + 1), of: classes.count) {
                rosters[taken].append(learner)
            }
        }
        for (index, roster) in rosters.enumerated() where !roster.isEmpty {
            countCohort()
            for learner in roster {
                follow(learner, plan: classes[index].plan, days: classes[index].days, inClass: true)
            }
        }
    }

    /// Someone working through a course alone, a few days per set, starting whenever they
    /// like; some take a second subject at the same time.
    mutating func addSelfLearner() {
        let localityIndex = Localities.choice.pick(&random)
        let first = pickCourse(subject: subjectChoice.pick(&random), ages: nil)
        let learner = addLearner(makeLearner(localityIndex, age: random.int(in: catalog.courses[first].ages),
                                             school: nil, mayBeUnderage: true))
        followAlone(learner, course: first)
        if random.chance(0.3) {
            let subject = subjectChoice.pick(&random)
            if SubjectProfile.all[subject].subject != catalog.courses[first].subject {
                followAlone(learner, course: pickCourse(subject: subject, ages: nil))
            }
        }
    }

    private mutating func followAlone(_ learner: Int, course: Int) {
        let plan = catalog.courses[course].sets
        var day = random.int(in: 0...240)
        var days: [Int] = []
        for _ in plan {
            days.append(day)
            day += min(max(Int(random.logNormal(median: 4, spread: 0.5).rounded()), 1), 21)
        }
        follow(learner, plan: plan, days: days, inClass: false)
    }

    /// A visitor from a search: one to three sets, usually popular ones, sometimes the next
    /// set of the same course.
    mutating func addDropIn() {
        let learner = addLearner(makeLearner(Localities.choice.pick(&random), age: random.int(in: 13...40),
                                             school: nil, mayBeUnderage: true))
        var set = anySetChoice.pick(&random)
        var day = random.int(in: 0...(SchoolYear.dayCount - 1))
        for _ in 0...WeightedChoice([0.6, 0.25, 0.15]).pick(&random) {
            let start = sessionStart(learners[learner], day: day, atSchool: false)
            record(learner, set: set, start: start.seconds, atSchool: false, attempt: 0)
            let course = catalog.courses[catalog.sets[set].course]
            let position = catalog.sets[set].position
            if random.chance(0.5) && position + 1 < course.sets.count {
                set = course.sets[position + 1]
            } else if let choice = setChoices[subjectOfSet[set]] {
                set = setsBySubject[subjectOfSet[set]][choice.pick(&random)]
            }
            day += random.int(in: 1...5)
        }
    }

    // MARK: Helpers

    /// Popular courses are picked more often; a course meant for another age group only
    /// rarely.
    private mutating func pickCourse(subject: Int, ages: ClosedRange<Int>?) -> Int {
        let candidates = coursesBySubject[subject]
        guard let ages else { return candidates[courseChoices[subject]!.pick(&random)] }
        let weights = candidates.map { index in
            let course = catalog.courses[index]
            return course.popularity * (course.ages.overlaps(ages) ? 1 : 0.1)
        }
        return candidates[WeightedChoice(weights).pick(&random)]
    }

    /// Unit dates of a class: a full-year, fall or spring course, with sets spread evenly
    /// over its teaching days and each set given a little slack.
    private mutating func classSchedule(count: Int) -> [Int] {
        let kind = random.unit()
        let start = kind < 0.8 ? random.int(in: 3...20) : random.int(in: 110...122)
        let end = kind < 0.6 || kind >= 0.8 ? random.int(in: 255...284) : random.int(in: 92...106)
        let spacing = Double(end - start) / Double(max(count, 1))
        return (0..<count).map { k in
            SchoolYear.calendarDay(teachingDay: start + Int(Double(k) * spacing + random.double(in: 0...(spacing * 0.3))))
        }
    }

    private mutating func makeLearner(_ localityIndex: Int, age: Int, school: Place?, mayBeUnderage: Bool) -> Learner {
        let locality = Localities.all[localityIndex]
        let underage = mayBeUnderage && random.chance(underageShare)
        let home = Place(latitude: coarse(locality.latitude + random.normal(deviation: 0.06)),
                         longitude: coarse(locality.longitude + random.normal(deviation: 0.06)),
                         address: localityNetworks[localityIndex] | UInt32(random.below(256)) << 8
                             | UInt32(random.int(in: 2...254)))
        let desk = school.map { campus in
            Place(latitude: campus.latitude, longitude: campus.longitude,
                  address: campus.address | UInt32(random.int(in: 2...254)))
        }
        // The keenest practisers are also the ones who turn up for every unit.
        let intensity = min(12, 0.12 * (random.pareto(shape: 1.25) - 1))
        let diligence = intensity > 2 ? max(0.9, random.unit()) : pow(random.unit(), 0.6)
        return Learner(
            age: underage ? random.int(in: 9...12) : age, underage: underage,
            reportsAge: underage || random.chance(0.88), home: home, school: desk,
            utcOffsetMinutes: locality.utcOffsetMinutes,
            platform: UInt8(StudyHabits.platformChoice.pick(&random)),
            favouriteMode: UInt8(StudyHabits.modeChoice.pick(&random)),
            ability: min(max(random.normal(mean: 0.72, deviation: 0.12), 0.35), 0.97),
            diligence: diligence,
            intensity: intensity,
            speed: random.logNormal(median: 1, spread: 0.25),
            copyAffinity: random.chance(0.15) ? 0.5 : 0.03)
    }

    /// Locations are resolved upstream to about a kilometre.
    private func coarse(_ degrees: Double) -> Double {
        (degrees * 100).rounded() / 100
    }
}
