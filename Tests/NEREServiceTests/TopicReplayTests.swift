import Foundation
import NERECache
import NEREContracts
import NEREKafka
import NEREPipeline
import NEREService
import Testing

/// `nere replay --bootstrap`: the log and catalog read from the mock cluster's topics replay
/// exactly as the same files do.
@Suite(.serialized)
struct TopicReplayTests {
    /// The events go to all twelve partitions (keyed by user), so the topic hands them over in
    /// another order than the file; replay order by `ended_at` makes the results the same.
    @Test func aTopicReplayEqualsTheFileReplay() async throws {
        let harness = try await ServiceHarness(history: 1)
        try await harness.produceCatalogAndEvents()
        let filesCache = harness.directory.appendingPathComponent("files.sqlite").path
        let topicsCache = harness.directory.appendingPathComponent("topics.sqlite").path
        let fromFiles = try await ReplayRun(input: .files(events: harness.eventsPath, sets: harness.setsPath), cachePath: filesCache)
            .run(logger: ServiceHarness.quiet)
        let fromTopics = try await ReplayRun(input: .topics(harness.cluster.configuration()), cachePath: topicsCache)
            .run(logger: ServiceHarness.quiet)

        #expect(fromTopics.events == "kafka://\(harness.cluster.bootstrapServers)/nere.study-events")
        #expect(fromTopics.metrics == fromFiles.metrics)
        #expect(fromTopics.counters == fromFiles.counters)
        #expect(fromTopics.deadLettersByReason == fromFiles.deadLettersByReason)
        #expect(fromTopics.setsInCatalog == fromFiles.setsInCatalog)
        #expect(fromTopics.windows == fromFiles.windows)
        #expect(fromTopics.counters["applied"] ?? 0 > 2_500 && fromTopics.metrics.overall.predictions > 1_000)
        #expect(try Self.windows(topicsCache) == Self.windows(filesCache))
        let recommended = try ServiceHarness.contents(ofCache: topicsCache)
        #expect(recommended.count > 500)
        #expect(recommended == (try ServiceHarness.contents(ofCache: filesCache)))

        let rerun = try await ReplayRun(input: .topics(harness.cluster.configuration()), cachePath: topicsCache)
            .run(logger: ServiceHarness.quiet)
        #expect(rerun.eventsThisRun == 0, "a rerun on the same snapshot resumes at its end")
        try await harness.produce(topic: TopicName.studyEvents.rawValue, lines: Array(try ServiceHarness.lines(harness.eventsPath).prefix(1)),
                                  key: "user_id")
        let grown = await #expect(throws: CacheError.self) {
            try await ReplayRun(input: .topics(harness.cluster.configuration()), cachePath: topicsCache).run(logger: ServiceHarness.quiet)
        }
        #expect("\(grown.map { "\($0)" } ?? "")".contains("a different snapshot of topic nere.study-events"))
    }

    /// Records produced while the snapshot is read belong to the next one: the end offsets are
    /// those seen at the start. Fetches are held back with retriable errors so the extra
    /// records land between the watermark query and the read.
    @Test func recordsProducedAfterTheStartAreNotRead() async throws {
        let harness = try await ServiceHarness(events: 600, history: 1)
        try await harness.produceCatalogAndEvents()
        let lines = try ServiceHarness.lines(harness.eventsPath)
        harness.cluster.pushRequestErrors(.fetch, Array(repeating: .notLeaderForPartition, count: 6))
        let input = ReplayInput.topics(harness.cluster.configuration())
        let loading = Task { try await input.loadEvents() }
        try await Task.sleep(for: .seconds(1))
        try await harness.produce(topic: TopicName.studyEvents.rawValue, lines: Array(lines.prefix(50)), key: "user_id")
        let log = try await loading.value
        #expect(log.events.count == lines.count)
        #expect(log.events.allSatisfy { $0.origin.topic == TopicName.studyEvents.rawValue })
        let next = try await input.loadEvents()
        #expect(next.events.count == lines.count + 50)
        #expect(next.fingerprint != log.fingerprint)
    }

    @Test func anUnreachableClusterFailsWithinTheMetadataTimeout() async throws {
        let started = ContinuousClock.now
        let input = ReplayInput.topics(KafkaConfiguration(["bootstrap.servers": "127.0.0.1:1", "log_level": "0"]))
        let error = await #expect(throws: TopicReplayError.self) { try await input.loadSets() }
        #expect("\(error.map { "\($0)" } ?? "")".hasPrefix("cannot read nere.sets from 127.0.0.1:1: "))
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    /// Windows without the position that fed them last (a file line or a topic offset).
    static func windows(_ path: String) throws -> [String: [StudySession]] {
        var windows: [String: [StudySession]] = [:]
        for window in try StreamCache(path: path, readOnly: true).windows() {
            windows["\(window.key.userID)|\(window.key.subject.rawValue)"] = window.sessions
        }
        return windows
    }
}
