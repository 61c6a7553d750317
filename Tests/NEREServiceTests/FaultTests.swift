import Foundation
import NEREContracts
import NEREKafka
import Testing

/// The service under the faults DESIGN §3 promises to survive: the cluster gone for a while,
/// and partitions moving between instances. Either way the published recommendations end up
/// exactly those of a replay of the same log.
@Suite(.serialized)
struct FaultTests {
    @Test func brokerOutageDelaysButLosesNothing() async throws {
        let harness = try await ServiceHarness()
        try await harness.produceCatalogAndEvents()
        _ = try await harness.replay(cache: "replay.sqlite")
        let expected = try ServiceHarness.contents(ofCache: harness.directory.appendingPathComponent("replay.sqlite").path)

        var configuration = harness.configuration(cache: "serve.sqlite")
        configuration.maxBatchEvents = 20
        let service = harness.start(configuration)
        let total = Int64(try ServiceHarness.lines(harness.eventsPath).count)
        let started = try await ServiceHarness.eventually { try await harness.committedOffsets(group: "nere-test") >= 300 }
        try #require(started)
        let atOutage = try await harness.committedOffsets(group: "nere-test")
        try harness.cluster.setBrokerDown(1)
        try await Task.sleep(for: .seconds(5))
        try harness.cluster.setBrokerUp(1)
        let done = try await ServiceHarness.eventually { try await harness.committedOffsets(group: "nere-test") >= total }
        try await service.stop()
        #expect(done, "every event consumed after the outage")
        #expect(atOutage < total, "the outage began mid-stream (\(atOutage) of \(total) committed)")
        let served = try ServiceHarness.contents(ofCache: configuration.cachePath)
        #expect(served.count == expected.count)
        #expect(served == expected, "first difference: \(served.keys.sorted().first { served[$0] != expected[$0] } ?? "none")")
        #expect(try await harness.latestRecommendationsOnTopic() == expected, "the output topic agrees with the cache")
    }

    @Test func aSecondInstanceTakesOverPartitionsWithTheirWindows() async throws {
        let harness = try await ServiceHarness()
        let events = try ServiceHarness.lines(harness.eventsPath)
        let half = events.count / 2
        try await harness.produce(topic: TopicName.sets.rawValue, lines: try ServiceHarness.lines(harness.setsPath), key: "set_id")
        try await harness.produce(topic: TopicName.studyEvents.rawValue, lines: Array(events[..<half]), key: "user_id")
        _ = try await harness.replay(cache: "replay.sqlite")
        let expected = try ServiceHarness.contents(ofCache: harness.directory.appendingPathComponent("replay.sqlite").path)

        let first = harness.start(harness.configuration(cache: "a.sqlite"))
        let firstHalfDone = try await ServiceHarness.eventually { try await harness.committedOffsets(group: "nere-test") >= Int64(half) }
        try #require(firstHalfDone)
        let second = harness.start(harness.configuration(cache: "b.sqlite"))
        let secondOwnsPartitions = try await ServiceHarness.eventually {
            guard let port = second.control.httpPort else { return false }
            let metrics = try await ServiceHarness.get("/metrics", port: port).body
            let ready = try await ServiceHarness.get("/readyz", port: port).status == 200
            return ready && metrics.contains("nere_assigned_partitions ") && !metrics.contains("nere_assigned_partitions 0")
        }
        try #require(secondOwnsPartitions, "the group rebalanced and the second instance restored its partitions")
        try await harness.produce(topic: TopicName.studyEvents.rawValue, lines: Array(events[half...]), key: "user_id")
        let done = try await ServiceHarness.eventually {
            try await harness.committedOffsets(group: "nere-test") >= Int64(events.count)
        }
        let secondMetrics = try await ServiceHarness.get("/metrics", port: try #require(second.control.httpPort)).body
        try await second.stop()
        try await first.stop()
        #expect(done)
        #expect(secondMetrics.contains(#"nere_restored_windows_total{source="changelog"}"#),
                "windows of moved partitions came from nere.window-state")
        let published = try await harness.latestRecommendationsOnTopic()
        #expect(published.count == expected.count)
        #expect(published == expected, "first difference: \(published.keys.sorted().first { published[$0] != expected[$0] } ?? "none")")
    }
}
