import NEREContracts

/// The fitted feature inputs of the NERE network (DESIGN §5): one vocabulary per categorical
/// feature and one scaler per continuous feature, in the fixed order documented (with every
/// feature's definition) on `FeatureDefinitions`. It is part of a trained model: stored in
/// the model's JSON config, so serving encodes exactly as training did.
public struct FeatureSpace: Sendable, Hashable, Codable {
    /// 13: six session features, then seven set features.
    public let vocabularies: [CategoryVocabulary]
    /// 12: seven session features, then five set features.
    public let scalers: [ContinuousScaler]

    public static let categoricalFeatureNames =
        (FeatureDefinitions.sessionCategorical.map(\.name) + FeatureDefinitions.setCategorical.map(\.name))
    public static let continuousFeatureNames =
        (FeatureDefinitions.sessionContinuous.map(\.name) + FeatureDefinitions.setContinuous.map(\.name))

    private static let sessionCategoricalCount = FeatureDefinitions.sessionCategorical.count
    private static let sessionContinuousCount = FeatureDefinitions.sessionContinuous.count

    private init(vocabularies: [CategoryVocabulary], scalers: [ContinuousScaler]) {
        self.vocabularies = vocabularies
        self.scalers = scalers
    }

    /// Session features are fitted on `sessions` (the training period only, so nothing about
    /// later sessions leaks into training); set features on `sets` (the catalog). Each is read
    /// once, so a lazily filtered session log is walked once.
    public static func fit(sessions: some Sequence<StudySession>, sets: some Collection<StudySet>) -> FeatureSpace {
        var session = Fitting(FeatureDefinitions.sessionCategorical, FeatureDefinitions.sessionContinuous)
        for source in sessions { session.add(source) }
        var set = Fitting(FeatureDefinitions.setCategorical, FeatureDefinitions.setContinuous)
        for source in sets { set.add(source) }
        return FeatureSpace(vocabularies: session.vocabularies + set.vocabularies, scalers: session.scalers + set.scalers)
    }

    /// The values seen so far of one source's features. A type of its own so that `add` is
    /// compiled for sessions and sets specifically, not through the caller's sequence type.
    private struct Fitting<Source> {
        let categorical: [FeatureDefinition<Source, String>]
        let continuous: [FeatureDefinition<Source, Double>]
        var seen: [Set<String>]
        var moments: [RunningMoments]

        init(_ categorical: [FeatureDefinition<Source, String>], _ continuous: [FeatureDefinition<Source, Double>]) {
            self.categorical = categorical
            self.continuous = continuous
            seen = Array(repeating: [], count: categorical.count)
            moments = Array(repeating: RunningMoments(), count: continuous.count)
        }

        mutating func add(_ source: Source) {
            for i in categorical.indices {
                if let value = categorical[i].value(source) { seen[i].insert(value) }
            }
            for i in continuous.indices { moments[i].add(continuous[i].value(source)) }
        }

        var vocabularies: [CategoryVocabulary] { zip(categorical, seen).map { CategoryVocabulary(name: $0.name, values: $1) } }
        var scalers: [ContinuousScaler] { zip(continuous, moments).map { ContinuousScaler(name: $0.name, moments: $1) } }
    }

    /// Embedding table sizes in categorical feature order, the unknown id included.
    public var vocabularySizes: [Int] { vocabularies.map(\.size) }

    public func encodeSet(_ set: StudySet) -> EncodedSetFeatures {
        var categorical: [Int32] = []
        var continuous: [Float] = []
        Self.encode(set, FeatureDefinitions.setCategorical, vocabularies[Self.sessionCategoricalCount...], into: &categorical)
        Self.encode(set, FeatureDefinitions.setContinuous, scalers[Self.sessionContinuousCount...], into: &continuous)
        return EncodedSetFeatures(categorical: categorical, continuous: continuous)
    }

    /// One window step; `set` nil means the session's set is not in the catalog.
    public func encode(session: StudySession, set: EncodedSetFeatures?) -> StepFeatures {
        let set = set ?? .unknown
        var categorical: [Int32] = []
        var continuous: [Float] = []
        categorical.reserveCapacity(vocabularies.count)
        continuous.reserveCapacity(scalers.count)
        Self.encode(session, FeatureDefinitions.sessionCategorical, vocabularies[..<Self.sessionCategoricalCount],
                    into: &categorical)
        Self.encode(session, FeatureDefinitions.sessionContinuous, scalers[..<Self.sessionContinuousCount], into: &continuous)
        categorical += set.categorical
        continuous += set.continuous
        return StepFeatures(categorical: categorical, continuous: continuous)
    }

    private static func encode<Source>(_ source: Source, _ features: [FeatureDefinition<Source, String>],
                                       _ vocabularies: ArraySlice<CategoryVocabulary>, into ids: inout [Int32]) {
        for (feature, vocabulary) in zip(features, vocabularies) { ids.append(vocabulary.id(of: feature.value(source))) }
    }

    private static func encode<Source>(_ source: Source, _ features: [FeatureDefinition<Source, Double>],
                                       _ scalers: ArraySlice<ContinuousScaler>, into values: inout [Float]) {
        for (feature, scaler) in zip(features, scalers) { values.append(scaler.scale(feature.value(source))) }
    }

    enum CodingKeys: String, CodingKey {
        case vocabularies, scalers
    }

    /// Refuses a config written for another feature list: its ids and columns would feed the
    /// network's trained weights the wrong inputs.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        vocabularies = try container.decode([CategoryVocabulary].self, forKey: .vocabularies)
        scalers = try container.decode([ContinuousScaler].self, forKey: .scalers)
        guard vocabularies.map(\.name) == Self.categoricalFeatureNames else {
            throw DecodingError.dataCorruptedError(
                forKey: .vocabularies, in: container,
                debugDescription: "categorical features \(vocabularies.map(\.name)), expected \(Self.categoricalFeatureNames)")
        }
        guard scalers.map(\.name) == Self.continuousFeatureNames else {
            throw DecodingError.dataCorruptedError(
                forKey: .scalers, in: container,
                debugDescription: "continuous features \(scalers.map(\.name)), expected \(Self.continuousFeatureNames)")
        }
    }
}
