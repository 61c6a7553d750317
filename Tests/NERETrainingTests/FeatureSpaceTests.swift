import Foundation
import Testing
import NEREContracts
@testable import NEREFeatures

@Suite struct FeatureSpaceTests {
    private typealias F = TrainingFixture

    private func category(_ name: String, of session: StudySession) -> String? {
        FeatureDefinitions.sessionCategorical.first { $0.name == name }!.value(session)
    }

    private func number(_ name: String, of session: StudySession) -> Double? {
        FeatureDefinitions.sessionContinuous.first { $0.name == name }!.value(session)
    }

    private func continuousIndex(_ name: String) -> Int { FeatureSpace.continuousFeatureNames.firstIndex(of: name)! }
    private func categoricalIndex(_ name: String) -> Int { FeatureSpace.categoricalFeatureNames.firstIndex(of: name)! }

    private func session(startedAt: String, seconds: Double = 600) -> StudySession {
        let started = Timestamp(rfc3339: startedAt)!
        return StudySession(eventID: "e", userID: "u", setID: "s", startedAt: started,
                            endedAt: started.adding(seconds: seconds), platform: "web", studyMode: "learn")
    }

    @Test func theFeatureListIsFixedSessionFeaturesFirst() {
        #expect(FeatureSpace.categoricalFeatureNames == [
            "platform", "study_mode", "session_term_lang", "session_def_lang", "hour_of_day", "day_of_week",
            "set_subject", "set_term_lang", "set_def_lang", "set_has_images", "set_has_diagrams",
            "set_preferred_study_mode", "set_preferred_platform",
        ])
        #expect(FeatureSpace.continuousFeatureNames == [
            "session_minutes", "lat", "lon", "user_age", "mastery", "speed", "study_day",
            "set_log_studiers", "set_mean_studier_age", "set_log_views", "set_mean_session_minutes", "set_log_terms",
        ])
        let space = FeatureSpace.fit(sessions: [F.session("a", set: "s", atDay: 0)], sets: [F.set("s")])
        let step = space.encode(session: F.session("b", set: "s", atDay: 1), set: space.encodeSet(F.set("s")))
        #expect(space.vocabularySizes.count == 13)
        #expect(step.categorical.count == 13)
        #expect(step.continuous.count == 12)
    }

    @Test func knownCategoriesTakeSortedIDsAndUnknownOrMissingOnesZero() {
        var ios = F.session("a", set: "s", atDay: 0, platform: "ios")
        ios.termLang = "fr"
        let space = FeatureSpace.fit(sessions: [F.session("b", set: "s", atDay: 0, platform: "web"), ios], sets: [])
        let platform = space.vocabularies[categoricalIndex("platform")]
        #expect(platform.values == ["ios", "web"])
        #expect(platform.size == 3)
        #expect(platform.id(of: "ios") == 1 && platform.id(of: "web") == 2)
        #expect(platform.id(of: "android") == 0 && platform.id(of: nil) == 0)

        let step = space.encode(session: F.session("c", set: "s", atDay: 1, platform: "android"), set: nil)
        #expect(step.categorical[categoricalIndex("platform")] == 0)
        #expect(step.categorical[categoricalIndex("session_term_lang")] == 0)
        #expect(space.encode(session: ios, set: nil).categorical[categoricalIndex("session_term_lang")] == 1)
    }

    @Test func knownValuesScaleByTheTrainingMeanAndPopulationStd() {
        var young = F.session("a", set: "s", atDay: 0), old = F.session("b", set: "s", atDay: 0)
        (young.userAge, old.userAge) = (14, 18)
        (young.lat, old.lat) = (10, 10)
        let space = FeatureSpace.fit(sessions: [young, old], sets: [])
        #expect(space.scalers[continuousIndex("user_age")].mean == 16)
        #expect(space.scalers[continuousIndex("user_age")].std == 2)
        #expect(space.scalers[continuousIndex("lat")].std == 1, "a constant feature divides by 1, not 0")

        var probe = F.session("c", set: "s", atDay: 1)
        (probe.userAge, probe.lat) = (20, 12)
        let step = space.encode(session: probe, set: nil)
        #expect(step.continuous[continuousIndex("user_age")] == 2)
        #expect(step.continuous[continuousIndex("lat")] == 2)
    }

    @Test func missingValuesAreImputedWithTheMeanAndScaleToZero() {
        var a = F.session("a", set: "s", atDay: 0), b = F.session("b", set: "s", atDay: 0)
        (a.lon, b.lon) = (-87.5, 2.25)
        (a.answersCorrect, a.answersTotal) = (3, 4)
        let space = FeatureSpace.fit(sessions: [a, b], sets: [])
        let lon = space.scalers[continuousIndex("lon")]
        #expect(lon.mean == (-87.5 + 2.25) / 2)
        #expect(lon.scale(nil) == 0)
        #expect(lon.scale(lon.mean) == 0)
        let step = space.encode(session: F.session("c", set: "s", atDay: 1), set: nil)
        #expect(step.continuous[continuousIndex("lon")] == 0)
        #expect(step.continuous[continuousIndex("mastery")] == 0)
        #expect(space.scalers[continuousIndex("mastery")].mean == 0.75, "fitted on present values only")
    }

    @Test func hourAndDayAreTheUTCClockOfTheStart() {
        // 23:30 at UTC−2 on Sunday is 01:30 UTC on Monday.
        let monday = session(startedAt: "2024-03-10T23:30:00-02:00", seconds: 7_200)
        #expect(category("hour_of_day", of: monday) == "01")
        #expect(category("day_of_week", of: monday) == "mon")
        let sunday = session(startedAt: "2024-03-10T23:59:59Z")
        #expect(category("hour_of_day", of: sunday) == "23")
        #expect(category("day_of_week", of: sunday) == "sun")
        let before1970 = session(startedAt: "1969-12-31T22:15:00Z")
        #expect(category("hour_of_day", of: before1970) == "22")
        #expect(category("day_of_week", of: before1970) == "wed")

        let space = FeatureSpace.fit(sessions: [sunday, monday], sets: [])
        #expect(space.vocabularies[categoricalIndex("hour_of_day")].values == ["01", "23"])
        #expect(space.vocabularies[categoricalIndex("day_of_week")].values == ["mon", "sun"])
    }

    @Test func sessionMinutesAndStudyDay() {
        let s = session(startedAt: "2020-01-02T23:50:00Z", seconds: 1_200)
        #expect(number("session_minutes", of: s) == 20)
        #expect(number("study_day", of: s) == 2, "ended 2020-01-03T00:10Z")
        #expect(number("study_day", of: session(startedAt: "2019-12-31T12:00:00Z")) == -1)
    }

    @Test func masteryIsMissingWithoutAnswers() {
        var s = session(startedAt: "2025-01-01T10:00:00Z")
        #expect(number("mastery", of: s) == nil)
        (s.answersCorrect, s.answersTotal) = (3, 4)
        #expect(number("mastery", of: s) == 0.75)
        (s.answersCorrect, s.answersTotal) = (0, 0)
        #expect(number("mastery", of: s) == nil)
        (s.answersCorrect, s.answersTotal) = (nil, 4)
        #expect(number("mastery", of: s) == nil)
    }

    @Test func speedIsMissingWithoutTermsOrUnderSixSeconds() {
        var s = session(startedAt: "2025-01-01T10:00:00Z", seconds: 120)
        #expect(number("speed", of: s) == nil)
        s.termsStudied = 12
        #expect(number("speed", of: s) == 6)
        var quick = session(startedAt: "2025-01-01T10:00:00Z", seconds: 6)
        quick.termsStudied = 3
        #expect(number("speed", of: quick) == 30)
        quick.endedAt = quick.startedAt.adding(seconds: 5.999)
        #expect(number("speed", of: quick) == nil)
    }

    @Test func setFeaturesComeFromTheCatalogAndAnUnknownSetFromNothing() {
        let few = F.set("few", studierCount: 0), many = F.set("many", subject: .spanish, studierCount: 10)
        let space = FeatureSpace.fit(sessions: [F.session("a", set: "few", atDay: 0)], sets: [few, many])
        let encoded = space.encodeSet(many)
        #expect(encoded.categorical.count == 7 && encoded.continuous.count == 5)
        #expect(encoded.continuous[0] == 1, "log1p(10) is one std above the mean of log1p(0) and log1p(10)")
        #expect(space.encodeSet(few).continuous[0] == -1)
        #expect(space.vocabularies[categoricalIndex("set_subject")].values == ["French", "Spanish"])
        #expect(encoded.categorical[0] == 2)
        #expect(space.vocabularies[categoricalIndex("set_has_diagrams")].values == ["true"])

        let session = F.session("b", set: "many", atDay: 1)
        let known = space.encode(session: session, set: encoded)
        #expect(Array(known.categorical[6...]) == encoded.categorical)
        #expect(Array(known.continuous[7...]) == encoded.continuous)
        let unknown = space.encode(session: session, set: nil)
        #expect(unknown.categorical[6...].allSatisfy { $0 == 0 })
        #expect(unknown.continuous[7...].allSatisfy { $0 == 0 })
        #expect(Array(unknown.categorical[..<6]) == Array(known.categorical[..<6]))
    }

    @Test func roundTripsThroughJSONExactly() throws {
        let sessions = (0..<50).map { i in
            var s = F.session("e\(i)", set: "s", atDay: Double(i) / 7, platform: ["web", "ios", "android"][i % 3])
            s.lat = 41.88 + Double(i) / 3
            s.lon = -87.69 * Double(i % 5) / 11
            s.userAge = 13 + i % 7
            return s
        }
        let space = FeatureSpace.fit(sessions: sessions, sets: [F.set("s"), F.set("t", subject: .german, studierCount: 7)])
        let decoded = try JSONDecoder().decode(FeatureSpace.self, from: PayloadEncoding.json(space))
        #expect(decoded == space)
        #expect(decoded.scalers.map(\.mean) == space.scalers.map(\.mean))
        #expect(decoded.scalers.map(\.std) == space.scalers.map(\.std))
        let set = space.encodeSet(F.set("t", subject: .german))
        #expect(decoded.encode(session: sessions[7], set: set) == space.encode(session: sessions[7], set: set))
    }

    @Test func refusesAConfigWrittenForAnotherFeatureListOrWithReorderedValues() throws {
        let space = FeatureSpace.fit(sessions: [F.session("a", set: "s", atDay: 0)], sets: [F.set("s")])
        let json = PayloadEncoding.jsonText(space)
        let renamed = json.replacingOccurrences(of: "\"platform\"", with: "\"device\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FeatureSpace.self, from: Data(renamed.utf8)) }
        let reordered = Data(#"{"name":"platform","values":["web","ios"]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CategoryVocabulary.self, from: reordered) }
        let flat = Data(#"{"name":"lat","mean":1,"std":0}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ContinuousScaler.self, from: flat) }
    }
}
