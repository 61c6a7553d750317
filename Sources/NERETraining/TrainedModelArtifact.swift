import NEREContracts
import NEREModel

extension ModelArtifact {
    /// A trained network packaged with what it was trained on: the examples' feature space
    /// and time split, the content vectors' artifact, and the report's metrics.
    public init(network: NERENetwork, preset: ModelPreset?, examples: TrainingExamples, report: TrainingReport,
                vectorsVersion: String, confidence: ConfidenceModel? = nil, createdAt: Timestamp) {
        self.init(network: network, preset: preset, featureSpace: examples.featureSpace,
                  validationStart: examples.split.validationStart, testStart: examples.split.testStart,
                  vectorsVersion: vectorsVersion, metrics: report.metrics, confidence: confidence, createdAt: createdAt)
    }

    /// The split the model was trained and judged with: a replay that scores it should start
    /// at `split.testStart`.
    public var split: TimeSplit {
        TimeSplit(validationStart: validationStart, testStart: testStart)
    }
}
