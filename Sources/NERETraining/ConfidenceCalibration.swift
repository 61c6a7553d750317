import NEREContent
import NEREContracts
import NEREFeatures
import NEREModel

/// Fits the model's confidence (DESIGN §5) on the validation windows and measures how well it
/// is calibrated on the test windows, which neither training nor the fit has seen. Each
/// window is served as the pipeline would serve it: its prediction looked up among the
/// subject's sets, a hit when the set studied next is among the first `items`.
public struct ConfidenceCalibration: Sendable {
    public var model: ConfidenceModel
    /// Offline recall@`items` of the model alone on each split.
    public var validationRecall: Double
    public var testRecall: Double

    public static func fit(network: NERENetwork, examples: TrainingExamples, content: SetContentIndex, catalog: SetCatalog,
                           items: Int = 100) -> ConfidenceCalibration {
        let validation = samples(network: network, examples: examples, range: examples.validation, content: content,
                                 catalog: catalog, items: items)
        let test = samples(network: network, examples: examples, range: examples.test, content: content,
                           catalog: catalog, items: items)
        var model = ConfidenceModel.fit(validation, items: items)
        model.expectedCalibrationError = model.expectedCalibrationError(on: test)
        return ConfidenceCalibration(model: model, validationRecall: hitRate(validation), testRecall: hitRate(test))
    }

    static func hitRate(_ samples: [ConfidenceModel.Sample]) -> Double {
        samples.isEmpty ? 0 : Double(samples.count { $0.hit }) / Double(samples.count)
    }

    /// One sample per example of `range` whose target set is in the catalog.
    public static func samples(network: NERENetwork, examples: TrainingExamples, range: Range<Int>, content: SetContentIndex,
                               catalog: SetCatalog, items: Int, batchSize: Int = 1_024) -> [ConfidenceModel.Sample] {
        var samples: [ConfidenceModel.Sample] = []
        let width = network.shape.outputWidth
        examples.forEachPrediction(of: network, in: range, batchSize: batchSize) { batch, predictions, _ in
            for (row, i) in batch.enumerated() {
                let example = examples.examples[i]
                guard let target = catalog.index(of: example.targetSetID) else { continue }
                let found = content.nearest(to: Array(predictions[row * width..<(row + 1) * width]), in: example.subject,
                                            count: items)
                samples.append(.init(nearestCosine: found.first?.score ?? 0, historyLength: example.historyLength,
                                     hit: found.contains { $0.setIndex == target }))
            }
        }
        return samples
    }
}
