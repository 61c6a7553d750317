import Foundation
import NERECache
import NEREContracts
import NEREFeatures
import Testing

/// The cache on a real SQLite file: what is committed reads back the same, across reopening
/// and catalog updates.
struct StreamCacheTests {
    let path: String

    init() throws {
        path = try Fixture.temporaryDirectory().appendingPathComponent("cache.sqlite").path
    }

    func recommendation(_ user: String, items: [String]) -> Recommendation {
        Recommendation(userID: user, subject: .french, modelVersion: "test", generatedAt: Fixture.start,
                       source: .init(topic: "t", partition: 0, offset: 7, eventID: "e"), historyLength: 1,
                       confidence: 0.5, fallback: true, fallbackReason: "no_model",
                       items: items.map { .init(setID: $0, score: 1) }, attention: [1])
    }

    /// A service's cache moves its write-ahead log into the database file on a timer rather
    /// than inside a commit: the file grows without any commit paying for it.
    @Test func backgroundCheckpointsMoveTheLogIntoTheDatabase() async throws {
        let cache = try StreamCache(path: path, checkpointInBackground: true)
        let sizeAfterCreation = try Self.fileSize(path)
        try cache.upsertSets((0..<2_000).map { Fixture.set("set-\($0)") })
        #expect(try Self.fileSize(path) == sizeAfterCreation, "the commit itself checkpoints nothing")
        var grown = false
        for _ in 0..<50 where !grown {
            try await Task.sleep(for: .milliseconds(100))
            grown = try Self.fileSize(path) > sizeAfterCreation
        }
        #expect(grown, "a background checkpoint copied the log into the database file")
        withExtendedLifetime(cache) {}
    }

    static func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    @Test func rankingsSurviveReopeningAndCatalogUpdates() throws {
        let cache = try StreamCache(path: path)
        try cache.upsertSets(["days", "months", "numbers"].map { Fixture.set($0) })
        var batch = CacheBatch()
        let ranked = ["days", "months", "numbers", "not-in-catalog", "months-copy"]
        batch.recommendations = [CachedRecommendation(recommendation: recommendation("a", items: ["days"]),
                                                      rankedSetIDs: ranked, calibrationBucket: "h1e0")]
        try cache.commit(batch)

        var renamed = Fixture.set("months")
        renamed.title = "Les mois"
        try cache.upsertSets([renamed, Fixture.set("months-copy")])
        let reopened = try StreamCache(path: path)
        let stored = try #require(try reopened.recommendations().first)
        #expect(stored.rankedSetIDs == ranked)
        #expect(stored.calibrationBucket == "h1e0")
        #expect(try reopened.titles(of: ["months"]) == ["months": "Les mois"])
    }

    @Test func windowsAndCountersReadBackAsCommitted() throws {
        let cache = try StreamCache(path: path)
        var window = SessionWindow(key: WindowKey(userID: "a", subject: .french))
        _ = window.apply(WindowSession(session: Fixture.session("e1", user: "a", set: "days", atDay: 0), setIndex: 0))
        window.lastApplied = EventOrigin(topic: "t", partition: 2, offset: 41)
        var batch = CacheBatch()
        batch.windows = [window]
        batch.counters = ["events_in": 3]
        batch.positions = [SourcePosition(topic: "t", partition: 2, nextOffset: 42)]
        try cache.commit(batch)
        let stored = try #require(try cache.windows().first)
        #expect(stored.sessions.map(\.eventID) == ["e1"])
        #expect(stored.lastApplied == EventOrigin(topic: "t", partition: 2, offset: 41))
        #expect(try cache.counters() == ["events_in": 3])
        #expect(try cache.positions() == [SourcePosition(topic: "t", partition: 2, nextOffset: 42)])
    }

    @Test func readersOpenReadOnlyAndRefuseWhatIsNotACache() throws {
        #expect(throws: CacheError.self) { try StreamCache(path: path, readOnly: true) }
        let writer = try StreamCache(path: path)
        var batch = CacheBatch()
        batch.recommendations = [CachedRecommendation(recommendation: recommendation("a", items: ["days"]),
                                                      rankedSetIDs: ["days"], calibrationBucket: "h1e0")]
        try writer.commit(batch)
        let reader = try StreamCache(path: path, readOnly: true)
        #expect(try reader.recommendation(for: WindowKey(userID: "a", subject: .french))?.items.first?.setID == "days")
        #expect(throws: (any Error).self) { try reader.commit(batch) }
    }
}
