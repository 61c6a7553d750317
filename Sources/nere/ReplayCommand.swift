import ArgumentParser
import Foundation
import NEREPipeline
import NEREContracts
import NEREIndex
import NEREModel

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run an event log through the pipeline into a SQLite cache, scoring every prediction.",
        discussion: """
            Events are replayed in ended_at order. Before each event is applied, the recommendation \
            that was current for its (user, subject) is scored against the set actually studied. \
            Rerunning on the same cache resumes after the last committed batch. With --bootstrap the \
            log and catalog are read from the cluster's topics, every partition up to the end offsets \
            seen at the start; a rerun resumes only while the topics still hold that same snapshot.
            """)

    @OptionGroup var input: ReplayInputOptions

    @Option(help: "SQLite cache file (created if missing; resumed if it holds this log's replay).")
    var cache: String

    @Option(help: "Write the run's report (metrics, counters, throughput) as JSON to this file.")
    var out: String?

    @Option(help: "Also append every recommendation made, as JSON lines, to this file.")
    var recommendations: String?

    @Option(help: "Also append every scored prediction (event_id, user_id, subject, history_length, items, studied, confidence, fallback) as JSON lines to this file.")
    var predictions: String?

    @Option(help: "Events per micro-batch (one SQLite transaction each).")
    var batchSize: Int = ReplayRun.defaultBatchSize

    @Option(help: "Items published per recommendation (rankings are kept 100 deep for scoring).")
    var items: Int = StreamPipeline.Options().itemsPerRecommendation

    @Option(help: "Set vectors from `nere vectorize` (a directory): blend in the sets nearest in content to each window.")
    var vectors: String?

    @Option(help: "Subjects with fewer sets than this are searched exactly; larger ones through the NN-Descent graph.")
    var exactBelow: Int = NearestSetIndex.Configuration().exactBelow

    @Option(help: "Keep each subject's nearest-set index here between runs; reloaded when built from the same sets.")
    var indexDir: String?

    @Option(help: "A model from `nere train` (a directory) to serve; needs the --vectors it was trained with.")
    var model: String?

    @Option(help: "Score only events that ended at or after this RFC 3339 time (default with --model: the model's test start).")
    var scoreFrom: String?

    @Flag(help: "With --model: answer with the model whenever it can, never falling back on low confidence.")
    var modelOnly = false

    @Option(help: "With --model: blend the model's nearest sets into the fallback's ranking with this weight × cosine.")
    var modelBlend: Double?

    @Option(help: "With --model: windows whose sessions' input work stays cached (least recently used ones are recomputed).")
    var cachedWindows: Int = ModelRecommender.Options().cachedWindows

    @Option(help: ArgumentHelp("Seed the baseline with the learned state of this `nere replay` cache and keep it frozen, as `nere serve` does.",
                               discussion: "Nothing is learned during the run, so its recommendations are exactly what the service would publish for the same log."))
    var warmStart: String?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if let modelBlend {
            guard model != nil else { throw ValidationError("--model-blend needs --model") }
            guard !modelOnly else { throw ValidationError("--model-blend and --model-only exclude each other") }
            guard modelBlend.isFinite, modelBlend >= 0 else {
                throw ValidationError("--model-blend must be a finite weight of 0 or more, got \(modelBlend)")
            }
        }
        guard cachedWindows > 0 else { throw ValidationError("--cached-windows must be positive, got \(cachedWindows)") }
        if let model {
            guard vectors != nil else { throw ValidationError("--model needs --vectors (the set vectors it was trained with)") }
            try requireModelDirectory(model, flag: "--model")
        }
        if modelOnly && model == nil { throw ValidationError("--model-only needs --model") }
        if let scoreFrom, Timestamp(rfc3339: scoreFrom) == nil {
            throw ValidationError("--score-from \(scoreFrom): not an RFC 3339 time such as 2026-04-01T00:00:00Z")
        }
        if let indexDir {
            guard vectors != nil else { throw ValidationError("--index-dir needs --vectors") }
            try requireWritableLocation(indexDir, flag: "--index-dir")
        }
        guard exactBelow >= 0 else { throw ValidationError("--exact-below must be 0 or more, got \(exactBelow)") }
        if let vectors { try requireVectorDirectory(vectors, flag: "--vectors") }
        if let warmStart { try requireReadableFile(warmStart, flag: "--warm-start") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive, got \(batchSize)") }
        guard (1...1000).contains(items) else { throw ValidationError("--items must be 1…1000, got \(items)") }
        try requireWritableLocation(cache, flag: "--cache")
        if let out { try requireWritableLocation(out, flag: "--out") }
        if let recommendations { try requireWritableLocation(recommendations, flag: "--recommendations") }
        if let predictions { try requireWritableLocation(predictions, flag: "--predictions") }
    }

    func run() async throws {
        var index = NearestSetIndex.Configuration()
        index.exactBelow = exactBelow
        var modelOptions = ModelRecommender.Options()
        modelOptions.fallBackOnLowConfidence = !modelOnly
        modelOptions.blendWeight = modelBlend
        modelOptions.cachedWindows = cachedWindows
        let result = try await replay(input: try input.input(clientID: "nere-replay"), cache: cache, out: out,
                                      recommendations: recommendations, predictions: predictions,
                                      batchSize: batchSize, items: items, vectors: vectors, index: index,
                                      indexDirectory: indexDir, model: model, modelOptions: modelOptions,
                                      scoreFrom: scoreFrom.flatMap(Timestamp.init(rfc3339:)), warmStart: warmStart,
                                      logger: logging.logger())
        print(result.summary)
    }
}

func replay(input: ReplayInput, cache: String, out: String?, recommendations: String? = nil, predictions: String? = nil,
            batchSize: Int = ReplayRun.defaultBatchSize, items: Int = StreamPipeline.Options().itemsPerRecommendation,
            vectors: String? = nil, index: NearestSetIndex.Configuration = NearestSetIndex.Configuration(),
            indexDirectory: String? = nil, model: String? = nil, modelOptions: ModelRecommender.Options = .init(),
            scoreFrom: Timestamp? = nil, warmStart: String? = nil, logger: Logger) async throws -> ReplayRun.Result {
    var run = ReplayRun(input: input, cachePath: cache, recommendationsPath: recommendations)
    run.predictionsPath = predictions
    run.recommenders.vectorsPath = vectors
    run.recommenders.index = index
    run.recommenders.indexDirectory = indexDirectory
    run.recommenders.modelPath = model
    run.recommenders.model = modelOptions
    run.recommenders.warmStartPath = warmStart
    run.options.scoreFrom = scoreFrom
    run.batchSize = batchSize
    run.options.itemsPerRecommendation = items
    let progress = ProgressLine("replay")
    let result = try await run.run(logger: logger) { progress.update(done: $0, total: $1) }
    progress.finish()
    if let out {
        do {
            try PayloadEncoding.json(result).write(to: URL(fileURLWithPath: out))
        } catch {
            throw ValidationError("--out \(out): \(error.localizedDescription)")
        }
    }
    return result
}

import Logging

extension ReplayRun.Result {
    var summary: String {
        var lines = ["", metrics.table, ""]
        let c = counters
        lines.append("events \(c["events_in"] ?? 0): applied \(c["applied"] ?? 0), duplicates \(c["duplicates"] ?? 0), "
            + "stale \(c["stale"] ?? 0), dropped under 13 \(c["dropped_underage"] ?? 0), dead letters \(c["dead_letters"] ?? 0)")
        if !deadLettersByReason.isEmpty {
            lines.append("dead letters by reason: "
                + deadLettersByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        lines.append("\(windows) windows, \(setsInCatalog) sets, model \(modelVersion)")
        if let scoredFrom { lines.append("scored events that ended from \(scoredFrom) on") }
        if let answeredByModel, let fallbacks {
            lines.append("answered by the model \(answeredByModel), fallbacks: "
                + (fallbacks.isEmpty ? "none" : fallbacks.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        }
        lines.append("this run: \(eventsThisRun) events in \(String(format: "%.2f", secondsThisRun)) s = "
            + "\(Int(eventsPerSecond)) events/s (including SQLite commits) → cache \(cache)")
        lines.append("  of which reading and decoding the log \(String(format: "%.2f", secondsLoading)) s, "
            + "waiting for SQLite \(String(format: "%.2f", secondsWaitingForCommits)) s")
        return lines.joined(separator: "\n")
    }
}
