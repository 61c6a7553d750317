import Testing
@testable import NERESetVectors

@Suite struct GloVeTrainerTests {
    /// Two topics that never share a document: words 0–9 and words 10–19.
    private static let topicCorpus: CooccurrenceCounts = {
        var random = GloVeRandom(seed: 11, stream: 7)
        let documents = (0..<160).map { document in
            let topic = Int32(document % 2 * 10)
            return (0..<8).map { _ in topic + Int32(random.below(10)) }
        }
        return CooccurrenceCounts(documents: documents, vocabularySize: 20)
    }()

    private static func configuration(seed: UInt64 = 1, epochs: Int = 15, threads: Int = 2) -> GloVeConfiguration {
        GloVeConfiguration(dimensions: 16, epochs: epochs, xMax: 10, seed: seed, threads: threads)
    }

    private static func cosine(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Float {
        let dot = zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
        let norms = (a.reduce(0) { $0 + $1 * $1 } * b.reduce(0) { $0 + $1 * $1 }).squareRoot()
        return dot / norms
    }

    @Test func sameSeedGivesBitIdenticalVectors() {
        let first = GloVeTrainer(configuration: Self.configuration(seed: 42)).train(Self.topicCorpus)
        let second = GloVeTrainer(configuration: Self.configuration(seed: 42)).train(Self.topicCorpus)
        #expect(first.values.map(\.bitPattern) == second.values.map(\.bitPattern))
        #expect(first.losses == second.losses)
    }

    @Test func differentSeedsGiveDifferentVectors() {
        let first = GloVeTrainer(configuration: Self.configuration(seed: 1)).train(Self.topicCorpus)
        let second = GloVeTrainer(configuration: Self.configuration(seed: 2)).train(Self.topicCorpus)
        #expect(first.values != second.values)
    }

    /// The two-thread schedule run on two threads equals the same schedule run on one: the
    /// concurrent blocks of a phase never touch the same parameters, so timing cannot matter.
    @Test(arguments: [2, 3])
    func concurrentScheduleEqualsSerialSchedule(threads: Int) {
        let trainer = GloVeTrainer(configuration: Self.configuration(epochs: 5, threads: threads))
        let concurrent = trainer.train(Self.topicCorpus, concurrently: true)
        let serial = trainer.train(Self.topicCorpus, concurrently: false)
        #expect(concurrent.values.map(\.bitPattern) == serial.values.map(\.bitPattern))
        #expect(concurrent.losses == serial.losses)
    }

    /// The loss falls steeply, then flattens out; near the optimum an epoch may end a hair
    /// above the one before (the visiting order is random), never by more than 1%.
    @Test func lossDecreasesOverEpochsAndIsReported() {
        var reported: [(Int, Double)] = []
        let vectors = GloVeTrainer(configuration: Self.configuration()).train(Self.topicCorpus) {
            reported.append(($0, $1))
        }
        let losses = vectors.losses
        #expect(reported.map(\.0) == Array(1...15))
        #expect(reported.map(\.1) == losses)
        #expect(zip(losses, losses.dropFirst()).prefix(5).allSatisfy { $1 < $0 })
        #expect(zip(losses, losses.dropFirst()).allSatisfy { $1 < $0 * 1.01 })
        #expect(losses[14] < losses[0] / 50)
    }

    @Test func wordsThatCooccurEndUpCloserThanWordsThatNeverDo() {
        let vectors = GloVeTrainer(configuration: Self.configuration()).train(Self.topicCorpus)
        var same: [Float] = []
        var across: [Float] = []
        for a in Int32(0)..<20 {
            for b in (a + 1)..<20 {
                let similarity = Self.cosine(vectors.vector(a), vectors.vector(b))
                if a / 10 == b / 10 { same.append(similarity) } else { across.append(similarity) }
            }
        }
        let meanSame = same.reduce(0, +) / Float(same.count)
        let meanAcross = across.reduce(0, +) / Float(across.count)
        #expect(meanSame > meanAcross + 0.25, "same topic \(meanSame), across \(meanAcross)")
    }

    @Test func vectorsHaveOneRowPerWord() {
        let vectors = GloVeTrainer(configuration: Self.configuration(epochs: 1)).train(Self.topicCorpus)
        #expect(vectors.vocabularySize == 20 && vectors.dimensions == 16)
        #expect(vectors.values.count == 20 * 16)
        #expect(Array(vectors.vector(3)) == Array(vectors.values[48..<64]))
    }

    @Test func corporaWithoutPairsTrainToTheStartingPoint() {
        let lonely = CooccurrenceCounts(documents: [[1], [], [2]], vocabularySize: 3)
        var epochs: [Int] = []
        let vectors = GloVeTrainer(configuration: Self.configuration(epochs: 3)).train(lonely) { epoch, _ in
            epochs.append(epoch)
        }
        #expect(epochs == [1, 2, 3])
        #expect(vectors.losses == [0, 0, 0])
        #expect(vectors.values.count == 3 * 16)
        #expect(vectors.values.allSatisfy { abs($0) <= 1.0 / 16 })

        let nothing = GloVeTrainer(configuration: Self.configuration(epochs: 2))
            .train(CooccurrenceCounts(documents: [], vocabularySize: 0))
        #expect(nothing.values.isEmpty && nothing.losses == [0, 0])
    }
}
