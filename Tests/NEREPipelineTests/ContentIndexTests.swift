import Foundation
import Logging
import NEREBaseline
import NERECache
import NEREContent
import NEREContracts
import NEREFeatures
import NEREIndex
import NEREPipeline
import NERESetVectors
import Testing

/// Set records flowing through the pipeline into the per-subject nearest-set indexes, the
/// catalog and the cache, and the content blend that uses them.
struct ContentIndexTests {
    /// Vectors for a one-word vocabulary: every set here carries its own `content_vector`.
    static let artifact = SetVectorArtifact(
        set2vec: Set2Vec(vocabulary: Vocabulary(words: ["lundi"], counts: [1], documentFrequencies: [1], documentCount: 1),
                         wordVectors: [0, 0, 0, 1], dimensions: 4),
        setIDs: [], setVectors: [],
        training: .init(sets: 0, tokens: 0, vocabularySize: 1, cooccurrenceEntries: 0, epochs: 0, losses: [], seed: 1,
                        window: 10, seconds: 0))

    static func set(_ id: String, _ vector: [Float], subject: Subject = .french) -> StudySet {
        var set = Fixture.set(id, subject: subject)
        set.contentVector = vector
        return set
    }

    struct Harness {
        let catalog = SetCatalog()
        let content: SetContentIndex
        let cache: StreamCache
        let pipeline: StreamPipeline

        init(directory: URL) throws {
            content = SetContentIndex(artifact: ContentIndexTests.artifact, catalog: catalog)
            cache = try StreamCache(path: directory.appendingPathComponent("cache.sqlite").path)
            let recommender = ContentBlendRecommender(base: BaselineRecommender(catalog: catalog), content: content)
            pipeline = StreamPipeline(catalog: catalog, content: content, recommender: recommender, cache: cache,
                                      logger: Logger(label: "test"))
        }

        func nearest(_ vector: [Float], in subject: Subject = .french, count: Int = 2) -> [String] {
            content.nearest(to: vector, in: subject, count: count).map { catalog.id(of: $0.setIndex) }
        }
    }

    @Test("added, deleted and moved sets reach the index, the catalog and the cache together")
    func setRecords() throws {
        let directory = try Fixture.temporaryDirectory()
        let harness = try Harness(directory: directory)
        try harness.pipeline.loadCatalog([Self.set("a", [1, 0, 0, 0]), Self.set("b", [0.9, 0.1, 0, 0]),
                                          Self.set("c", [0, 1, 0, 0])])
        #expect(harness.nearest([1, 0, 0, 0]) == ["a", "b"])

        try harness.pipeline.apply([.published(Self.set("d", [0.95, 0.05, 0, 0])), .deleted(setID: "a")])
        #expect(harness.nearest([1, 0, 0, 0]) == ["d", "b"])
        #expect(harness.catalog.subject(of: "a") == nil)
        let dump = try harness.cache.canonicalDump()
        #expect(dump.contains { $0.contains(#"set_id:"a""#) && $0.contains("deleted:1") })
        #expect(dump.contains { $0.contains(#"set_id:"d""#) && $0.contains("deleted:0") })

        try harness.pipeline.apply([.published(Self.set("b", [0.9, 0.1, 0, 0], subject: .history))])
        #expect(harness.nearest([1, 0, 0, 0]) == ["d", "c"])
        #expect(harness.nearest([1, 0, 0, 0], in: .history) == ["b"])
    }

    @Test("the blend adds the window's content neighbours the baseline knows nothing about")
    func blendAddsNeighbours() throws {
        let directory = try Fixture.temporaryDirectory()
        let harness = try Harness(directory: directory)
        try harness.pipeline.loadCatalog([Self.set("a", [1, 0, 0, 0]), Self.set("b", [0.9, 0.1, 0, 0]),
                                          Self.set("c", [0, 1, 0, 0]), Self.set("h", [1, 0, 0, 0], subject: .history)])
        let baseline = BaselineRecommender(catalog: harness.catalog)
        let blend = ContentBlendRecommender(base: baseline, content: harness.content, weight: 0.05)
        var window = SessionWindow(key: WindowKey(userID: "u", subject: .french))
        let entry = WindowSession(session: Fixture.session("e1", set: "a", atDay: 0), setIndex: harness.catalog.index(of: "a")!)
        _ = window.apply(entry)
        blend.learn(from: entry, window: window)
        #expect(baseline.recommend(for: window, count: 10).items.map { harness.catalog.id(of: $0.setIndex) } == ["a"])
        let items = blend.recommend(for: window, count: 10).items
        #expect(items.map { harness.catalog.id(of: $0.setIndex) } == ["a", "b"])
        #expect(abs(items[1].score - 0.05 * 0.9 / (0.81 + 0.01).squareRoot()) < 1e-6)
        #expect(blend.modelVersion == BaselineRecommender.version + "+content-")
    }
}

extension ContentIndexTests {
    @Test("a replay given set vectors blends content neighbours in, through a graph where a subject is large enough")
    func replayWithVectors() async throws {
        let directory = try Fixture.temporaryDirectory()
        let sets = ["days", "months", "numbers", "colours"].map { Fixture.set($0) }
        try sets.map(Fixture.jsonLine).joined(separator: "\n")
            .write(to: directory.appendingPathComponent("sets.jsonl"), atomically: true, encoding: .utf8)
        let events = ["a", "b"].flatMap { user in
            sets.enumerated().map { offset, set in
                Fixture.jsonLine(Fixture.session("\(user)\(offset)", user: user, set: set.setID, atDay: Double(offset)))
            }
        }
        try events.joined(separator: "\n").write(to: directory.appendingPathComponent("events.jsonl"), atomically: true,
                                                 encoding: .utf8)
        var artifact = Self.artifact
        let version = try artifact.write(to: directory.appendingPathComponent("vectors"))

        let input = ReplayInput.files(events: directory.appendingPathComponent("events.jsonl").path,
                                      sets: directory.appendingPathComponent("sets.jsonl").path)
        var run = ReplayRun(input: input,
                            cachePath: directory.appendingPathComponent("cache.sqlite").path)
        run.recommenders.vectorsPath = directory.appendingPathComponent("vectors").path
        run.recommenders.index.exactBelow = 2
        let result = try await run.run(logger: Logger(label: "test"))
        #expect(result.modelVersion == BaselineRecommender.version + "+content-" + version)
        #expect(result.counters["applied"] == 8)
        let cache = try StreamCache(path: directory.appendingPathComponent("cache.sqlite").path, readOnly: true)
        let shown = try cache.recommendation(for: WindowKey(userID: "b", subject: .french))
        #expect(shown?.items.count == 4)
    }
}

extension ContentIndexTests {
    @Test("saved subject indexes are read back when the sets are the same, and rebuilt when one changed")
    func savedIndexes() throws {
        let directory = try Fixture.temporaryDirectory().appendingPathComponent("indexes")
        let sets = [Self.set("a", [1, 0, 0, 0]), Self.set("b", [0.9, 0.1, 0, 0]),
                    Self.set("h", [0, 1, 0, 0], subject: .history), Self.set("i", [0, 1, 1, 0], subject: .history)]
        var configuration = NearestSetIndex.Configuration()
        configuration.exactBelow = 2
        func load(_ sets: [StudySet]) throws -> (SetContentIndex, SetCatalog, (rebuilt: Int, reloaded: Int)) {
            let catalog = SetCatalog()
            let content = SetContentIndex(artifact: Self.artifact, catalog: catalog, configuration: configuration)
            return (content, catalog, try content.load(sets, savedIn: directory))
        }
        let first = try load(sets)
        #expect(first.2 == (rebuilt: 2, reloaded: 0))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("french.knn").path))
        let again = try load(sets)
        #expect(again.2 == (rebuilt: 0, reloaded: 2))
        #expect(again.0.methods == [.french: .graph, .history: .graph])
        let nearest = again.0.nearest(to: [0, 1, 0.9, 0], in: .history, count: 2).map { again.1.id(of: $0.setIndex) }
        #expect(nearest == ["i", "h"])
        let changed = try load(sets.dropLast() + [Self.set("i", [0, 1, 0.5, 0], subject: .history)])
        #expect(changed.2 == (rebuilt: 1, reloaded: 1))
    }
}
