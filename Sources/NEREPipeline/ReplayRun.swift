import Foundation
import Logging
import NEREBaseline
import NERECache
import NEREContent
import NEREContracts
import NEREEvaluation
import NEREFeatures
import NEREIndex
import NEREModel
import NERESetVectors

/// `nere replay`: an event log through the stream pipeline into a cache, scored
/// prequentially. Resumable: a rerun on the same cache continues after the last committed
/// batch and applies nothing twice.
public struct ReplayRun {
    public var input: ReplayInput
    public var cachePath: String
    public var recommendationsPath: String?
    /// Every scored prediction as a JSON line (`ScoredPrediction`), for analysis elsewhere.
    public var predictionsPath: String?
    /// Large batches for replays: a batch rewrites each changed window and recommendation
    /// once, so the more events per transaction, the fewer SQLite page writes per event.
    public static let defaultBatchSize = 150_000
    public var batchSize = Self.defaultBatchSize
    public var options = StreamPipeline.Options()
    public var recommenders = RecommenderSetup()

    public init(input: ReplayInput, cachePath: String, recommendationsPath: String? = nil) {
        self.input = input
        self.cachePath = cachePath
        self.recommendationsPath = recommendationsPath
    }

    public struct Result: Sendable, Codable {
        public var events: String
        public var sets: String
        public var cache: String
        public var modelVersion: String
        public var metrics: PrequentialReport
        public var counters: [String: Int]
        public var deadLettersByReason: [String: Int]
        public var setsInCatalog: Int
        public var windows: Int
        /// Events processed by this invocation (fewer than the log when it resumed).
        public var eventsThisRun: Int
        public var secondsThisRun: Double
        public var eventsPerSecond: Double
        /// Where the time went: reading and decoding the log, and waiting for SQLite.
        public var secondsLoading: Double
        public var secondsWaitingForCommits: Double
        /// Events before this were applied but not scored (see `StreamPipeline.Options.scoreFrom`).
        public var scoredFrom: Timestamp?
        /// With a model: recommendations it answered, and fallbacks by reason.
        public var answeredByModel: Int?
        public var fallbacks: [String: Int]?

        enum CodingKeys: String, CodingKey {
            case events, sets, cache, modelVersion = "model_version", metrics, counters
            case deadLettersByReason = "dead_letters_by_reason", setsInCatalog = "sets_in_catalog", windows
            case eventsThisRun = "events_this_run", secondsThisRun = "seconds_this_run"
            case eventsPerSecond = "events_per_second", secondsLoading = "seconds_loading"
            case secondsWaitingForCommits = "seconds_waiting_for_commits"
            case scoredFrom = "scored_from", answeredByModel = "answered_by_model", fallbacks
        }
    }

    public func run(logger: Logger, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws -> Result {
        let loadedSets = try await input.loadSets()
        let cache = try StreamCache(path: cachePath)
        let stack = try recommenders.build()
        let catalog = stack.catalog
        var setsCommit = CacheBatch()
        setsCommit.deadLetters = loadedSets.deadLetters
        try cache.commit(setsCommit)
        for letter in loadedSets.deadLetters {
            logger.warning("invalid set skipped", metadata: ["origin": "\(letter.origin)", "reason": "\(letter.violation)"])
        }

        var options = options
        options.scoreFrom = options.scoreFrom ?? stack.testStart
        if recommenders.warmStartPath != nil { options.learnsOnline = false }
        let modelRecommender = stack.model
        let recommender = stack.serving
        let sinks: [any PipelineSink] = try [
            recommendationsPath.map { try JSONLinesSink(url: URL(fileURLWithPath: $0)) },
            predictionsPath.map { try JSONLinesSink(url: URL(fileURLWithPath: $0), records: .predictions) },
        ].compactMap { $0 }
        let pipeline = StreamPipeline(catalog: catalog, content: stack.content, recommender: recommender, cache: cache, sinks: sinks,
                                      options: options, logger: logger)
        try pipeline.loadCatalog(loadedSets.sets, indexDirectory: recommenders.indexDirectory.map { URL(fileURLWithPath: $0) })
        let positions = try pipeline.restore()

        let started = ContinuousClock.now
        var source = ReplaySource(log: try await input.loadEvents(), batchSize: batchSize)
        let loading = (ContinuousClock.now - started).seconds
        try cache.claimSource(topic: source.topic, fingerprint: source.fingerprint)
        let resumeAt = positions.first { $0.topic == source.topic }?.nextOffset ?? 0
        source.resume(after: resumeAt)
        if resumeAt > 0 {
            logger.info("resuming replay", metadata: ["after_event": "\(resumeAt)", "of": "\(source.totalEvents)"])
        }
        var processed = 0
        progress(Int(resumeAt), source.totalEvents)
        while let batch = try await source.nextBatch() {
            try await pipeline.process(batch)
            processed += batch.events.count
            progress(Int(resumeAt) + processed, source.totalEvents)
        }
        try pipeline.finish()
        try cache.checkpoint()
        let seconds = (ContinuousClock.now - started).seconds
        return Result(events: input.events, sets: input.sets, cache: cachePath, modelVersion: recommender.modelVersion,
                      metrics: pipeline.scorer.report, counters: pipeline.counters.values,
                      deadLettersByReason: try cache.deadLetterCounts(), setsInCatalog: catalog.publishedCount,
                      windows: pipeline.windowCount, eventsThisRun: processed, secondsThisRun: seconds,
                      eventsPerSecond: seconds > 0 ? Double(processed) / seconds : 0,
                      secondsLoading: loading, secondsWaitingForCommits: pipeline.secondsWaitingForCommits,
                      scoredFrom: options.scoreFrom, answeredByModel: modelRecommender?.answeredByModel,
                      fallbacks: modelRecommender?.fallbacks)
    }
}
