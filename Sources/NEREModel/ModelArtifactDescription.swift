import NEREContracts
import NEREFeatures

extension ModelArtifact {
    /// What `model.json` holds.
    struct Description: Codable {
        var format: String
        var formatVersion: Int
        var versionID: String
        var createdAt: Timestamp
        var preset: ModelPreset?
        var shape: NetworkShape
        var features: [String]
        var featureSpace: FeatureSpace
        var split: Split
        var vectorsVersion: String
        var confidence: ConfidenceModel?
        var metrics: [String: Double]

        enum CodingKeys: String, CodingKey {
            case format, formatVersion = "format_version", versionID = "version_id", createdAt = "created_at", preset
            case shape, features, featureSpace = "feature_space", split, vectorsVersion = "vectors_version", confidence
            case metrics
        }

        var identity: Identity {
            Identity(preset: preset, featureSpace: featureSpace, split: split, vectorsVersion: vectorsVersion,
                     confidence: confidence)
        }
    }

    /// The part of the description the version id covers besides the tensor file, which
    /// already holds the shape and the feature names.
    struct Identity: Encodable {
        var preset: ModelPreset?
        var featureSpace: FeatureSpace
        var split: Split
        var vectorsVersion: String
        var confidence: ConfidenceModel?
    }

    struct Split: Codable {
        var validationStart: Timestamp
        var testStart: Timestamp

        enum CodingKeys: String, CodingKey {
            case validationStart = "validation_start", testStart = "test_start"
        }
    }

    /// The first two keys alone, read before the rest so that a file of another format or
    /// version is refused as such rather than for whichever field it lacks.
    struct Header: Decodable {
        var format: String
        var formatVersion: Int

        enum CodingKeys: String, CodingKey {
            case format, formatVersion = "format_version"
        }
    }
}
