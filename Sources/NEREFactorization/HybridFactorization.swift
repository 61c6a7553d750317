import NEREContracts

/// The paper's matrix-factorisation baseline (§5, TensorRec), rebuilt in the LightFM manner:
/// a user is the sum of embeddings of their features, a set the sum of embeddings of its
/// features plus a learned projection of its content vector, and the score is their dot
/// product plus a per-set bias, trained with a ranking loss on who studied what. Unlike the
/// NERE network it sees no order: a user's whole training history counts the same, which is
/// exactly the difference the paper's comparison is about.
///
/// User features: the user id (users seen in training) and the `UserProfile` fields. Set
/// features: the set id, the `StudySet` metadata of `CategoricalFields.setFields`, and the
/// content vector scaled to unit length (so that the projection learns directions, not the
/// vectorizer's norms; a set without one gets zeros and is placed by its metadata alone).
/// Static once trained.
public struct HybridFactorization: Sendable {
    public let options: FactorizationOptions
    /// The catalog trained with, in row order.
    public let setIDs: [String]
    public let setSubjects: [Subject]
    /// Row-major [setIDs.count × dimensions]: each set's whole representation.
    public let itemVectors: [Float]
    public let itemBiases: [Float]
    /// The mean loss of each epoch (see `FactorizationProgress.meanLoss`).
    public let epochLosses: [Double]

    let userIndex: [String: Int32]
    let profiles: [UserProfile]
    let userFields: CategoricalFields<UserProfile>
    /// Row-major [user rows × dimensions]: user ids first, then the profile fields' rows.
    let userEmbeddings: [Float]

    /// Trains on `sessions` (valid, in time order); sessions of sets not in `sets` are skipped,
    /// as nothing could recommend those sets.
    public init(sessions: [StudySession], sets: [StudySet], contentVector: (String) -> [Float]?,
                options: FactorizationOptions = FactorizationOptions(),
                progress: ((FactorizationProgress) -> Void)? = nil) {
        let data = FactorizationData(sessions: sessions, sets: sets, contentVector: contentVector)
        let training = FactorizationTraining(data: data, options: options)
        epochLosses = training.run(progress: progress)
        self.options = options
        setIDs = data.setIDs
        setSubjects = data.setSubjects
        itemVectors = training.itemVectors()
        itemBiases = training.biases.array
        userIndex = data.userIndex
        profiles = data.profiles
        userFields = data.userFields
        userEmbeddings = training.users.array
    }

    public var dimensions: Int { options.dimensions }

    public func isKnown(userID: String) -> Bool { userIndex[userID] != nil }

    /// A known user is their training profile and id; anyone else is the profile of the
    /// sessions given (their window), so a new user is still placed by their metadata.
    public func userVector(userID: String, sessions: some Sequence<StudySession>) -> [Float] {
        var rows: [Int32]
        if let known = userIndex[userID] {
            rows = [known] + userFields.rows(of: profiles[Int(known)])
        } else {
            rows = userFields.rows(of: UserProfile(sessions: sessions))
        }
        var vector = [Float](repeating: 0, count: dimensions)
        for row in rows {
            let base = Int(row) * dimensions
            for k in 0..<dimensions { vector[k] += userEmbeddings[base + k] }
        }
        return vector
    }
}
