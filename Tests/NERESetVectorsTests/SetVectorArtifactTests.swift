import Foundation
import NEREContracts
import Testing
@testable import NERESetVectors

/// Set2Vec and the artifact on a tiny catalog: two topics whose sets share words.
struct SetVectorArtifactTests {
    static func set(_ id: String, _ terms: [String], vector: [Float]? = nil) -> StudySet {
        StudySet(setID: id, title: id, terms: terms, definitions: terms.map { _ in "" }, subject: .french,
                 termLang: "fr", defLang: "en", studierCount: 1, meanStudierAge: 15, totalViews: 1, hasImages: false,
                 hasDiagrams: false, preferredStudyMode: "learn", preferredPlatform: "web", meanSessionLengthMin: 5,
                 contentVector: vector)
    }

    static let days = ["lundi mardi mercredi", "jeudi vendredi samedi", "dimanche lundi mardi"]
    static let months = ["janvier février mars", "avril mai juin", "juillet août septembre"]
    static let catalog = [set("days-1", days), set("days-2", Array(days.reversed())), set("months-1", months),
                          set("months-2", Array(months.reversed())), set("days-3", days + ["mercredi jeudi"]),
                          set("months-3", months + ["octobre novembre décembre"])]

    static func trained() -> SetVectorArtifact {
        var training = SetVectorTraining()
        training.glove.dimensions = 16
        training.glove.epochs = 40
        training.minimumCount = 1
        return training.train(sets: catalog)
    }

    @Test func setsOfOneTopicAreCloserThanSetsOfTheOther() throws {
        let artifact = Self.trained()
        let d = artifact.set2vec.dimensions
        func row(_ id: String) -> [Float] {
            let r = artifact.setIDs.firstIndex(of: id)!
            return Array(artifact.setVectors[r * d..<(r + 1) * d])
        }
        func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        #expect(cosine(row("days-1"), row("days-2")) > cosine(row("days-1"), row("months-1")))
        #expect(cosine(row("months-3"), row("months-2")) > cosine(row("months-3"), row("days-3")))
        for id in artifact.setIDs {
            #expect(abs(cosine(row(id), row(id)) - 1) < 1e-5, "set vectors are L2-normalised")
        }
    }

    @Test func newSetsUseTheVocabularyAndCountUnknownWords() {
        let set2vec = Self.trained().set2vec
        let fresh = set2vec.vector(for: Self.set("new", ["lundi mardi quetzalcoatl"]))
        #expect(fresh.knownTokens == 2)
        #expect(fresh.unknownTokens == 1)
        #expect(fresh.vector?.count == set2vec.dimensions)
        #expect(set2vec.vector(for: Self.set("alien", ["quetzalcoatl xylophone"])).vector == nil)
        let supplied = set2vec.vector(for: Self.set("given", ["lundi"], vector: [3, 4] + [Float](repeating: 0, count: 126)))
        #expect(supplied.fromPayload)
        #expect(supplied.vector?.prefix(2) == [0.6, 0.8])
    }

    @Test func aFrequentWordWeighsLessThanARareOne() {
        let set2vec = Self.trained().set2vec
        let common = set2vec.vocabulary.id(of: "lundi")!, rare = set2vec.vocabulary.id(of: "octobre")!
        #expect(set2vec.inverseDocumentFrequency(common) < set2vec.inverseDocumentFrequency(rare))
    }

    @Test func writesAndLoadsTheSameArtifact() throws {
        var artifact = Self.trained()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nere-vectors-\(UUID().uuidString)")
        let version = try artifact.write(to: directory)
        #expect(version.hasPrefix("sv-"))
        let loaded = try SetVectorArtifact.load(from: directory)
        #expect(loaded.versionID == version)
        #expect(loaded.setIDs == artifact.setIDs)
        #expect(loaded.setVectors == artifact.setVectors)
        #expect(loaded.set2vec.vocabulary == artifact.set2vec.vocabulary)
        #expect(loaded.set2vec.wordVectors == artifact.set2vec.wordVectors)
        #expect(loaded.training == artifact.training)
        let probe = Self.set("probe", ["mardi avril"])
        #expect(loaded.set2vec.vector(for: probe) == artifact.set2vec.vector(for: probe))
    }

    @Test func refusesDamagedOrMismatchedFiles() throws {
        var first = Self.trained()
        let a = FileManager.default.temporaryDirectory.appendingPathComponent("nere-vectors-\(UUID().uuidString)")
        try first.write(to: a)
        let tensors = a.appendingPathComponent(SetVectorArtifact.tensorsFile)
        var bytes = try Data(contentsOf: tensors)

        bytes[bytes.count - 3] ^= 0xFF
        try bytes.write(to: tensors)
        #expect(throws: SetVectorArtifact.LoadError.self) { try SetVectorArtifact.load(from: a) }

        try Data(bytes.prefix(bytes.count / 2)).write(to: tensors)
        #expect(throws: SetVectorArtifact.LoadError.self) { try SetVectorArtifact.load(from: a) }

        var other = Self.trained()
        other.setIDs.removeLast()
        other.setVectors.removeLast(other.set2vec.dimensions)
        let b = FileManager.default.temporaryDirectory.appendingPathComponent("nere-vectors-\(UUID().uuidString)")
        try other.write(to: b)
        try FileManager.default.removeItem(at: tensors)
        try FileManager.default.copyItem(at: b.appendingPathComponent(SetVectorArtifact.tensorsFile), to: tensors)
        let error = try #require(throws: SetVectorArtifact.LoadError.self) { try SetVectorArtifact.load(from: a) }
        #expect(error.description.contains("do not belong together"))

        try Data("{}".utf8).write(to: a.appendingPathComponent(SetVectorArtifact.descriptionFile))
        #expect(throws: SetVectorArtifact.LoadError.self) { try SetVectorArtifact.load(from: a) }
    }

    @Test func qualityFindsCourseMatesAndCopies() {
        // Four unit vectors: two courses of two sets; set 3 copies set 2 and sits right next to it.
        let vectors: [Float] = [1, 0, 0, 0.96, 0.28, 0, 0, 0, 1, 0, 0.1, 0.995]
        let quality = VectorQuality(vectors: vectors, dimensions: 3, course: [0, 0, 1, 1], original: [nil, nil, nil, 2])
        #expect(quality.setsMeasured == 4)
        #expect(abs(quality.meanCosineSameCourse - (0.96 + 0.995) / 2) < 1e-6)
        #expect(quality.courseMateInTop10 == 1)
        #expect(quality.copyIsNearest == 1)
    }
}
