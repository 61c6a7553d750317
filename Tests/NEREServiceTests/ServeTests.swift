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
