import Foundation
import NEREContracts
import Testing
@testable import NERESynthetic

/// The structure a recommender is supposed to find must be visible in the events.
@Suite struct StructureTests {
    /// Sessions of each (user, subject) in `ended_at` order, as the pipeline windows them.
    private func sequences(_ fixture: GeneratedFixture) -> [[StudySession]] {
        var byKey: [String: [StudySession]] = [:]
        for session in fixture.firstDeliveries {
            let subject = session.subject ?? fixture.sets[session.setID]!.subject
            byKey[session.userID + "|" + subject.rawValue, default: []].append(session)
        }
        return byKey.keys.sorted().map { key in byKey[key]!.sorted { $0.endedAt < $1.endedAt } }
    }

    @Test func consecutiveSessionsMostlyFollowCourseOrder() throws {
        let fixture = try GeneratedFixture.shared.get()
        let catalog = SyntheticGenerator(configuration: GeneratedFixture.configuration).makeDataset().catalog
        var place: [String: (course: Int, position: Int)] = [:]
        for set in catalog.sets { place[set.id] = (set.course, set.position) }
        var forward = 0
        var backward = 0
        var otherCourse = 0
        for sequence in sequences(fixture) {
            for (a, b) in zip(sequence, sequence.dropFirst()) where a.setID != b.setID {
                let from = place[a.setID]!, to = place[b.setID]!
                if from.course != to.course {
                    otherCourse += 1
                } else if to.position > from.position {
                    forward += 1
                } else {
                    backward += 1
                }
            }
        }
        #expect(Double(forward) > 0.8 * Double(forward + backward), "forward \(forward), backward \(backward)")
        #expect(Double(forward) > 2 * Double(otherCourse), "forward \(forward), other course \(otherCourse)")
    }

    @Test func usersStudyOneToThreeSubjects() throws {
        let sessions = try GeneratedFixture.shared.get().firstDeliveries
        var subjects: [String: Set<Subject>] = [:]
        let sets = try GeneratedFixture.shared.get().sets
        for session in sessions { subjects[session.userID, default: []].insert(sets[session.setID]!.subject) }
        let counts = subjects.values.map(\.count)
        #expect(counts.filter { $0 >= 2 }.count > counts.count / 10)
        #expect(counts.filter { $0 <= 3 }.count > counts.count * 9 / 10)
    }

    @Test func activityIsHeavyTailed() throws {
        var perUser: [String: Int] = [:]
        for session in try GeneratedFixture.shared.get().firstDeliveries { perUser[session.userID, default: 0] += 1 }
        let counts = perUser.values.sorted()
        let few = counts.filter { $0 <= 4 }.count
        #expect(Double(few) > 0.4 * Double(counts.count), "\(few) of \(counts.count) users have 1–4 sessions")
        #expect(counts.last! >= 20 * counts[counts.count / 2], "median \(counts[counts.count / 2]), max \(counts.last!)")
    }

    @Test func classmatesShareANetworkAndAPlace() throws {
        var users: [String: Set<String>] = [:]
        var places: [String: Set<String>] = [:]
        for session in try GeneratedFixture.shared.get().firstDeliveries {
            guard let ip = session.ip else { continue }
            let prefix = ip.split(separator: ".").prefix(3).joined(separator: ".")
            users[prefix, default: []].insert(session.userID)
            if let lat = session.lat, let lon = session.lon { places[prefix, default: []].insert("\(lat),\(lon)") }
        }
        let classes = users.filter { $0.value.count >= 5 }
        #expect(classes.count >= 5)
        for prefix in classes.keys {
            #expect(places[prefix]!.count <= 3, "school network \(prefix) resolves to \(places[prefix]!)")
        }
    }

    @Test func lowMasteryIsFollowedByRestudy() throws {
        var after: [Bool] = []
        for sequence in sequences(try GeneratedFixture.shared.get()) {
            for (a, b) in zip(sequence, sequence.dropFirst()) {
                guard let correct = a.answersCorrect, let total = a.answersTotal, total > 0,
                      Double(correct) / Double(total) < 0.5 else { continue }
                after.append(a.setID == b.setID)
            }
        }
        #expect(after.count > 20)
        #expect(after.filter { $0 }.count * 2 > after.count)
    }
}
