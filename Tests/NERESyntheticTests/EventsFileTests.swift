import Foundation
import NEREContracts
import Testing
@testable import NERESynthetic

@Suite struct EventsFileTests {
    @Test func eventsDecodeExceptTheCountedFaults() throws {
        let fixture = try GeneratedFixture.shared.get()
        var accepted = 0
        var underage = 0
        var reasons: Set<ContractViolation.Reason> = []
        for line in fixture.eventLines {
            switch SessionDecoding(json: line, now: GeneratedFixture.now) {
            case .accepted: accepted += 1
            case .droppedUnderage: underage += 1
            case .rejected(let violation): reasons.insert(violation.reason)
            }
        }
        let summary = fixture.summary
        #expect(fixture.eventLines.count == summary.events)
        #expect(underage == summary.underageEvents)
        #expect(accepted == summary.events - summary.malformedEvents - summary.underageEvents)
        #expect(summary.malformedEvents >= Malformation.allCases.count)
        #expect(summary.underageEvents > 0 && summary.underageUsers > 0)
        #expect(reasons == [.endedBeforeStarted, .missing, .invalidTimestamp, .invalidJSON, .unknownSubject])
    }

    @Test func duplicatesRepeatAnEarlierLineByteForByte() throws {
        let fixture = try GeneratedFixture.shared.get()
        var firstLine: [String: Data] = [:]
        var duplicates = 0
        for (line, session) in fixture.acceptedSessions {
            let bytes = fixture.eventLines[line]
            if let earlier = firstLine[session.eventID] {
                duplicates += 1
                #expect(earlier == bytes)
            } else {
                firstLine[session.eventID] = bytes
            }
        }
        #expect(duplicates == fixture.summary.duplicateEvents)
        #expect(duplicates > 0)
    }

    @Test func fileIsInEndedAtOrderExceptTheCountedLateEvents() throws {
        let fixture = try GeneratedFixture.shared.get()
        var latest = Timestamp(microsecondsSinceEpoch: .min)
        var late = 0
        for session in fixture.firstDeliveries {
            if session.endedAt < latest { late += 1 } else { latest = session.endedAt }
        }
        #expect(late == fixture.summary.outOfOrderEvents)
        #expect(late > 0)
        #expect(Double(late) < 0.01 * Double(fixture.summary.events))
    }

    @Test func sessionsAreValidSchoolYearSessions() throws {
        let fixture = try GeneratedFixture.shared.get()
        let start = Timestamp(rfc3339: "2025-09-01T00:00:00Z")!
        let end = Timestamp(rfc3339: "2026-07-01T00:00:00Z")!
        let sessions = fixture.firstDeliveries
        for session in sessions {
            let minutes = (session.endedAt.secondsSinceEpoch - session.startedAt.secondsSinceEpoch) / 60
            #expect(start <= session.startedAt && session.endedAt < end)
            #expect((2...60).contains(minutes), "\(session.eventID) lasts \(minutes) min")
            guard let set = fixture.sets[session.setID] else {
                Issue.record("\(session.eventID) studies unknown set \(session.setID)")
                continue
            }
            #expect(session.subject == nil || session.subject == set.subject)
            #expect(session.termLang == nil || session.termLang == set.termLang)
            #expect(StudyHabits.platforms.contains(session.platform) && StudyHabits.modes.contains(session.studyMode))
            if let age = session.userAge { #expect(age >= 13) }
        }
        #expect(sessions.map(\.endedAt).min()! >= fixture.summary.firstEndedAt)
        #expect(sessions.map(\.endedAt).max()! <= fixture.summary.lastEndedAt)
        #expect(sessions.count > GeneratedFixture.configuration.events * 9 / 10)
        let optionalFields: [(String, (StudySession) -> Bool)] = [
            ("subject", { $0.subject != nil }), ("term_lang", { $0.termLang != nil }), ("lat", { $0.lat != nil }),
            ("ip", { $0.ip != nil }), ("user_age", { $0.userAge != nil }),
            ("answers_total", { $0.answersTotal != nil }), ("terms_studied", { $0.termsStudied != nil }),
        ]
        for (name, isPresent) in optionalFields {
            let present = sessions.filter(isPresent).count
            #expect(present > sessions.count / 2 && present < sessions.count, "\(name): \(present) of \(sessions.count)")
        }
    }
}
