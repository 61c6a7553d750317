import Foundation
import Logging
import NEREBaseline
import NERECache
import NEREContracts
import NEREFeatures
import NEREPipeline
import Testing

/// The whole pipeline over small logs written to real files and a real SQLite database.
struct ReplayPipelineTests {
    let directory: URL
    let setsPath: String
    let eventsPath: String

    init() throws {
        directory = try Fixture.temporaryDirectory()
        setsPath = directory.appendingPathComponent("sets.jsonl").path
        eventsPath = directory.appendingPathComponent("events.jsonl").path
        let sets = ["days", "months", "numbers", "colours"].map { Fixture.jsonLine(Fixture.set($0)) }
            + [#"{"set_id": "broken"}"#]
        try sets.joined(separator: "\n").write(toFile: setsPath, atomically: true, encoding: .utf8)
    }

    func writeEvents(_ lines: [String]) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: eventsPath, atomically: true, encoding: .utf8)
    }

    /// A course followed by several users, plus one of each kind of bad input.
    var courseLog: [String] {
        var lines: [String] = []
        for (u, user) in ["a", "b", "c", "d", "e", "f"].enumerated() {
            for (i, set) in ["days", "months", "numbers", "colours"].enumerated() {
                lines.append(Fixture.jsonLine(Fixture.session("\(user)\(i)", user: user, set: set,
                                                              atDay: Double(u) + Double(i) * 0.1)))
            }
        }
        lines.insert(lines[1], at: 7)                                             // a duplicate
        lines.append(#"{"event_id": "kid", "user_id": "k", "set_id": "days", "started_at": "2026-01-05T08:00:00Z", "ended_at": "2026-01-05T08:10:00Z", "platform": "web", "study_mode": "learn", "user_age": 11}"#)
        lines.append(#"{"event_id": "bad", "user_id": "x", "set_id": "days", "started_at": "2026-01-05T09:00:00Z", "ended_at": "2026-01-05T08:00:00Z", "platform": "web", "study_mode": "learn"}"#)
        lines.append(#"{"event_id": "trunc", "user_id": "#)
        lines.append(Fixture.jsonLine(Fixture.session("orphan", user: "z", set: "unknown-set", atDay: 1, subject: nil)))
        return lines
    }

    func run(batchSize: Int = 4, cache: String) async throws -> ReplayRun.Result {
        var run = ReplayRun(input: .files(events: eventsPath, sets: setsPath), cachePath: cache)
        run.batchSize = batchSize
        return try await run.run(logger: Logger(label: "test"))
    }

    @Test func countsEveryKindOfInputAndServesTheCourseOrder() async throws {
        try writeEvents(courseLog)
        let cachePath = directory.appendingPathComponent("cache.sqlite").path
        let result = try await run(cache: cachePath)
        #expect(result.counters["events_in"] == 29)
        #expect(result.counters["applied"] == 24)
        #expect(result.counters["duplicates"] == 1)
        #expect(result.counters["dropped_underage"] == 1)
        #expect(result.counters["dead_letters"] == 3)
        #expect(result.deadLettersByReason == ["ended_before_started": 1, "invalid_json": 1, "unknown_set": 1, "missing": 1])

        let cache = try StreamCache(path: cachePath)
        let f = try #require(try cache.recommendation(for: WindowKey(userID: "f", subject: .french)))
        #expect(f.historyLength == 4)
        #expect(f.fallback && f.fallbackReason == "no_model")
        #expect(f.source.eventID == "f3")
        let windows = try cache.windows()
        #expect(windows.count == 6)
        #expect(windows.first { $0.key.userID == "a" }?.sessions.map(\.setID) == ["days", "months", "numbers", "colours"])

        // The last user, following the same course, is served the course's next set.
        let e = try #require(try cache.recommendation(for: WindowKey(userID: "e", subject: .french)))
        #expect(e.items.first?.setID == "months" || e.items.first?.setID == "numbers" || e.items.first?.setID == "colours")
        #expect(result.metrics.overall.predictions == 18, "every applied event of a pair seen before is scored")
        #expect(result.metrics.byHistoryLength[0].predictions == 6)
        #expect(result.metrics.overall.recallAt1 > 0.5, "the course order is learned online")
    }

    @Test func resumingAfterAnyBatchGivesTheSameCache() async throws {
        try writeEvents(courseLog)
        let straight = directory.appendingPathComponent("straight.sqlite").path
        _ = try await run(cache: straight)
        let expected = try StreamCache(path: straight).canonicalDump()
        #expect(expected.count > 40)

        for stopAfter in [1, 3, 6] {
            let resumed = directory.appendingPathComponent("resumed-\(stopAfter).sqlite").path
            try await processFirstBatches(stopAfter, cache: resumed)
            let second = try await run(cache: resumed)
            #expect(second.eventsThisRun == 29 - 4 * stopAfter)
            #expect(try StreamCache(path: resumed).canonicalDump() == expected)
        }
    }

    /// What a killed process leaves: the first batches committed, nothing after.
    func processFirstBatches(_ count: Int, cache path: String) async throws {
        let loaded = try SetsFile.load(path: setsPath)
        let cache = try StreamCache(path: path)
        try cache.upsertSets(loaded.sets)
        var setsCommit = CacheBatch()
        setsCommit.deadLetters = loaded.deadLetters
        try cache.commit(setsCommit)
        let catalog = SetCatalog(loaded.sets)
        let pipeline = StreamPipeline(catalog: catalog, recommender: BaselineRecommender(catalog: catalog), cache: cache,
                                      logger: Logger(label: "test"))
        try pipeline.restore()
        var source = try ReplaySource(path: eventsPath, batchSize: 4)
        try cache.claimSource(topic: source.topic, fingerprint: source.fingerprint)
        for _ in 0..<count {
            try await pipeline.process(try #require(try await source.nextBatch()))
        }
        try pipeline.finish()
    }

    @Test func jsonLinesSinkGetsEveryRecommendationAndRepairsATornLastLine() async throws {
        try writeEvents(courseLog)
        let linesPath = directory.appendingPathComponent("recommendations.jsonl").path
        try Data(#"{"user_id": "torn"#.utf8).write(to: URL(fileURLWithPath: linesPath))
        var run = ReplayRun(input: .files(events: eventsPath, sets: setsPath),
                            cachePath: directory.appendingPathComponent("cache.sqlite").path, recommendationsPath: linesPath)
        run.batchSize = 4
        let result = try await run.run(logger: Logger(label: "test"))
        let lines = try String(contentsOfFile: linesPath, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == result.counters["recommendations_out"])
        let decoded = lines.compactMap { try? PayloadDecoding.decode(Recommendation.self, from: Array($0.utf8), now: .now).get() }
        #expect(decoded.count == lines.count, "every line is a valid Recommendation; the torn line is gone")
        #expect(Set(decoded.map(\.source.eventID)).count == decoded.count, "one per applied event")
    }

    /// `--predictions`: one line per scored prediction, and the lines alone reproduce the
    /// report's recall@100 and recall@1 (for analysis in other tools).
    @Test func predictionsFileHoldsEveryScoredPrediction() async throws {
        try writeEvents(courseLog)
        let predictionsPath = directory.appendingPathComponent("predictions.jsonl").path
        var run = ReplayRun(input: .files(events: eventsPath, sets: setsPath), cachePath: directory.appendingPathComponent("cache.sqlite").path)
        run.predictionsPath = predictionsPath
        run.batchSize = 4
        let result = try await run.run(logger: Logger(label: "test"))
        let lines = try String(contentsOfFile: predictionsPath, encoding: .utf8).split(separator: "\n")
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.count == result.metrics.byHistoryLength.map(\.predictions).reduce(0, +))
        // The report's overall row is over warm windows (history 1–5), cold starts have their own row.
        let warm = objects.filter { ($0["history_length"] as? Int ?? 0) > 0 }
        #expect(warm.count == result.metrics.overall.predictions && warm.count > 10)
        let hits = warm.filter { ($0["items"] as? [String])?.contains($0["studied"] as? String ?? "") == true }
        let first = warm.filter { ($0["items"] as? [String])?.first == $0["studied"] as? String }
        #expect(abs(Double(hits.count) / Double(warm.count) - result.metrics.overall.recallAt100) < 1e-9)
        #expect(abs(Double(first.count) / Double(warm.count) - result.metrics.overall.recallAt1) < 1e-9)
        #expect(objects.allSatisfy { $0["event_id"] is String && $0["user_id"] is String && $0["subject"] is String
            && $0["history_length"] is Int && $0["confidence"] is Double && $0["fallback"] is Bool })
    }

    @Test func refusesACacheOfAnotherLog() async throws {
        try writeEvents(courseLog)
        let cachePath = directory.appendingPathComponent("cache.sqlite").path
        _ = try await run(cache: cachePath)
        try writeEvents(Array(courseLog.prefix(10)))
        await #expect(throws: CacheError.self) { _ = try await run(cache: cachePath) }
    }
}
