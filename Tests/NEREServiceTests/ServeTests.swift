import Foundation
import NERECache
import NEREContracts
import NEREKafka
import Testing

/// `nere serve` against librdkafka's mock cluster: a real Kafka protocol on loopback.
@Suite(.serialized)
struct ServeTests {
    @Test func recommendationsMatchAReplayOfTheSameLog() async throws {
        let harness = try await ServiceHarness()
        try await harness.produceCatalogAndEvents()
        let replayed = try await harness.replay(cache: "replay.sqlite")
        let expected = try ServiceHarness.contents(ofCache: harness.directory.appendingPathComponent("replay.sqlite").path)

        let configuration = harness.configuration(cache: "serve.sqlite")
        let service = harness.start(configuration)
        let total = Int64(try ServiceHarness.lines(harness.eventsPath).count)
        let done = try await ServiceHarness.eventually { try await harness.committedOffsets(group: "nere-test") >= total }
        try await service.stop()
        #expect(done, "all \(total) events consumed and committed")
        let served = try ServiceHarness.contents(ofCache: configuration.cachePath)
        #expect(served.count == expected.count && served.count > 500, "\(served.count) pairs served, \(expected.count) replayed")
        #expect(served == expected, "first difference: \(served.keys.sorted().first { served[$0] != expected[$0] } ?? "none")")
        #expect(replayed.counters["applied"] ?? 0 > 2_500)
    }
}

extension ServeTests {
    /// `nere.sets` is followed after the start: a set published later becomes part of the
    /// catalog and a tombstone (null value) deletes one, within seconds.
    @Test func setsPublishedOrDeletedLaterReachTheCatalog() async throws {
        let harness = try await ServiceHarness(events: 100)
        try await harness.produceCatalogAndEvents()
        let configuration = harness.configuration(cache: "serve.sqlite")
        let service = harness.start(configuration)
        let started = try await ServiceHarness.eventually { try await harness.committedOffsets(group: "nere-test") >= 100 }
        try #require(started)
        let existing = try #require(try StreamCache(path: configuration.cachePath, readOnly: true).publishedSets().first)
        var added = existing
        added.setID = "set-published-later"
        added.title = "Published after the service started"
        let producer = try KafkaProducer(configuration: harness.cluster.configuration())
        _ = try producer.send(KafkaProducerMessage(topic: TopicName.sets.rawValue, key: Array(added.setID.utf8),
                                                   value: Array(PayloadEncoding.jsonText(added).utf8)))
        _ = try producer.send(KafkaProducerMessage(topic: TopicName.sets.rawValue, key: Array(existing.setID.utf8), value: nil))
        #expect(try await producer.flush(timeout: .seconds(30)).allSatisfy(\.isDelivered))
        _ = await producer.close()
        let reader = try StreamCache(path: configuration.cachePath, readOnly: true)
        let followed = try await ServiceHarness.eventually(within: 20) {
            let ids = Set(try reader.publishedSets().map(\.setID))
            return ids.contains(added.setID) && !ids.contains(existing.setID)
        }
        try await service.stop()
        #expect(followed, "the new set is in the catalog and the deleted one is gone")
    }
}
