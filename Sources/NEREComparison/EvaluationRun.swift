import Foundation
import Synchronization
import Logging
import NEREBaseline
import NEREContent
import NEREContracts
import NEREEvaluation
import NEREFactorization
import NEREFeatures
import NEREIndex
import NEREModel
import NEREPipeline
import NERESetVectors
import NERETraining

/// `nere evaluate` end to end (DESIGN §8): split the log by time, train the NERE model and its
/// ablations on the earlier period, replay the later period prequentially through every
/// contender side by side, and assemble the report.
///
/// Where the time goes: training (minutes, excluded from the scoring figure); then scoring,
/// where each model contender runs its network only for the recommendations that will be
/// scored, and contenders replay in parallel, one per core.
public struct EvaluationRun {
    public enum Split: Sendable {
        case at(Timestamp)
        case testFraction(Double)
    }

    public var input: ReplayInput
    /// `nere vectorize`'s output: the content space every model and neighbour list uses.
    public var vectorsPath: String
    public var split = Split.testFraction(0.2)
    /// A trained full model to judge instead of training one (its vectors must be `vectorsPath`).
    public var modelPath: String?
    public var training = ModelTraining()
    public var trainsAblations = true
    public var factorization = FactorizationOptions()
    /// Models already in `modelsDirectory` from an earlier evaluation are judged again instead
    /// of retrained when they fit: same content vectors, same ablation, and every example they
    /// saw ended before this split.
    public var reusesModels = false
    /// Where trained models are written (`<dir>/nere`, `<dir>/nere_without_metadata`, …).
    public var modelsDirectory: String
    /// Every scored prediction of contender `predictionsOf`, as `nere replay --predictions` writes them.
    public var predictionsPath: String?
    public var predictionsOf = ContenderName.nere
    public var index = NearestSetIndex.Configuration()
    /// Rankings are kept this deep for recall@100.
    public var depth = 100
    /// Windows per model batch.
    public var batch = 256

    public init(input: ReplayInput, vectorsPath: String, modelsDirectory: String) {
        self.input = input
        self.vectorsPath = vectorsPath
        self.modelsDirectory = modelsDirectory
    }

    public enum Stage: Sendable {
        case loading
        case training(model: String, ModelTraining.Stage)
        case factorizing(FactorizationProgress)
        case scoring(done: Int, total: Int)
    }

    public func run(logger: Logger, stage: @escaping @Sendable (Stage) -> Void = { _ in }) async throws -> EvaluationReport {
        stage(.loading)
        let loadedSets = try await input.loadSets()
        let log = try await input.loadEvents()
        let sessions = log.acceptedSessions
        let splitAt: Timestamp
        switch split {
        case .at(let time): splitAt = time
        case .testFraction(let fraction):
            guard let time = ReplayTimeline.split(testFraction: fraction, of: sessions) else { throw EvaluationError.noValidEvents }
            splitAt = time
        }
        let vectors = try SetVectorArtifact.load(from: URL(fileURLWithPath: vectorsPath))
        let catalog = SetCatalog()
        let content = SetContentIndex(artifact: vectors, catalog: catalog, configuration: index)
        try content.load(loadedSets.sets)

        let trainingStarted = ContinuousClock.now
        let earlier = sessions.filter { $0.endedAt < splitAt }
        var models = try trainModels(on: earlier, before: splitAt, sets: loadedSets.sets, vectors: vectors, logger: logger,
                                     stage: stage)
        models.factorization = HybridFactorization(sessions: earlier, sets: loadedSets.sets,
                                                   contentVector: { catalog.index(of: $0).flatMap(content.vector(of:)) },
                                                   options: factorization) { stage(.factorizing($0)) }
        let secondsTraining = (ContinuousClock.now - trainingStarted).seconds

        let timeline = ReplayTimeline(log: log, catalog: catalog, splitAt: splitAt)
        guard timeline.scoredCount > 0 else { throw EvaluationError.nothingToScore(splitAt) }
        let contenders = ContenderLineup(catalog: catalog, content: content, models: models).contenders
        for contender in contenders { contender.recommender.catalogChanged(published: loadedSets.sets, deleted: []) }

        let scoringStarted = ContinuousClock.now
        let outcomes = try replay(contenders, over: timeline, catalog: catalog, content: content, stage: stage)
        let secondsScoring = (ContinuousClock.now - scoringStarted).seconds
        logger.info("evaluation scored", metadata: ["events": "\(timeline.scoredCount)", "seconds": "\(secondsScoring)"])

        let setsByID = Dictionary(loadedSets.sets.map { ($0.setID, $0) }, uniquingKeysWith: { $1 })
        let rows = outcomes.map { outcome -> EvaluationReport.Contender in
            let (byLength, overall) = outcome.scorer.rows(catalogSize: catalog.publishedCount)
            let c = outcome.contender
            return EvaluationReport.Contender(name: c.name, label: c.label, description: c.description, kind: c.kind,
                                              overall: overall, byHistoryLength: byLength,
                                              fallbacks: (c.recommender as? ModelRecommender)?.fallbacks,
                                              secondsScoring: outcome.seconds)
        }
        let primary = outcomes.first { $0.contender.name == ContenderName.nere }
        return EvaluationReport(events: input.events, sets: input.sets, splitAt: splitAt, eventsTotal: log.events.count,
                                eventsScored: timeline.scoredCount, setsInCatalog: catalog.publishedCount, contenders: rows,
                                attention: primary?.attention.heatmap,
                                examples: primary?.examples.examples(describing: setsByID) ?? [],
                                paper: PaperFigures.comparison(with: rows),
                                differences: PaperFigures.differences(eventsScored: timeline.scoredCount,
                                                                      sets: catalog.publishedCount,
                                                                      subjects: Set(catalog.publishedSubjects.compactMap { $0 }).count,
                                                                      chance: timeline.chanceRecall(catalog, depth: depth),
                                                                      preset: training.preset, contenders: rows),
                                secondsScoring: secondsScoring, secondsTraining: secondsTraining)
    }

    /// The full model (trained, or `modelPath`) and, unless turned off, both ablations.
    private func trainModels(on sessions: [StudySession], before splitAt: Timestamp, sets: [StudySet], vectors: SetVectorArtifact,
                             logger: Logger, stage: @escaping @Sendable (Stage) -> Void) throws -> TrainedModels {
        func train(_ ablation: InputAblation, name: String) throws -> ModelArtifact {
            let directory = URL(fileURLWithPath: modelsDirectory).appendingPathComponent(name)
            if reusesModels, let earlier = try? ModelArtifact.load(from: directory), earlier.vectorsVersion == vectors.versionID,
               earlier.network.shape.ablation == ablation, earlier.testStart < splitAt {
                logger.info("model reused", metadata: ["model": "\(name)", "version": "\(earlier.versionID)"])
                return earlier
            }
            var training = training
            training.ablation = ablation
            let outcome = try training.run(sessions: sessions, sets: sets, vectors: vectors) { stage(.training(model: name, $0)) }
            var artifact = outcome.artifact
            let version = try artifact.write(to: directory)
            logger.info("model trained", metadata: ["model": "\(name)", "version": "\(version)",
                                                    "r2_test": "\(outcome.report.metrics["test_r2"] ?? .nan)"])
            return artifact
        }
        let full: ModelArtifact
        if let modelPath {
            full = try ModelArtifact.load(from: URL(fileURLWithPath: modelPath))
            guard full.vectorsVersion == vectors.versionID else {
                throw PipelineError.modelVectorsMismatch(model: full.vectorsVersion, vectors: vectors.versionID)
            }
            if full.testStart > splitAt {
                // Its validation period (early stopping, confidence) reaches into the scored one.
                logger.warning("the model saw events after the split: its figures flatter it", metadata: [
                    "model_test_start": "\(full.testStart)", "split_at": "\(splitAt)",
                ])
            }
        } else {
            full = try train(.none, name: ContenderName.nere)
        }
        guard trainsAblations else { return TrainedModels(full: full) }
        return TrainedModels(full: full, withoutMetadata: try train(.withoutMetadata, name: ContenderName.nereWithoutMetadata),
                             withoutContent: try train(.withoutContent, name: ContenderName.nereWithoutContent))
    }

    struct Outcome {
        var contender: Contender
        var scorer: ComparisonScorer
        var attention: AttentionAverage
        var examples: ExampleChoice
        var seconds: Double
    }

    /// Every contender over the timeline, two passes at a time (one per core; BLAS
    /// single-threaded meanwhile so the two do not fight over cores), the longest passes first
    /// so that both cores finish together: a pass with riders, then the models, then the rest.
    private func replay(_ contenders: [Contender], over timeline: ReplayTimeline, catalog: SetCatalog,
                        content: SetContentIndex, stage: @escaping @Sendable (Stage) -> Void) throws -> [Outcome] {
        let predictions = try predictionsPath.map { path in
            try? FileManager.default.removeItem(atPath: path)
            return try JSONLinesSink(url: URL(fileURLWithPath: path), records: .predictions)
        }
        func riders(of leader: Contender) -> [Contender] { contenders.filter { $0.work == .ridesOn(leader.name) } }
        func cost(_ leader: Contender) -> Int {
            riders(of: leader).count * 2 + (leader.recommender is ModelRecommender ? 1 : 0)
        }
        let passes = contenders.filter { if case .ridesOn = $0.work { false } else { true } }
            .enumerated().sorted { (cost($0.element), -$0.offset) > (cost($1.element), -$1.offset) }
            .map { (leader: $0.element, riders: riders(of: $0.element)) }
        let groups = FeatureSpace.categoricalFeatureNames + ["continuous features", "content vector"]
        let total = timeline.steps.count * passes.count
        let done = Mutex(0)
        let failure = Mutex<(any Error)?>(nil)
        let slots = UnsafeMutableBufferPointer<[Outcome]>.allocate(capacity: passes.count)
        slots.initialize(repeating: [])
        defer { slots.deallocate() }
        // Shared read-only by the passes (the catalog and indexes are complete before they start);
        // each recommender is used by its own pass only.
        nonisolated(unsafe) let shared = (passes, predictions, catalog, content, slots)
        let (depth, batch, predictionsOf) = (depth, batch, predictionsOf)
        ComputeThreads.use(1)
        defer { ComputeThreads.use(ProcessInfo.processInfo.activeProcessorCount) }
        DispatchQueue.concurrentPerform(iterations: passes.count) { i in
            let (passes, predictions, catalog, content, results) = shared
            let started = ContinuousClock.now
            let pass = ContenderReplay(passes[i].leader, riders: passes[i].riders, depth: depth, batch: batch)
            var attention = AttentionAverage(groups: groups)
            var examples = ExampleChoice()
            pass.run(timeline, target: content.vector(of:)) { contender, scored in
                if contender.name == ContenderName.nere {
                    if !scored.shown.fallback { attention.add(heatmap: scored.shown.heatmap, timeAttention: scored.shown.timeAttention) }
                    examples.consider(scored, catalog: catalog)
                }
                guard contender.name == predictionsOf, let predictions else { return }
                let session = scored.step.entry.session
                do {
                    try predictions.emit(prediction: ScoredPrediction(
                        eventID: session.eventID, userID: session.userID, subject: scored.step.key.subject,
                        historyLength: scored.shown.historyLength, items: scored.shown.items.map { catalog.id(of: $0) },
                        studied: session.setID, confidence: scored.shown.confidence, fallback: scored.shown.fallback))
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            } progress: { steps in
                let now = done.withLock { $0 += steps; return $0 }
                stage(.scoring(done: now, total: total))
            }
            let seconds = (ContinuousClock.now - started).seconds
            results[i] = pass.lanes.map { lane in
                Outcome(contender: lane.contender, scorer: lane.scorer, attention: attention, examples: examples, seconds: seconds)
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        try predictions?.flush()
        let outcomes = slots.flatMap { $0 }
        return contenders.map { contender in outcomes.first { $0.contender.name == contender.name }! }
    }
}

/// The models an evaluation judges.
struct TrainedModels {
    var full: ModelArtifact
    var withoutMetadata: ModelArtifact?
    var withoutContent: ModelArtifact?
    var factorization: HybridFactorization?
}

public enum EvaluationError: Error, CustomStringConvertible {
    case noValidEvents
    case nothingToScore(Timestamp)

    public var description: String {
        switch self {
        case .noValidEvents: "the event log holds no valid study session"
        case .nothingToScore(let split): "no event ends at or after the split \(split): nothing to score"
        }
    }
}
