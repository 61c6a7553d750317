import NEREContracts

/// Set metadata as the study site would report it: counted from the generated sessions where
/// the sessions say something, sampled where they do not (a set nobody in this log studied).
/// Like the paper's sets table it is a snapshot taken after the whole year, so consumers that
/// evaluate over the same year see a little of the future in it.
enum SetStatistics {
    static func studySets(catalog: Catalog, sessions: [SessionRecord], learners: [Learner],
                          random: inout RandomSource) -> [StudySet] {
        let count = catalog.sets.count
        var sessionCount = Array(repeating: 0, count: count)
        var seconds = Array(repeating: 0, count: count)
        var modes = Array(repeating: Array(repeating: 0, count: StudyHabits.modes.count), count: count)
        var platforms = Array(repeating: Array(repeating: 0, count: StudyHabits.platforms.count), count: count)
        var studiers: [UInt64] = []
        studiers.reserveCapacity(sessions.count)
        for session in sessions {
            let set = Int(session.set)
            sessionCount[set] += 1
            seconds[set] += Int(session.duration)
            modes[set][Int(session.mode)] += 1
            platforms[set][Int(session.platform)] += 1
            studiers.append(UInt64(session.set) << 32 | UInt64(session.learner))
        }
        studiers.sort()
        var studierCount = Array(repeating: 0, count: count)
        var ageSum = Array(repeating: 0, count: count)
        var previous: UInt64?
        for key in studiers where key != previous {
            previous = key
            let set = Int(key >> 32)
            studierCount[set] += 1
            ageSum[set] += learners[Int(key & 0xffff_ffff)].age
        }

        return catalog.sets.indices.map { index in
            let set = catalog.sets[index]
            let ages = catalog.courses[set.course].ages
            let studied = sessionCount[index] > 0
            let meanAge = studied ? Double(ageSum[index]) / Double(studierCount[index])
                : max(Double(ContractLimits.minimumUserAge), Double(ages.lowerBound + ages.upperBound) / 2 + random.normal(deviation: 1))
            let meanMinutes = studied ? Double(seconds[index]) / Double(sessionCount[index]) / 60
                : Double(set.cards.count) * random.double(in: 8...25) / 60 + 1
            // Views include people who looked without studying and visitors not logged in.
            let views = sessionCount[index] + Int(Double(sessionCount[index]) * random.double(in: 0.2...1.5))
                + random.int(in: 0...25)
            return StudySet(
                setID: set.id, title: set.title, terms: set.cards.map(\.term), definitions: set.cards.map(\.definition),
                subject: set.subject, termLang: set.termLanguage, defLang: set.definitionLanguage,
                studierCount: studierCount[index], meanStudierAge: tenths(meanAge), totalViews: views,
                hasImages: set.hasImages, hasDiagrams: set.hasDiagrams,
                preferredStudyMode: StudyHabits.modes[studied ? mostCommon(modes[index])
                    : StudyHabits.modeChoice.pick(&random)],
                preferredPlatform: StudyHabits.platforms[studied ? mostCommon(platforms[index])
                    : StudyHabits.platformChoice.pick(&random)],
                meanSessionLengthMin: tenths(meanMinutes))
        }
    }

    /// Ties go to the earlier entry, so the answer never depends on anything but the counts.
    private static func mostCommon(_ counts: [Int]) -> Int {
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return best
    }

    private static func tenths(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }
}
