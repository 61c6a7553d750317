import Foundation
import NEREContent
import NEREContracts
import NEREFeatures
import NEREModel
import NERESetVectors

/// `nere train` end to end: examples from the log, a network of the preset's size, training
/// with early stopping, the confidence fitted on validation windows and measured on test
/// windows, all packaged as a model artifact tied to the content vectors it was trained with.
public struct ModelTraining {
    public var preset: ModelPreset = .small
    /// The inputs left out, for the evaluation's ablations; none for a model to serve.
    public var ablation: InputAblation = .none
    public var options = TrainingOptions()
    /// Items a recommendation returns, for the confidence and the offline recall.
    public var items = 100

    public init() {}

    public struct Outcome {
        public var artifact: ModelArtifact
        public var report: TrainingReport
        public var calibration: ConfidenceCalibration
        public var examples: (train: Int, validation: Int, test: Int)
    }

    public enum Stage: Sendable {
        case preparing(String)
        case training(TrainingProgress)
    }

    public func run(sessions: [StudySession], sets: [StudySet], vectors: SetVectorArtifact,
                    stage: (Stage) -> Void = { _ in }) throws -> Outcome {
        stage(.preparing("content indexes"))
        let catalog = SetCatalog()
        let content = SetContentIndex(artifact: vectors, catalog: catalog)
        try content.load(sets)
        stage(.preparing("examples"))
        let examples = try TrainingExamples(sessions: sessions, catalog: sets, contentWidth: content.dimensions) {
            catalog.index(of: $0).flatMap(content.vector(of:))
        }
        let shape = preset.shape(vocabularySizes: examples.featureSpace.vocabularySizes,
                                 continuousCount: FeatureSpace.continuousFeatureNames.count, contentWidth: content.dimensions,
                                 ablation: ablation)
        let network = NERENetwork(shape: shape, categoricalNames: FeatureSpace.categoricalFeatureNames)
        let report = try Trainer(options: options).train(network, on: examples) { stage(.training($0)) }
        stage(.preparing("confidence calibration"))
        let calibration = ConfidenceCalibration.fit(network: network, examples: examples, content: content, catalog: catalog,
                                                    items: items)
        var artifact = ModelArtifact(network: network, preset: preset, examples: examples, report: report,
                                     vectorsVersion: vectors.versionID, confidence: calibration.model,
                                     createdAt: Timestamp.now)
        artifact.metrics["validation_recall@\(items)"] = calibration.validationRecall
        artifact.metrics["test_recall@\(items)"] = calibration.testRecall
        artifact.metrics["test_expected_calibration_error"] = calibration.model.expectedCalibrationError
        return Outcome(artifact: artifact, report: report, calibration: calibration,
                       examples: (examples.train.count, examples.validation.count, examples.test.count))
    }
}
