/// One window step as the network reads it: ids of the 13 categorical features and the 12
/// scaled continuous ones, in `FeatureSpace`'s order. The content vector travels separately
/// because it comes from the set-vector artifact, not from the feature space.
public struct StepFeatures: Sendable, Hashable {
    public var categorical: [Int32]
    public var continuous: [Float]

    public init(categorical: [Int32], continuous: [Float]) {
        self.categorical = categorical
        self.continuous = continuous
    }
}

/// The set part of a step (7 categorical ids, 5 scaled values). A catalog's sets are encoded
/// once each and reused by every session of the set.
public struct EncodedSetFeatures: Sendable, Hashable {
    public var categorical: [Int32]
    public var continuous: [Float]

    public init(categorical: [Int32], continuous: [Float]) {
        self.categorical = categorical
        self.continuous = continuous
    }

    /// A set missing from the catalog: every id unknown, every value imputed.
    public static let unknown = EncodedSetFeatures(
        categorical: Array(repeating: CategoryVocabulary.unknownID, count: FeatureDefinitions.setCategorical.count),
        continuous: Array(repeating: 0, count: FeatureDefinitions.setContinuous.count))
}
