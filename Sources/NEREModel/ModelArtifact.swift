import Foundation
import NEREContracts
import NEREFeatures

/// A trained NERE model as `nere train` writes it and the service loads it (DESIGN §5). Two
/// files in one directory:
/// - `model.safetensors`: every learned tensor under its `ParameterSet` name, F32, plus the
///   batch normalisation's `input_norm.running_mean` and `input_norm.running_var`; metadata
///   `shape` (the `NetworkShape` JSON) and `features` (JSON array of the categorical feature
///   names in embedding order), which `Tests/Benchmarks/model_reference.py` reads;
/// - `model.json`: format and version, the version id, the preset, shape and feature names
///   again, the fitted `FeatureSpace`, the time split (as its two cuts: the split type lives
///   in NERETraining, which depends on this module), the content-vector artifact the model
///   was trained on, training metrics, the confidence model and the creation time.
///
/// The version id hashes the tensor file together with everything in the JSON that changes
/// what the model serves or how it was judged (feature space, split, content vectors,
/// confidence, preset), but not the metrics or the creation time: the same model always has
/// the same id, and a model with other weights or inputs never shares one. A load checks
/// every tensor against the shape and the shape against the feature space before it checks
/// the id, so a damaged or hand-edited pair is refused with what is wrong in it.
public struct ModelArtifact: Sendable {
    public static let format = "nere-model"
    public static let formatVersion = 1
    public static let tensorsFile = "model.safetensors"
    public static let descriptionFile = "model.json"

    public let network: NERENetwork
    /// Nil for a shape made by hand rather than from a preset.
    public var preset: ModelPreset?
    public let featureSpace: FeatureSpace
    /// The time split's cuts: training targets ended before `validationStart`, test targets
    /// at or after `testStart`.
    public var validationStart: Timestamp
    public var testStart: Timestamp
    /// Version id of the `SetVectorArtifact` whose content vectors the model reads and predicts.
    public var vectorsVersion: String
    public var metrics: [String: Double]
    public var confidence: ConfidenceModel?
    public var createdAt: Timestamp
    /// Set by `write` and `load`.
    public internal(set) var versionID: String = ""

    /// The network's categorical features must be the feature space's, in its order, with
    /// its vocabulary sizes.
    public init(network: NERENetwork, preset: ModelPreset?, featureSpace: FeatureSpace, validationStart: Timestamp,
                testStart: Timestamp, vectorsVersion: String, metrics: [String: Double] = [:],
                confidence: ConfidenceModel? = nil, createdAt: Timestamp) {
        if let problem = Self.mismatch(network.shape, features: network.categoricalNames, featureSpace) {
            preconditionFailure(problem)
        }
        self.network = network
        self.preset = preset
        self.featureSpace = featureSpace
        self.validationStart = validationStart
        self.testStart = testStart
        self.vectorsVersion = vectorsVersion
        self.metrics = metrics
        self.confidence = confidence
        self.createdAt = createdAt
    }

    static func versionID(tensors: [UInt8], identity: Identity) -> String {
        "nm-" + (tensors + PayloadEncoding.json(identity)).withUnsafeBytes { ContentFingerprint.hex($0) }
    }

    /// Why a shape does not fit a feature space, or nil when it does.
    static func mismatch(_ shape: NetworkShape, features: [String], _ featureSpace: FeatureSpace) -> String? {
        if features != featureSpace.vocabularies.map(\.name) {
            return "categorical features \(features) are not the feature space's \(featureSpace.vocabularies.map(\.name))"
        }
        if shape.vocabularySizes != featureSpace.vocabularySizes {
            return "vocabulary sizes \(shape.vocabularySizes) of the shape differ from the feature space's "
                + "\(featureSpace.vocabularySizes)"
        }
        if shape.continuousCount != featureSpace.scalers.count {
            return "the shape has \(shape.continuousCount) continuous inputs, the feature space "
                + "\(featureSpace.scalers.count)"
        }
        return nil
    }

    // MARK: Writing

    /// Writes both files (each to a temporary name, then renamed: the tensors first, so a
    /// crash in between leaves a pair whose ids disagree, which `load` refuses) and returns
    /// the version id.
    @discardableResult
    public mutating func write(to directory: URL) throws -> String {
        let bytes = network.weightsFile(metadata: ["format": Self.format]).serialized()
        var description = Description(format: Self.format, formatVersion: Self.formatVersion, versionID: "",
                                      createdAt: createdAt, preset: preset, shape: network.shape,
                                      features: network.categoricalNames, featureSpace: featureSpace,
                                      split: Split(validationStart: validationStart, testStart: testStart),
                                      vectorsVersion: vectorsVersion, confidence: confidence, metrics: metrics)
        versionID = Self.versionID(tensors: bytes, identity: description.identity)
        description.versionID = versionID
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try AtomicFile.write(Data(bytes), to: directory.appendingPathComponent(Self.tensorsFile))
        try AtomicFile.write(PayloadEncoding.json(description), to: directory.appendingPathComponent(Self.descriptionFile))
        return versionID
    }
}
