import Foundation
import NEREContracts
import Testing
@testable import NERESynthetic

@Suite struct SetsFileTests {
    @Test func everySetLineDecodes() throws {
        let fixture = try GeneratedFixture.shared.get()
        for line in fixture.setLines {
            if case .failure(let violation) = StudySet.decode(json: line, now: GeneratedFixture.now) {
                Issue.record("\(violation): \(String(decoding: line, as: UTF8.self))")
            }
        }
        #expect(fixture.setLines.count == fixture.summary.sets)
        #expect(fixture.sets.count == fixture.summary.sets, "set ids are unique")
    }

    @Test func everySubjectAppearsWithConsistentLanguages() throws {
        let sets = try GeneratedFixture.shared.get().sets.values
        #expect(Set(sets.map(\.subject)) == Set(Subject.allCases))
        for set in sets {
            let expected: Set<String> = switch set.subject {
            case .french: ["fr"]
            case .spanish: ["es"]
            case .german: ["de"]
            case .uncommonLanguages: ["it", "pt", "nl"]
            default: ["en"]
            }
            #expect(expected.contains(set.termLang), "\(set.setID) \(set.subject) has term_lang \(set.termLang)")
            #expect(set.defLang == "en")
        }
    }

    @Test func setsLookLikeFlashcardSets() throws {
        let sets = try GeneratedFixture.shared.get().sets.values
        for set in sets {
            #expect((8...30).contains(set.terms.count), "\(set.setID) has \(set.terms.count) terms")
            #expect(Set(set.terms).count >= set.terms.count - 1, "\(set.setID) repeats terms")
            #expect(set.contentVector == nil)
            #expect(StudyHabits.modes.contains(set.preferredStudyMode))
            #expect(StudyHabits.platforms.contains(set.preferredPlatform))
            #expect(set.totalViews >= set.studierCount)
        }
        let sizes = sets.map(\.terms.count).sorted()
        #expect(sizes[sizes.count / 2] >= 8)
        #expect(sets.contains { $0.studierCount > 20 })
        #expect(sets.contains { $0.hasImages } && sets.contains { $0.hasDiagrams })
    }

    @Test func languageSetsUseRealWordsWithDiacritics() throws {
        let sets = try GeneratedFixture.shared.get().sets.values
        let french = sets.filter { $0.subject == .french }.flatMap { zip($0.terms, $0.definitions) }
        #expect(french.contains { $0 == ("lundi", "Monday") } || french.contains { $0 == ("août", "August") }
                    || french.contains { $0 == ("la sœur", "the sister") })
        #expect(french.contains { term, _ in term.contains { "éèêàçûôœ".contains($0) } })
        let spanish = sets.filter { $0.subject == .spanish }.flatMap(\.terms)
        #expect(spanish.contains { $0.contains { "ñáéíóú".contains($0) } })
    }

    /// The paper's example: a French class moves from the days of the week to the months.
    @Test func frenchCoursesTeachDaysThenMonths() {
        var random = RandomSource(seed: 3, stream: "catalog")
        let catalog = Catalog(targetSets: 2_000, random: &random)
        let daysThenMonths = catalog.courses.filter { $0.subject == .french }.contains { course in
            zip(course.sets, course.sets.dropFirst()).contains { days, months in
                catalog.sets[days].cards.contains { $0.term == "lundi" }
                    && catalog.sets[months].cards.contains { $0.term == "janvier" }
                    && catalog.sets[months].cards.contains { $0.term == "août" }
            }
        }
        #expect(daysThenMonths)
    }

    @Test func setsOfACourseShareMoreVocabularyThanOtherCoursesOfTheSubject() {
        var random = RandomSource(seed: 1, stream: "catalog")
        let catalog = Catalog(targetSets: 1_000, random: &random)
        func overlap(_ a: Int, _ b: Int) -> Double {
            let x = Set(catalog.sets[a].cards.map(\.term)), y = Set(catalog.sets[b].cards.map(\.term))
            return Double(x.intersection(y).count) / Double(x.union(y).count)
        }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        var sameCourse: [Double] = []
        for course in catalog.courses {
            for a in course.sets { for b in course.sets where a < b { sameCourse.append(overlap(a, b)) } }
        }
        var otherCourse: [Double] = []
        var otherSubject: [Double] = []
        var pairs = RandomSource(seed: 2)
        for _ in 0..<10_000 {
            let a = pairs.below(catalog.sets.count), b = pairs.below(catalog.sets.count)
            guard catalog.sets[a].course != catalog.sets[b].course,
                  catalog.sets[a].original == nil, catalog.sets[b].original == nil else { continue }
            if catalog.sets[a].subject == catalog.sets[b].subject {
                otherCourse.append(overlap(a, b))
            } else {
                otherSubject.append(overlap(a, b))
            }
        }
        #expect(mean(sameCourse) > 1.4 * mean(otherCourse), "\(mean(sameCourse)) vs \(mean(otherCourse))")
        #expect(mean(otherCourse) > 20 * mean(otherSubject), "\(mean(otherCourse)) vs \(mean(otherSubject))")
    }

    @Test func nearDuplicatesCopyMostOfAPopularSet() throws {
        let dataset = SyntheticGenerator(configuration: GeneratedFixture.configuration).makeDataset()
        let catalog = dataset.catalog
        let copies = catalog.sets.filter { $0.original != nil }
        #expect(copies.count == catalog.nearDuplicateCount)
        #expect(copies.count == Int((Double(GeneratedFixture.configuration.sets) * 0.05).rounded()))
        for copy in copies {
            let original = catalog.sets[copy.original!]
            #expect(copy.subject == original.subject && copy.id != original.id && copy.title != original.title)
            let shared = Set(copy.cards.map(\.term)).intersection(original.cards.map(\.term)).count
            #expect(Double(shared) >= 0.6 * Double(original.cards.count), "\(copy.title) vs \(original.title)")
        }
        let studiedCopies = Set(dataset.sessions.map { Int($0.set) }).filter { catalog.sets[$0].original != nil }
        #expect(!studiedCopies.isEmpty)
    }

    @Test func truthDescribesEverySetAndItsCopies() throws {
        let fixture = try GeneratedFixture.shared.get()
        let truth = Dictionary(uniqueKeysWithValues: fixture.truth.map { ($0.setID, $0) })
        #expect(Set(truth.keys) == Set(fixture.sets.keys))
        let copies = fixture.truth.filter { $0.copyOf != nil }
        #expect(copies.count == fixture.summary.nearDuplicateSets)
        for copy in copies {
            let original = try #require(truth[copy.copyOf!])
            #expect(original.course == copy.course, "a copy stays in its original's course")
            #expect(fixture.sets[copy.setID]?.subject == fixture.sets[original.setID]?.subject)
        }
    }
}
