import Foundation
import Logging
import NEREBaseline
@testable import NEREComparison
import NEREContent
import NEREContracts
import NEREEvaluation
import NEREFeatures
import NEREKafka
import NEREPipeline
import NEREService
import NERESetVectors
import NERETraining
import Testing

/// `nere evaluate` on a small hand-made course: contenders that reproduce a replay report what
/// `nere replay` reports for the same period, skipping unscored work changes no score, and the
/// report holds every contender, the attention and the paper's rows.
@Suite(.serialized) struct EvaluationRunTests {
    static let setNames = ["days", "months", "numbers", "colours", "animals", "food", "weather", "family"]

    let directory: URL
    var eventsPath: String { directory.appendingPathComponent("events.jsonl").path }
    var setsPath: String { directory.appendingPathComponent("sets.jsonl").path }
    var vectorsPath: String { directory.appendingPathComponent("vectors").path }
    var input: ReplayInput { .files(events: eventsPath, sets: setsPath) }
    static let splitAt = Fixture.start.adding(seconds: 4 * Fixture.day)

    /// Twelve learners moving through the course at their own pace, a few repeats, a duplicate
    /// event and a set nobody published.
    init() throws {
        directory = try Fixture.temporaryDirectory()
        let sets = Self.setNames.map { name in
            var set = Fixture.set(name)
            (set.terms, set.definitions) = ([name], [name])
            return set
        }
        try sets.map(Fixture.jsonLine).joined(separator: "\n").write(toFile: setsPath, atomically: true, encoding: .utf8)
        var lines: [String] = []
        for u in 0..<12 {
            for i in 0..<10 {
                let set = u == 3 && i == 5 ? "unpublished" : Self.setNames[(i + u / 3 + (i % 3 == 2 ? 1 : 0)) % Self.setNames.count]
                let session = Fixture.session("u\(u)-\(i)", user: "u\(u)", set: set, atDay: Double(i) * 0.7 + Double(u) * 0.05)
                lines.append(Fixture.jsonLine(session))
                if u == 5 && i == 7 { lines.append(Fixture.jsonLine(session)) }
            }
        }
        try lines.joined(separator: "\n").write(toFile: eventsPath, atomically: true, encoding: .utf8)
        // One word per set, each with its own direction: every set has a distinct content vector.
        let count = Self.setNames.count
        var artifact = SetVectorArtifact(
            set2vec: Set2Vec(vocabulary: Vocabulary(words: Self.setNames, counts: Array(repeating: 1, count: count),
                                                    documentFrequencies: Array(repeating: 1, count: count), documentCount: count),
                             wordVectors: (0..<count * 4).map { Float(sin(Double($0 + 1))) }, dimensions: 4),
            setIDs: [], setVectors: [],
            training: .init(sets: count, tokens: count, vocabularySize: count, cooccurrenceEntries: 0, epochs: 0, losses: [],
                            seed: 1, window: 10, seconds: 0))
        _ = try artifact.write(to: URL(fileURLWithPath: vectorsPath))
    }

    func evaluation(input: ReplayInput? = nil) -> EvaluationRun {
        var run = EvaluationRun(input: input ?? self.input, vectorsPath: vectorsPath,
                                modelsDirectory: directory.appendingPathComponent("models").path)
        run.split = .at(Self.splitAt)
        run.training.options = TrainingOptions(maxEpochs: 2)
        run.predictionsPath = directory.appendingPathComponent("predictions.jsonl").path
        return run
    }

    func replay(model: String? = nil, cache: String) async throws -> ReplayRun.Result {
        var run = ReplayRun(input: input, cachePath: directory.appendingPathComponent(cache).path)
        run.recommenders.vectorsPath = vectorsPath
        run.recommenders.modelPath = model
        run.options.scoreFrom = Self.splitAt
        return try await run.run(logger: Logger(label: "test"))
    }

    static func expectSameScores(_ contender: EvaluationReport.Contender?, _ replayed: PrequentialReport) throws {
        let contender = try #require(contender)
        for (ours, theirs) in zip(contender.byHistoryLength + [contender.overall], replayed.byHistoryLength + [replayed.overall]) {
            #expect(ours.historyLength == theirs.historyLength)
            #expect(ours.predictions == theirs.predictions, "\(contender.name) h\(ours.historyLength ?? -1)")
            #expect(abs(ours.recallAt1 - theirs.recallAt1) < 1e-12)
            #expect(abs(ours.recallAt10 - theirs.recallAt10) < 1e-12)
            #expect(abs(ours.recallAt100 - theirs.recallAt100) < 1e-12)
            #expect(abs(ours.mrr - theirs.mrr) < 1e-12, "\(contender.name) h\(ours.historyLength ?? -1)")
        }
    }

    @Test func servedContendersScoreExactlyAsTheirReplays() async throws {
        let report = try await evaluation().run(logger: Logger(label: "test"))
        let baseline = try await replay(cache: "baseline.sqlite")
        try Self.expectSameScores(report.contenders.first { $0.name == ContenderName.baseline }, baseline.metrics)
        let served = try await replay(model: directory.appendingPathComponent("models/nere").path, cache: "served.sqlite")
        try Self.expectSameScores(report.contenders.first { $0.name == ContenderName.nereServed }, served.metrics)
        #expect(served.metrics.overall.predictions > 20, "the period is long enough to mean something")
        #expect((served.answeredByModel ?? 0) > 0 && !(served.fallbacks ?? [:]).isEmpty, "both the model and its fallback answer")
    }

    @Test func reportHoldsEveryContenderAttentionAndThePaper() async throws {
        let report = try await evaluation().run(logger: Logger(label: "test"))
        #expect(report.contenders.map(\.name) == [
            ContenderName.nere, ContenderName.nereServed, ContenderName.nereWithoutMetadata, ContenderName.nereWithoutContent,
            ContenderName.baseline, ContenderName.popularity, ContenderName.transitions, ContenderName.factorization,
            ContenderName.lastSetNeighbours,
        ])
        let scored = report.contenders.map { $0.byHistoryLength.reduce(0) { $0 + $1.predictions } }
        #expect(Set(scored).count == 1 && scored[0] == report.eventsScored, "every contender is scored on every event")
        for name in [ContenderName.nere, ContenderName.nereWithoutMetadata, ContenderName.nereWithoutContent] {
            #expect(report.contenders.first { $0.name == name }?.overall.rSquared != nil, "\(name) predicts vectors")
        }
        #expect(report.contenders.first { $0.name == ContenderName.popularity }?.overall.rSquared == nil)
        let attention = try #require(report.attention)
        #expect(attention.groups.count == FeatureSpace.categoricalFeatureNames.count + 2)
        for t in attention.predictionsPerStep.indices where attention.predictionsPerStep[t] > 0 {
            #expect(abs(attention.weights.reduce(0) { $0 + $1[t] } - 1) < 1e-4, "feature attention sums to 1 at step \(t)")
        }
        #expect(report.paper.map(\.contender) == [ContenderName.nere, ContenderName.nereWithoutMetadata, ContenderName.nereWithoutContent,
                                                  ContenderName.factorization])
        #expect(report.paper.first?.ourRecallAt100 == report.contenders.first?.overall.recallAt100)
        let lines = try String(contentsOfFile: directory.appendingPathComponent("predictions.jsonl").path, encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == report.eventsScored, "--predictions holds NERE's scored predictions")
        for example in report.examples {
            #expect(example.rankOfStudied.map { (1...10).contains($0) } == true)
            #expect(example.history.count >= 3 && example.recommended.first?.title.hasPrefix("Title of") == true)
        }
    }

    /// `nere evaluate --bootstrap`: the log keyed by user over three partitions and the catalog,
    /// read from librdkafka's mock cluster, evaluate exactly as the files do.
    @Test func topicsEvaluateAsTheFilesDo() async throws {
        let cluster = try KafkaMockCluster(brokers: 1)
        try cluster.createTopic(TopicName.studyEvents.rawValue, partitions: 3)
        try cluster.createTopic(TopicName.sets.rawValue, partitions: 1)
        let producer = try KafkaProducer(configuration: cluster.configuration())
        for (path, topic, key) in [(setsPath, TopicName.sets, "set_id"), (eventsPath, TopicName.studyEvents, "user_id")] {
            for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                _ = try producer.send(KafkaProducerMessage(topic: topic.rawValue, key: (object?[key] as? String).map { Array($0.utf8) },
                                                           value: Array(line.utf8)))
            }
        }
        #expect(try await producer.flush(timeout: .seconds(30)).allSatisfy(\.isDelivered))
        _ = await producer.close()

        var fromFiles = try await evaluation().run(logger: Logger(label: "test"))
        // The same models judged again: BLAS's thread count is process-wide, and tests running
        // alongside may change it between two trainings (and with it the last bits of a sum).
        var fromTopicsRun = evaluation(input: .topics(cluster.configuration()))
        fromTopicsRun.reusesModels = true
        var fromTopics = try await fromTopicsRun.run(logger: Logger(label: "test"))
        #expect(fromTopics.events.hasPrefix("kafka://"))
        for i in fromFiles.contenders.indices { fromFiles.contenders[i].secondsScoring = 0 }
        for i in fromTopics.contenders.indices { fromTopics.contenders[i].secondsScoring = 0 }
        for (topic, file) in zip(fromTopics.contenders, fromFiles.contenders) {
            #expect(topic.overall == file.overall, "\(topic.name)")
            #expect(topic.byHistoryLength == file.byHistoryLength, "\(topic.name)")
            #expect(topic.fallbacks == file.fallbacks, "\(topic.name)")
        }
        #expect(fromTopics.eventsScored == fromFiles.eventsScored && fromTopics.attention == fromFiles.attention)
        #expect(fromTopics.examples == fromFiles.examples)
    }

    @Test func modelsThatFitAreReusedAndOthersRetrained() async throws {
        let first = try await evaluation().run(logger: Logger(label: "test"))
        let weights = directory.appendingPathComponent("models/nere/model.safetensors").path
        let written = try FileManager.default.attributesOfItem(atPath: weights)[.modificationDate] as? Date
        var again = evaluation()
        again.reusesModels = true
        let second = try await again.run(logger: Logger(label: "test"))
        #expect(try FileManager.default.attributesOfItem(atPath: weights)[.modificationDate] as? Date == written)
        #expect(second.contenders.map(\.overall) == first.contenders.map(\.overall))
        again.split = .at(Self.splitAt.adding(seconds: -Fixture.day))
        _ = try await again.run(logger: Logger(label: "test"))
        #expect(try FileManager.default.attributesOfItem(atPath: weights)[.modificationDate] as? Date != written,
                "a model that saw events after an earlier split is retrained")
    }

    @Test func skippingUnscoredRecommendationsChangesNoRanking() throws {
        let log = try ReplayLog(path: eventsPath)
        let sets = try SetsFile.load(path: setsPath).sets
        func rows(_ work: Contender.Work) -> [ComparisonRow] {
            let catalog = SetCatalog(sets)
            let timeline = ReplayTimeline(log: log, catalog: catalog, splitAt: Self.splitAt)
            let contender = Contender(name: "popularity", label: "", description: "", kind: .baseline,
                                      recommender: BaselineRecommender(catalog: catalog), work: work, hasConfidence: false)
            let replay = ContenderReplay(contender, depth: 100, batch: 7)
            replay.run(timeline, target: { _ in nil }, observe: { _, _ in }, progress: { _ in })
            let (byLength, overall) = replay.lanes[0].scorer.rows(catalogSize: catalog.publishedCount)
            return byLength + [overall]
        }
        let every = rows(.everyRecommendation)
        #expect(every.last!.predictions > 0)
        #expect(rows(.scoredRecommendations) == every)
    }

    @Test func timelineKnowsWhichRecommendationsWillBeScored() throws {
        let log = try ReplayLog(path: eventsPath)
        let timeline = ReplayTimeline(log: log, catalog: SetCatalog(try SetsFile.load(path: setsPath).sets), splitAt: Self.splitAt)
        #expect(timeline.steps.count == 120, "the duplicate is not applied")
        #expect(timeline.scoredCount == timeline.steps.count { $0.entry.session.endedAt >= Self.splitAt })
        for (i, step) in timeline.steps.enumerated() {
            let next = timeline.steps[(i + 1)...].first { $0.key == step.key }
            #expect(step.nextIsScored == (next.map { $0.entry.session.endedAt >= Self.splitAt } ?? false))
        }
        let half = ReplayTimeline.split(testFraction: 0.5, of: log.acceptedSessions)
        let times = log.acceptedSessions.map(\.endedAt)
        #expect(times.count { $0 >= half! } * 2 >= times.count && times.count { $0 < half! } * 2 <= times.count)
    }
}
