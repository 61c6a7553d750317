import Foundation
import Testing
@testable import NERESetVectors

struct VocabularyTests {
    let documents = [["b", "a", "c", "a"], ["a", "d", "b"], [], ["c", "c", "e", "a"]]

    @Test func ordersByDescendingCountThenWord() {
        let vocabulary = Vocabulary(documents: documents, minimumCount: 1, maximumSize: nil)
        #expect((0..<Int32(vocabulary.count)).map(vocabulary.word(at:)) == ["a", "c", "b", "d", "e"])
        #expect((0..<Int32(vocabulary.count)).map(vocabulary.count(at:)) == [4, 3, 2, 1, 1])
        #expect(vocabulary.id(of: "a") == 0 && vocabulary.id(of: "e") == 4)
        #expect(vocabulary.id(of: "z") == nil)
    }

    @Test func doesNotDependOnDocumentOrder() {
        let forward = Vocabulary(documents: documents, minimumCount: 1, maximumSize: nil)
        let shuffled = Vocabulary(documents: documents.reversed().map { $0.reversed() }, minimumCount: 1, maximumSize: nil)
        #expect(forward == shuffled)
    }

    @Test func documentFrequencyCountsEachDocumentOnce() {
        let vocabulary = Vocabulary(documents: documents, minimumCount: 1, maximumSize: nil)
        let frequencies = ["a": 3, "b": 2, "c": 2, "d": 1, "e": 1]
        for (word, frequency) in frequencies {
            #expect(vocabulary.id(of: word).map(vocabulary.documentFrequency(at:)) == frequency, "\(word)")
        }
        #expect(vocabulary.documentCount == 4, "the empty document is a document too")
    }

    @Test func minimumCountDropsRareWords() {
        let vocabulary = Vocabulary(documents: documents, minimumCount: 2, maximumSize: nil)
        #expect((0..<Int32(vocabulary.count)).map(vocabulary.word(at:)) == ["a", "c", "b"])
        #expect(vocabulary.ids(of: ["e", "b", "z", "a", "b"]) == [2, 0, 2], "unknown words are dropped")
    }

    @Test func maximumSizeKeepsTheMostFrequentWithTiesByWord() {
        #expect(Vocabulary(documents: documents, minimumCount: 1, maximumSize: 4).id(of: "d") == 3)
        #expect(Vocabulary(documents: documents, minimumCount: 1, maximumSize: 4).id(of: "e") == nil)
        #expect(Vocabulary(documents: documents, minimumCount: 1, maximumSize: 0).count == 0)
        #expect(Vocabulary(documents: documents, minimumCount: 1, maximumSize: 99).count == 5)
    }

    @Test func emptyCorpus() {
        let vocabulary = Vocabulary(documents: [], minimumCount: 1, maximumSize: nil)
        #expect(vocabulary.count == 0 && vocabulary.documentCount == 0)
        #expect(vocabulary.ids(of: ["a"]).isEmpty)
    }

    @Test func codableRoundTrip() throws {
        let tokens = Tokenizer().tokens(of: TokenizerSetTests.studySet([("août", "August"), ("Straße", "street"), ("水", "water")]))
        let vocabulary = Vocabulary(documents: [tokens, ["aout", "water"]], minimumCount: 1, maximumSize: nil)
        let data = try JSONEncoder().encode(vocabulary)
        let decoded = try JSONDecoder().decode(Vocabulary.self, from: data)
        #expect(decoded == vocabulary)
        #expect(decoded.id(of: "水") == vocabulary.id(of: "水"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(json.keys) == ["words", "counts", "document_frequencies", "document_count"])
    }

    @Test(arguments: [
        #"{"words": ["a", "b"], "counts": [1], "document_frequencies": [1, 1], "document_count": 1}"#,
        #"{"words": ["a"], "counts": [1], "document_frequencies": [1, 1], "document_count": 1}"#,
        #"{"words": ["a", "a"], "counts": [1, 1], "document_frequencies": [1, 1], "document_count": 1}"#,
        #"{"words": ["a"], "counts": [1], "document_frequencies": [2], "document_count": 5}"#,
        #"{"words": ["a"], "counts": [3], "document_frequencies": [2], "document_count": 1}"#,
        #"{"words": ["a"], "counts": [3], "document_frequencies": [0], "document_count": 1}"#,
        #"{"words": [], "counts": [], "document_frequencies": [], "document_count": -1}"#,
    ])
    func decodingRejectsInconsistentData(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Vocabulary.self, from: Data(json.utf8)) }
    }
}
