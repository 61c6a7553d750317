import Foundation
import NEREContracts
import NEREFeatures

/// Small hand-made sessions and sets: every test states its own data.
enum Fixture {
    static let day: Double = 86_400
    static let start = Timestamp(rfc3339: "2026-01-05T08:00:00Z")!

    static func session(_ eventID: String, user: String = "u1", set: String, atDay day: Double,
                        subject: Subject? = .french) -> StudySession {
        let ended = start.adding(seconds: day * Self.day)
        return StudySession(eventID: eventID, userID: user, setID: set, startedAt: ended.adding(seconds: -600),
                            endedAt: ended, platform: "web", studyMode: "learn", subject: subject)
    }

    static func set(_ id: String, subject: Subject = .french) -> StudySet {
        StudySet(setID: id, title: "Title of \(id)", terms: ["lundi"], definitions: ["Monday"], subject: subject,
                 termLang: "fr", defLang: "en", studierCount: 10, meanStudierAge: 16, totalViews: 100,
                 hasImages: false, hasDiagrams: false, preferredStudyMode: "learn", preferredPlatform: "web",
                 meanSessionLengthMin: 12)
    }

    static func jsonLine<T: Encodable>(_ value: T) -> String {
        PayloadEncoding.jsonText(value)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nere-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
