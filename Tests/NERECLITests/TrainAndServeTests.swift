import Foundation
import NERECache
import NEREContracts
import Testing

/// `nere vectorize` → `nere train` → `nere replay --model` on a small hand-made log, as a user
/// runs them, and a damaged model refused in one line.
struct TrainAndServeTests {
    static let topics: [(String, [String])] = [
        ("days", ["lundi", "mardi", "mercredi", "jeudi"]), ("months", ["janvier", "février", "mars", "avril"]),
        ("seasons", ["printemps", "été", "automne", "hiver"]), ("colours", ["rouge", "bleu", "vert", "jaune"]),
        ("family", ["mère", "père", "frère", "sœur"]), ("food", ["pain", "fromage", "pomme", "lait"]),
    ]

    /// Six French sets in course order, studied in that order (with a user-specific start) by
    /// forty users, one session a day.
    static func write(into dir: URL) throws {
        let sets = topics.map { name, words in
            StudySet(setID: name, title: "French \(name)", terms: words, definitions: words.map { "meaning of \($0)" },
                     subject: .french, termLang: "fr", defLang: "en", studierCount: 40, meanStudierAge: 15,
                     totalViews: 400, hasImages: false, hasDiagrams: false, preferredStudyMode: "learn",
                     preferredPlatform: "web", meanSessionLengthMin: 9)
        }
        let start = Timestamp(rfc3339: "2026-01-05T08:00:00Z")!
        var events: [StudySession] = []
        for user in 0..<40 {
            for day in 0..<7 {
                let ended = start.adding(seconds: Double(day * 86_400 + user * 600))
                events.append(StudySession(eventID: "u\(user)-\(day)", userID: "u\(user)", setID: topics[(user + day) % 6].0,
                                           startedAt: ended.adding(seconds: -300), endedAt: ended,
                                           platform: user % 2 == 0 ? "web" : "ios", studyMode: "learn", subject: .french,
                                           answersCorrect: 8, answersTotal: 10, termsStudied: 4))
            }
        }
        try sets.map(PayloadEncoding.jsonText).joined(separator: "\n").write(to: dir.appendingPathComponent("sets.jsonl"),
                                                                              atomically: true, encoding: .utf8)
        try events.map(PayloadEncoding.jsonText).joined(separator: "\n")
            .write(to: dir.appendingPathComponent("events.jsonl"), atomically: true, encoding: .utf8)
    }

    /// The small course in a fresh directory, with 16-d set vectors learned from it in `vectors`.
    static func vectorizedCourse() throws -> URL {
        let dir = try NereProcess.temporaryDirectory()
        try write(into: dir)
        let vectorize = try NereProcess.run(["vectorize", "--sets", dir.appendingPathComponent("sets.jsonl").path,
                                             "--out", dir.appendingPathComponent("vectors").path, "--dimensions", "16", "--epochs", "5"])
        try #require(vectorize.status == 0, "\(vectorize.stderr)")
        return dir
    }

    @Test func trainServeAndRefuseADamagedModel() throws {
        let dir = try Self.vectorizedCourse()
        let path = { (name: String) in dir.appendingPathComponent(name).path }

        let train = try NereProcess.run(["train", "--events", path("events.jsonl"), "--sets", path("sets.jsonl"),
                                         "--vectors", path("vectors"), "--out", path("model"), "--epochs", "2", "--seed", "3"])
        try #require(train.status == 0, "\(train.stderr)")
        #expect(train.stdout.contains("small preset:"))
        #expect(train.stdout.contains("learnable parameters"))
        #expect(train.stdout.contains("confidence ECE on test"))
        let description = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("model/model.json")))
        let version = try #require((description as? [String: Any])?["version_id"] as? String)
        #expect(train.stdout.contains(version))

        let replay = try NereProcess.run(["replay", "--events", path("events.jsonl"), "--sets", path("sets.jsonl"),
                                          "--cache", path("cache.sqlite"), "--vectors", path("vectors"), "--model", path("model")])
        try #require(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("model \(version)"))
        #expect(replay.stdout.contains("scored events that ended from"))
        #expect(replay.stdout.contains("answered by the model"))
        let served = try StreamCache(path: path("cache.sqlite")).recommendations().map(\.recommendation)
        #expect(served.count == 40)
        #expect(served.allSatisfy { $0.modelVersion == version })
        #expect(served.contains { !$0.fallback } || served.allSatisfy { $0.fallbackReason == "low_confidence" })

        // A truncated weights file is refused before anything is replayed, in one line naming it.
        let weights = dir.appendingPathComponent("model/model.safetensors")
        let bytes = try Data(contentsOf: weights)
        try bytes.prefix(bytes.count / 2).write(to: weights)
        let damaged = try NereProcess.run(["replay", "--events", path("events.jsonl"), "--sets", path("sets.jsonl"),
                                           "--cache", path("cache-2.sqlite"), "--vectors", path("vectors"),
                                           "--model", path("model")])
        #expect(damaged.status != 0)
        #expect(damaged.stderr.split(separator: "\n").count == 1, "\(damaged.stderr)")
        #expect(damaged.stderr.contains("model.safetensors"), "\(damaged.stderr)")
    }

    /// `nere evaluate` end to end: both report files, every contender, and the paper beside us.
    @Test func evaluateWritesBothReports() throws {
        let dir = try Self.vectorizedCourse()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = { (name: String) in dir.appendingPathComponent(name).path }
        let evaluate = try NereProcess.run(["evaluate", "--events", path("events.jsonl"), "--sets", path("sets.jsonl"),
                                            "--vectors", path("vectors"), "--out", path("evaluation"), "--epochs", "1",
                                            "--predictions", path("predictions.jsonl"), "--predictions-of", "baseline"])
        try #require(evaluate.status == 0, "\(evaluate.stderr)")
        #expect(evaluate.stdout.contains("against the paper"))
        #expect(evaluate.stdout.hasSuffix("report.json)\n"), "the last line names the report")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("evaluation/report.json")))
            as? [String: Any]
        let contenders = try #require(report?["contenders"] as? [[String: Any]])
        #expect(contenders.count == 9)
        let scored = try #require(report?["events_scored"] as? Int)
        let lines = try String(contentsOfFile: path("predictions.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == scored && scored > 0)
        let html = try String(contentsOfFile: path("evaluation/report.html"), encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("Matrix factorisation") && !html.contains("https://"))
        #expect(FileManager.default.fileExists(atPath: path("evaluation/models/nere_without_content/model.safetensors")))
    }
}
