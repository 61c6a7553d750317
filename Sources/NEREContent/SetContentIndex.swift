import Foundation
import NEREContracts
import NEREFeatures
import NEREIndex
import NERESetVectors

/// The catalog in content space (DESIGN §4, §6): every published set's content vector, and one
/// nearest-set index per subject, since a recommendation is always for one subject. Each
/// subject's index searches exactly while it is small and through its graph once it reaches
/// `Configuration.exactBelow` sets.
///
/// Kept current as `nere.sets` records arrive: `apply` places a new or edited set (its payload
/// vector, else Set2Vec over its words with the trained vocabulary), moving it between
/// subjects if its subject changed; `remove` takes a deleted set out. A set that cannot be
/// placed (no known word, no payload vector) stays recommendable by other means but is
/// nobody's content neighbour.
public final class SetContentIndex {
    public let set2vec: Set2Vec
    public let vectorsVersion: String
    public let configuration: NearestSetIndex.Configuration
    private let catalog: SetCatalog
    private var indexes: [Subject: NearestSetIndex] = [:]
    private var subjectOf: [SetIndex: Subject] = [:]
    /// Per subject and index row, the catalog's index of the set: answers come back as rows.
    private var setsByRow: [Subject: [SetIndex]] = [:]
    private var vectors: [SetIndex: [Float]] = [:]
    public private(set) var unplaceable = 0

    public init(artifact: SetVectorArtifact, catalog: SetCatalog,
                configuration: NearestSetIndex.Configuration = NearestSetIndex.Configuration()) {
        set2vec = artifact.set2vec
        vectorsVersion = artifact.versionID
        self.configuration = configuration
        self.catalog = catalog
        let d = artifact.set2vec.dimensions
        for (row, id) in artifact.setIDs.enumerated() {
            let vector = Array(artifact.setVectors[row * d..<(row + 1) * d])
            if vector.contains(where: { $0 != 0 }) { trained[id] = vector }
        }
    }

    /// Vectors computed by `nere vectorize`, used for sets whose text has not changed since:
    /// identical to what Set2Vec would compute, without recomputing it for a whole catalog.
    private var trained: [String: [Float]] = [:]

    public var dimensions: Int { set2vec.dimensions }

    /// Places a whole catalog at once: per subject one bulk insert, so a large subject's graph is
    /// built once by NN-Descent instead of set by set. With `directory`, a subject whose index
    /// was saved there from exactly these sets and vectors (same keys, same vectors, same
    /// configuration) is read back instead of rebuilt, and every rebuilt one is saved there:
    /// a restart of a service with a large catalog skips minutes of construction, and a
    /// changed catalog can never be served from a stale file.
    @discardableResult
    public func load(_ sets: [StudySet], savedIn directory: URL? = nil,
                     progress: (_ subject: Subject, _ round: Int) -> Void = { _, _ in }) throws -> (rebuilt: Int, reloaded: Int) {
        var bySubject: [Subject: (keys: [String], vectors: [Float])] = [:]
        for set in sets {
            let index = catalog.upsert(set)
            guard let vector = vector(for: set) else {
                unplaceable += 1
                continue
            }
            vectors[index] = vector
            subjectOf[index] = set.subject
            bySubject[set.subject, default: ([], [])].keys.append(set.setID)
            bySubject[set.subject, default: ([], [])].vectors += vector
        }
        if let directory { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        var counts = (rebuilt: 0, reloaded: 0)
        for (subject, batch) in bySubject.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            // Only a saved index needs to say what it was built from.
            let saved = directory.map { (file: $0.appendingPathComponent(Self.fileName(subject)),
                                         content: vectorsVersion + "/" + Self.fingerprint(batch.keys, batch.vectors)) }
            if let saved, let index = try? NearestSetIndex.load(from: saved.file), index.metadata["content"] == saved.content,
               index.configuration == configuration, index.dimensions == dimensions {
                indexes[subject] = index
                counts.reloaded += 1
            } else {
                let index = partition(subject)
                try index.insert(keys: batch.keys, vectors: batch.vectors) { round, _ in progress(subject, round) }
                if let saved {
                    index.metadata["content"] = saved.content
                    try index.write(to: saved.file)
                }
                counts.rebuilt += 1
            }
            for key in batch.keys { record(key, in: subject) }
        }
        return counts
    }

    private static func fingerprint(_ keys: [String], _ vectors: [Float]) -> String {
        var bytes = Array(keys.joined(separator: "\n").utf8)
        vectors.withUnsafeBytes { bytes += $0 }
        return bytes.withUnsafeBytes { ContentFingerprint.hex($0) }
    }

    /// `french.knn`, `uncommon-languages.knn`.
    static func fileName(_ subject: Subject) -> String {
        String(subject.rawValue.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }) + ".knn"
    }

    /// A new or edited set from `nere.sets`.
    public func apply(_ set: StudySet) throws {
        let index = catalog.upsert(set)
        if let previous = subjectOf[index], previous != set.subject {
            indexes[previous]?.remove(set.setID)
            subjectOf[index] = nil
        }
        trained[set.setID] = nil
        guard let vector = vector(for: set) else {
            if let subject = subjectOf.removeValue(forKey: index) { indexes[subject]?.remove(set.setID) }
            vectors[index] = nil
            unplaceable += 1
            return
        }
        try partition(set.subject).upsert(set.setID, vector: vector)
        vectors[index] = vector
        subjectOf[index] = set.subject
        record(set.setID, in: set.subject)
    }

    /// A set deleted from the catalog (a tombstone on `nere.sets`).
    public func remove(setID: String) {
        catalog.remove(setID: setID)
        guard let index = catalog.index(of: setID) else { return }
        vectors[index] = nil
        if let subject = subjectOf.removeValue(forKey: index) { indexes[subject]?.remove(setID) }
    }

    public func vector(of set: SetIndex) -> [Float]? { vectors[set] }

    /// The `count` sets of `subject` nearest to `vector`, best first, scored by cosine.
    public func nearest(to vector: [Float], in subject: Subject, count: Int) -> [ScoredSet] {
        guard let index = indexes[subject], let rows = setsByRow[subject] else { return [] }
        return index.search(vector, count: count).map { ScoredSet(setIndex: rows[Int($0.row)], score: Double($0.similarity)) }
    }

    /// How each subject is searched right now, for logs and reports.
    public var methods: [Subject: NearestSetIndex.Method] { indexes.mapValues(\.method) }

    private func vector(for set: StudySet) -> [Float]? {
        if set.contentVector == nil, let known = trained[set.setID] { return known }
        return set2vec.vector(for: set).vector
    }

    private func partition(_ subject: Subject) -> NearestSetIndex {
        if let index = indexes[subject] { return index }
        let index = NearestSetIndex(dimensions: dimensions, configuration: configuration)
        index.metadata = ["vectors": vectorsVersion, "subject": subject.rawValue]
        indexes[subject] = index
        return index
    }

    private func record(_ key: String, in subject: Subject) {
        guard let row = indexes[subject]?.row(of: key).map(Int.init), let set = catalog.index(of: key) else { return }
        let missing = row + 1 - setsByRow[subject, default: []].count
        if missing > 0 { setsByRow[subject, default: []].append(contentsOf: repeatElement(SetIndex(-1), count: missing)) }
        setsByRow[subject, default: []][row] = set
    }
}
