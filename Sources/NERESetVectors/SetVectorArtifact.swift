import Foundation
import NEREContracts

/// The versioned output of `nere vectorize` (DESIGN §4): vocabulary, document frequencies,
/// word vectors and set vectors. Two files in one directory:
/// - `set-vectors.safetensors`: `word_vectors` [V, d] F32, `set_vectors` [S, d] F32 (a zero row
///   for a set that could not be placed), `word_counts` [V] I32, `document_frequencies` [V] I32;
/// - `set-vectors.json`: format and version, the version id, the words and set ids in row
///   order, training statistics and quality figures.
/// The version id is a hash of the tensor file, so a model can name the exact vectors it was
/// trained on and a mismatched or damaged pair is refused on load.
public struct SetVectorArtifact: Sendable {
    public static let format = "nere-set-vectors"
    public static let formatVersion = 1
    public static let tensorsFile = "set-vectors.safetensors"
    public static let descriptionFile = "set-vectors.json"

    public var set2vec: Set2Vec
    public var setIDs: [String]
    /// Row-major [setIDs.count × dimensions]; zero rows for sets without a vector.
    public var setVectors: [Float]
    public var training: TrainingStatistics
    public var quality: [String: Double]
    public private(set) var versionID: String = ""

    public init(set2vec: Set2Vec, setIDs: [String], setVectors: [Float], training: TrainingStatistics,
                quality: [String: Double] = [:]) {
        self.set2vec = set2vec
        self.setIDs = setIDs
        self.setVectors = setVectors
        self.training = training
        self.quality = quality
    }

    public struct TrainingStatistics: Sendable, Codable, Equatable {
        public var sets: Int
        public var tokens: Int
        public var vocabularySize: Int
        public var cooccurrenceEntries: Int
        public var epochs: Int
        public var losses: [Double]
        public var seed: UInt64
        public var window: Int
        public var seconds: Double

        public init(sets: Int, tokens: Int, vocabularySize: Int, cooccurrenceEntries: Int, epochs: Int,
                    losses: [Double], seed: UInt64, window: Int, seconds: Double) {
            self.sets = sets
            self.tokens = tokens
            self.vocabularySize = vocabularySize
            self.cooccurrenceEntries = cooccurrenceEntries
            self.epochs = epochs
            self.losses = losses
            self.seed = seed
            self.window = window
            self.seconds = seconds
        }
    }

    /// What the JSON file holds besides the tensors.
    struct Description: Codable {
        var format: String
        var formatVersion: Int
        var versionID: String
        var dimensions: Int
        var documentCount: Int
        var words: [String]
        var setIDs: [String]
        var training: TrainingStatistics
        var quality: [String: Double]

        enum CodingKeys: String, CodingKey {
            case format, formatVersion = "format_version", versionID = "version_id", dimensions
            case documentCount = "document_count", words, setIDs = "set_ids", training, quality
        }
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    // MARK: Writing

    /// Writes both files (each to a temporary name, then renamed) and returns the version id.
    @discardableResult
    public mutating func write(to directory: URL) throws -> String {
        let vocabulary = set2vec.vocabulary
        let ids = (0..<vocabulary.count).map { Int32($0) }
        let tensors = Safetensors(tensors: [
            "word_vectors": .init(set2vec.wordVectors, shape: [vocabulary.count, set2vec.dimensions]),
            "set_vectors": .init(setVectors, shape: [setIDs.count, set2vec.dimensions]),
            "word_counts": .init(ids.map { Int32(clamping: vocabulary.count(at: $0)) }, shape: [vocabulary.count]),
            "document_frequencies": .init(ids.map { Int32(clamping: vocabulary.documentFrequency(at: $0)) },
                                          shape: [vocabulary.count]),
        ], metadata: ["format": Self.format]).serialized()
        versionID = "sv-" + tensors.withUnsafeBytes { ContentFingerprint.hex($0) }
        let description = Description(format: Self.format, formatVersion: Self.formatVersion, versionID: versionID,
                                      dimensions: set2vec.dimensions, documentCount: vocabulary.documentCount,
                                      words: ids.map { vocabulary.word(at: $0) }, setIDs: setIDs, training: training,
                                      quality: quality)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try AtomicFile.write(Data(tensors), to: directory.appendingPathComponent(Self.tensorsFile))
        try AtomicFile.write(PayloadEncoding.json(description), to: directory.appendingPathComponent(Self.descriptionFile))
        return versionID
    }

    // MARK: Reading

    public static func load(from directory: URL, tokenizer: Tokenizer = Tokenizer()) throws(LoadError) -> SetVectorArtifact {
        let descriptionURL = directory.appendingPathComponent(descriptionFile)
        let tensorsURL = directory.appendingPathComponent(tensorsFile)
        let description: Description
        do {
            description = try JSONDecoder().decode(Description.self, from: Data(contentsOf: descriptionURL))
        } catch {
            throw LoadError(description: "\(descriptionURL.path): not a set-vector description (\(error.localizedDescription))")
        }
        guard description.format == format, description.formatVersion == formatVersion else {
            throw LoadError(description: "\(descriptionURL.path): format \(description.format) v\(description.formatVersion), "
                            + "expected \(format) v\(formatVersion)")
        }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: tensorsURL))
        } catch {
            throw LoadError(description: "\(tensorsURL.path): cannot read (\(error.localizedDescription))")
        }
        let actualID = "sv-" + bytes.withUnsafeBytes { ContentFingerprint.hex($0) }
        guard actualID == description.versionID else {
            throw LoadError(description: "\(tensorsURL.path) is \(actualID) but \(descriptionFile) describes "
                            + "\(description.versionID): the files do not belong together, or one is damaged")
        }
        let file: Safetensors
        do {
            file = try Safetensors(bytes: bytes)
        } catch {
            throw LoadError(description: "\(tensorsURL.path): \(error)")
        }
        let v = description.words.count, s = description.setIDs.count, d = description.dimensions
        guard let words = file.tensors["word_vectors"]?.floats, words.count == v * d,
              let sets = file.tensors["set_vectors"]?.floats, sets.count == s * d,
              let counts = file.tensors["word_counts"]?.int32s, counts.count == v,
              let frequencies = file.tensors["document_frequencies"]?.int32s, frequencies.count == v
        else {
            throw LoadError(description: "\(tensorsURL.path): tensors do not match \(v) words, \(s) sets and \(d) dimensions")
        }
        let vocabulary = Vocabulary(words: description.words, counts: counts.map(Int.init),
                                    documentFrequencies: frequencies.map(Int.init), documentCount: description.documentCount)
        var artifact = SetVectorArtifact(
            set2vec: Set2Vec(vocabulary: vocabulary, wordVectors: words, dimensions: d, tokenizer: tokenizer),
            setIDs: description.setIDs, setVectors: sets, training: description.training, quality: description.quality)
        artifact.versionID = description.versionID
        return artifact
    }
}
