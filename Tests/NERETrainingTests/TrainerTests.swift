import Testing
import NEREContracts
import NEREModel
import NERETraining

struct TrainerTests {
    static let options = TrainingOptions(batchSize: 32, maxEpochs: 12, patience: 2, learningRate: 0.01, seed: 5)

    @Test func learnsWhatFollowsTheWindow() throws {
        let examples = try CycleFixture.examples()
        let network = CycleFixture.network(for: examples)
        var reports: [TrainingProgress] = []
        let report = try Trainer(options: Self.options).train(network, on: examples) { reports.append($0) }
        #expect(report.validation.meanSquaredError < report.epochs[0].validation.meanSquaredError)
        #expect(report.validation.rSquared > 0.9, "validation R² \(report.validation.rSquared)")
        let test = try #require(report.test)
        #expect(test.rSquared > 0.9, "test R² \(test.rSquared)")
        #expect(report.validation == report.epochs[report.bestEpoch - 1].validation)
        #expect(reports.filter(\.epochFinished).map(\.epoch) == Array(1...report.epochs.count))
        #expect(reports.last?.validationR2 == report.epochs.last?.validation.rSquared)
    }

    @Test func aSeedGivesTheSameWeights() throws {
        let examples = try CycleFixture.examples()
        var options = Self.options
        options.maxEpochs = 2
        func run(seed: UInt64) throws -> [Float] {
            options.seed = seed
            let network = CycleFixture.network(for: examples)
            _ = try Trainer(options: options).train(network, on: examples)
            return network.parameters.values.array + network.runningMean.array + network.runningVariance.array
        }
        let first = try run(seed: 5)
        #expect(try run(seed: 5) == first)
        #expect(try run(seed: 6) != first)
    }

    /// Users walk the cycle backwards from the validation period on, so fitting the training
    /// windows better makes the validation loss worse.
    @Test func stopsEarlyAndKeepsTheBestEpoch() throws {
        let examples = try CycleFixture.examples(reversingAfter: 11)
        let network = CycleFixture.network(for: examples)
        let report = try Trainer(options: Self.options).train(network, on: examples)
        #expect(report.stoppedEarly)
        #expect(report.epochs.count == report.bestEpoch + Self.options.patience)
        let best = report.epochs[report.bestEpoch - 1].validation
        #expect(report.epochs.allSatisfy { $0.validation.meanSquaredError >= best.meanSquaredError })
        #expect(report.epochs.last!.validation != best)
        let restored = ContentMetrics(of: network, on: examples, examples.validation,
                                      batchSize: Self.options.evaluationBatchSize)
        #expect(restored == best, "the network holds the best epoch's weights and batch-norm statistics")
    }

    @Test func refusesExamplesWithoutAValidationPart() throws {
        let examples = try CycleFixture.examples(users: 1, sessionsPerUser: 3)
        #expect(examples.validation.isEmpty)
        let error = try #require(throws: Trainer.TrainingError.self) {
            try Trainer(options: Self.options).train(CycleFixture.network(for: examples), on: examples)
        }
        #expect(error.description.contains("no validation examples"))
    }
}
