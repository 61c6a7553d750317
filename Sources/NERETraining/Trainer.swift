import NEREContracts
import NEREModel

/// Trains the NERE network on its examples as DESIGN §5 says: mean squared error in content
/// space plus the recurrent L2 penalty, Adam, dropout 0.5 after the GRU, mini-batches of the
/// training examples in a fresh seeded order every epoch, and early stopping on the
/// validation loss (MSE in inference mode), after which the network holds the best epoch's
/// weights and batch-norm statistics. Test metrics are measured once, on those.
///
/// Everything random comes from `options.seed`, so a run is repeatable. BLAS may use several
/// threads (`ComputeThreads.use`); batches run one after the other, each product spread over
/// the threads.
public struct Trainer: Sendable {
    public var options: TrainingOptions

    public init(options: TrainingOptions = TrainingOptions()) {
        self.options = options
    }

    public struct TrainingError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Initialises `network` from the seed and trains it.
    /// - Parameter progress: called on the calling thread after every batch and after every
    ///   epoch's validation.
    /// - Throws: `TrainingError` when there are no validation examples to stop on, or when no
    ///   epoch gave a finite validation loss.
    public func train(_ network: NERENetwork, on examples: TrainingExamples,
                      progress: (TrainingProgress) -> Void = { _ in }) throws(TrainingError) -> TrainingReport {
        let shape = network.shape, features = examples.featureSpace
        precondition(shape.vocabularySizes == features.vocabularySizes && shape.continuousCount == features.scalers.count
                     && shape.contentWidth == examples.contentWidth && shape.outputWidth == examples.contentWidth,
                     "the network's shape does not fit the examples' feature space and content width")
        guard !examples.validation.isEmpty else {
            throw TrainingError(description: "no validation examples: all \(examples.examples.count) targets end before "
                                + "\(examples.split.validationStart), so early stopping has nothing to measure")
        }
        let started = ContinuousClock.now
        var seeds = options.seed
        network.initialise(seed: Xoshiro256.splitMix(&seeds))
        var shuffling = Xoshiro256(seed: Xoshiro256.splitMix(&seeds))
        var dropout = DropoutMasks(seed: Xoshiro256.splitMix(&seeds), hidden: shape.hidden)
        let adam = Adam(parameters: network.parameters, learningRate: options.learningRate)

        var order = Array(examples.train)
        let batchSize = options.batchSize, batches = (order.count + batchSize - 1) / batchSize
        var epochs: [TrainingReport.Epoch] = []
        var best: (epoch: Int, validation: ContentMetrics, snapshot: NetworkSnapshot)?
        var stoppedEarly = false
        for epoch in 1...options.maxEpochs {
            let epochStarted = ContinuousClock.now
            Self.shuffle(&order, using: &shuffling)
            var lossSum = 0.0
            for batch in 0..<batches {
                let indices = order[(batch * batchSize)..<min((batch + 1) * batchSize, order.count)]
                let (input, targets) = examples.input(for: indices)
                network.parameters.zeroGradients()
                let pass = network.forward(input, training: true, dropoutMask: dropout.next(rows: indices.count))
                lossSum += Double(network.backward(pass, targets: targets)) * Double(indices.count)
                adam.step()
                progress(TrainingProgress(epoch: epoch, maxEpochs: options.maxEpochs, batch: batch + 1, batches: batches,
                                          runningLoss: lossSum / Double(batch * batchSize + indices.count),
                                          validationR2: epochs.last?.validation.rSquared, epochFinished: false))
            }
            let validation = ContentMetrics(of: network, on: examples, examples.validation,
                                            batchSize: options.evaluationBatchSize)!
            epochs.append(TrainingReport.Epoch(epoch: epoch, trainingLoss: lossSum / Double(order.count),
                                               validation: validation, seconds: (ContinuousClock.now - epochStarted).seconds))
            progress(TrainingProgress(epoch: epoch, maxEpochs: options.maxEpochs, batch: batches, batches: batches,
                                      runningLoss: epochs[epochs.count - 1].trainingLoss, validationR2: validation.rSquared,
                                      epochFinished: true))
            // A NaN loss never compares lower, so a diverged epoch counts as no improvement.
            if validation.meanSquaredError < best?.validation.meanSquaredError ?? .infinity {
                best = (epoch, validation, NetworkSnapshot(network))
            } else if epoch - (best?.epoch ?? 0) >= options.patience, epoch < options.maxEpochs {
                stoppedEarly = true
                break
            }
        }
        guard let best else {
            throw TrainingError(description: "training diverged: no epoch gave a finite validation loss "
                                + "(try a lower learning rate)")
        }
        best.snapshot.restore(into: network)
        let test = ContentMetrics(of: network, on: examples, examples.test, batchSize: options.evaluationBatchSize)
        return TrainingReport(epochs: epochs, bestEpoch: best.epoch, stoppedEarly: stoppedEarly,
                              validation: best.validation, test: test, seconds: (ContinuousClock.now - started).seconds)
    }

    /// Fisher–Yates with the project's generator: the standard library's `shuffle(using:)`
    /// may change its algorithm between releases, and with it every seeded run. The modulo's
    /// bias is below 2⁻⁴⁰ for any realistic number of examples.
    static func shuffle(_ values: inout [Int], using random: inout Xoshiro256) {
        for i in values.indices.dropFirst().reversed() {
            values.swapAt(i, Int(random.next() % UInt64(i + 1)))
        }
    }
}
