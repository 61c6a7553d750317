import Foundation
import Logging
import NEREBaseline
import NERECache
import NEREContent
import NEREContracts
import NEREFeatures
import NEREModel
import NEREPipeline
import Testing

/// The model served through the pipeline: batched rounds answer exactly as one event at a time,
/// the step cache answers exactly as recomputation, and what the model cannot serve is a marked
/// fallback.
struct ModelRecommenderTests {
    static let setNames = ["days", "months", "numbers", "colours", "animals", "food"]

    static func sets() -> [StudySet] {
        setNames.enumerated().map { i, name in
            ContentIndexTests.set(name, (0..<4).map { Float(sin(Double(i * 4 + $0 + 1))) })
        }
    }

    /// Users wandering through the course, interleaved, some late events and a set nobody
    /// published.
    static func events() -> [String] {
        var lines: [String] = []
        for (u, user) in ["a", "b", "c", "d", "e"].enumerated() {
            for i in 0..<9 {
                let set = i == 6 && u == 2 ? "unpublished" : setNames[(i * (u + 1)) % setNames.count]
                let day = Double(i) * 0.5 + Double(u) * 0.07 - (i == 4 ? 0.9 : 0)
                lines.append(Fixture.jsonLine(Fixture.session("\(user)\(i)", user: user, set: set, atDay: day)))
            }
        }
        return lines
    }

    struct Served {
        var recommendations: [CachedRecommendation]
        var report: String
        var fallbacks: [String: Int]
        var applied: Int
    }

    /// Replays the log through a model into `cacheName`; with `stopAfter`, only that many
    /// batches, as if the process died there (a later call resumes from the cache).
    static func serve(batchSize: Int, cachedWindows: Int, directory: URL, cacheName: String? = nil, stopAfter: Int? = nil,
                      blendWeight: Double? = nil, modelAnswers: Bool = true, frozen: Bool = false, deferFallback: Bool = false,
                      fallback: ((SetCatalog) -> any Recommender)? = nil) async throws -> Served {
        let eventsPath = directory.appendingPathComponent("events.jsonl").path
        try events().joined(separator: "\n").write(toFile: eventsPath, atomically: true, encoding: .utf8)
        let catalog = SetCatalog()
        let content = SetContentIndex(artifact: ContentIndexTests.artifact, catalog: catalog)
        let shape = NetworkShape(vocabularySizes: FeatureSpace.fit(sessions: [], sets: sets()).vocabularySizes,
                                 embeddingWidth: 3, continuousCount: 12, contentWidth: 4, featureAttentionWidth: 3,
                                 hidden: 5, timeAttentionWidth: 4, denseWidths: [6], outputWidth: 4)
        let network = NERENetwork(shape: shape)
        network.initialise(seed: 7)
        var options = ModelRecommender.Options()
        options.cachedWindows = cachedWindows
        options.fallBackOnLowConfidence = !modelAnswers
        options.blendWeight = blendWeight
        options.fallbackIsFrozen = deferFallback
        // Without `modelAnswers` the model's confidence is 0 and every answer is the fallback's.
        let confidence = modelAnswers ? nil : ConfidenceModel(weights: [-50, 0, 0, 0, 0, 0, 0], items: 100)
        let recommender = ModelRecommender(network: network, featureSpace: FeatureSpace.fit(sessions: [], sets: sets()),
                                           confidence: confidence, versionID: "test-model", content: content,
                                           fallback: fallback?(catalog) ?? BaselineRecommender(catalog: catalog),
                                           options: options)
        let cache = try StreamCache(path: directory.appendingPathComponent(cacheName ?? "cache-\(batchSize)-\(cachedWindows).sqlite").path)
        var pipelineOptions = StreamPipeline.Options()
        pipelineOptions.learnsOnline = !frozen
        let pipeline = StreamPipeline(catalog: catalog, content: content, recommender: recommender, cache: cache,
                                      options: pipelineOptions, logger: Logger(label: "test"))
        try pipeline.loadCatalog(sets())
        let resumeAt = try pipeline.restore().first?.nextOffset ?? 0
        var source = try ReplaySource(path: eventsPath, batchSize: batchSize)
        source.resume(after: resumeAt)
        var batches = 0
        while batches < stopAfter ?? .max, let batch = try await source.nextBatch() {
            try await pipeline.process(batch)
            batches += 1
        }
        try pipeline.finish()
        return Served(recommendations: try cache.recommendations(), report: "\(pipeline.scorer.report)",
                      fallbacks: recommender.fallbacks, applied: pipeline.counters.applied)
    }

    @Test("one batched call per round gives what one event at a time gives, cached steps what recomputed ones give")
    func batchingAndCachingChangeNothing() async throws {
        let directory = try Fixture.temporaryDirectory()
        let oneByOne = try await Self.serve(batchSize: 1, cachedWindows: 1, directory: directory)
        let batched = try await Self.serve(batchSize: 1_000, cachedWindows: 1_000, directory: directory)
        #expect(oneByOne.recommendations.count == 5)
        #expect(batched.recommendations == oneByOne.recommendations)
        #expect(batched.report == oneByOne.report)
        #expect(batched.fallbacks == oneByOne.fallbacks)
    }

    @Test("with a frozen fallback, computing its answer only where it is shown publishes exactly what computing it everywhere does",
          arguments: [true, false])
    func deferredFallbackChangesNoAnswer(modelAnswers: Bool) async throws {
        let directory = try Fixture.temporaryDirectory()
        let everywhere = try await Self.serve(batchSize: 4, cachedWindows: 100, directory: directory, cacheName: "eager.sqlite",
                                              modelAnswers: modelAnswers, frozen: true)
        let deferred = try await Self.serve(batchSize: 4, cachedWindows: 100, directory: directory, cacheName: "deferred.sqlite",
                                            modelAnswers: modelAnswers, frozen: true, deferFallback: true)
        #expect(deferred.recommendations.map(\.recommendation) == everywhere.recommendations.map(\.recommendation))
        #expect(deferred.recommendations.allSatisfy { $0.unshown == nil }, "nothing learns from unshown answers when frozen")
        #expect(deferred.fallbacks == everywhere.fallbacks)
        #expect(everywhere.recommendations.count == 5)
    }

    @Test("a run stopped after any batch and resumed from the cache ends with the same cache, fallback answers the model replaced included")
    func resumedRunsEqualUninterruptedOnes() async throws {
        let directory = try Fixture.temporaryDirectory()
        let whole = try await Self.serve(batchSize: 4, cachedWindows: 100, directory: directory, cacheName: "whole.sqlite")
        #expect(whole.recommendations.contains { $0.unshown != nil && $0.unshown?.bucket != "model" })
        for stop in [1, 5, 9] {
            let name = "stopped-\(stop).sqlite"
            _ = try await Self.serve(batchSize: 4, cachedWindows: 100, directory: directory, cacheName: name, stopAfter: stop)
            let resumed = try await Self.serve(batchSize: 4, cachedWindows: 100, directory: directory, cacheName: name)
            #expect(resumed.recommendations == whole.recommendations, "stopped after batch \(stop)")
            #expect(resumed.report == whole.report, "stopped after batch \(stop)")
        }
    }

    @Test("cold starts and windows holding a set without a content vector fall back, marked with the reason")
    func fallbacksAreMarked() async throws {
        let served = try await Self.serve(batchSize: 1_000, cachedWindows: 100, directory: try Fixture.temporaryDirectory())
        #expect(served.fallbacks["cold_start"] == 5)
        #expect((served.fallbacks["unknown_set"] ?? 0) > 0)
        let modelAnswers = served.recommendations.filter { !$0.recommendation.fallback }
        #expect(!modelAnswers.isEmpty)
        for cached in modelAnswers {
            #expect(cached.recommendation.modelVersion == "test-model")
            #expect(cached.recommendation.attention.count == cached.recommendation.historyLength)
            #expect(abs(cached.recommendation.attention.reduce(0, +) - 1) < 1e-4)
        }
        let user = served.recommendations.first { $0.recommendation.userID == "c" }!.recommendation
        #expect(user.fallback && user.fallbackReason == "unknown_set")
    }
}

extension ModelRecommenderTests {
    /// Counts what the fallback is told about its answers.
    final class CountingRecommender: Recommender {
        let base: BaselineRecommender
        var observations = 0
        init(catalog: SetCatalog) { base = BaselineRecommender(catalog: catalog) }
        var modelVersion: String { base.modelVersion }
        func learn(from entry: WindowSession, window: SessionWindow) { base.learn(from: entry, window: window) }
        func recommend(for window: SessionWindow, count: Int) -> RecommendationDraft { base.recommend(for: window, count: count) }
        func observe(bucket: String, hit: Bool) {
            observations += 1
            base.observe(bucket: bucket, hit: hit)
        }
        func takeChangedState() -> [LearnedValue] { base.takeChangedState() }
        func restore(_ values: [LearnedValue]) { base.restore(values) }
    }

    @Test("the fallback's calibration hears about every event, also where the model answered instead")
    func fallbackLearnsFromAnswersItDidNotShow() async throws {
        nonisolated(unsafe) var counting: CountingRecommender?
        let served = try await Self.serve(batchSize: 1_000, cachedWindows: 100, directory: try Fixture.temporaryDirectory()) {
            let recommender = CountingRecommender(catalog: $0)
            counting = recommender
            return recommender
        }
        #expect(served.recommendations.contains { !$0.recommendation.fallback })
        #expect(counting?.observations == served.applied)
    }
}

extension ModelRecommenderTests {
    @Test("a blend adds weight × cosine of the model's nearest sets to the fallback's scores")
    func blendingAddsTheModelsNeighbours() async throws {
        let directory = try Fixture.temporaryDirectory()
        let fallbackOnly = try await Self.serve(batchSize: 1_000, cachedWindows: 100, directory: directory,
                                                cacheName: "fallback.sqlite", modelAnswers: false)
        let weightless = try await Self.serve(batchSize: 1_000, cachedWindows: 100, directory: directory,
                                              cacheName: "weightless.sqlite", blendWeight: 0)
        let modelOnly = try await Self.serve(batchSize: 1_000, cachedWindows: 100, directory: directory,
                                             cacheName: "model.sqlite")
        let dominant = try await Self.serve(batchSize: 1_000, cachedWindows: 100, directory: directory,
                                            cacheName: "dominant.sqlite", blendWeight: 1_000)
        func rankings(_ served: Served) -> [String: [String]] {
            Dictionary(uniqueKeysWithValues: served.recommendations.map { ($0.recommendation.userID, $0.rankedSetIDs) })
        }
        // Weight 0 changes no score: the fallback's rankings, but answered (and marked) as the model's.
        #expect(rankings(weightless) == rankings(fallbackOnly))
        #expect(weightless.recommendations.contains { !$0.recommendation.fallback })
        // An overwhelming weight puts the model's positive-cosine neighbours first, in its order.
        for (user, ranking) in rankings(dominant) {
            let model = rankings(modelOnly)[user] ?? []
            let served = modelOnly.recommendations.first { $0.recommendation.userID == user }?.recommendation
            guard served?.fallback == false else { continue }
            let positive = modelOnly.recommendations.first { $0.recommendation.userID == user }!
                .recommendation.items.filter { $0.score > 0 }.map(\.setID)
            #expect(Array(ranking.prefix(positive.count)) == Array(model.prefix(positive.count)), "user \(user)")
        }
    }
}
