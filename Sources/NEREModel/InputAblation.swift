/// Which of a step's inputs a network is trained and served without (DESIGN §8's ablations,
/// the paper's "content only" and "metadata only" rows). The left-out inputs are fed as zeros
/// in training and serving alike, so the shape and the code path stay those of the full model
/// and the ablation is a property of the artifact, not of whoever serves it.
public enum InputAblation: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every input: the full NERE model.
    case none
    /// Only the content vectors: no user, session or set features.
    case withoutMetadata = "without_metadata"
    /// Only the user, session and set features: no content vectors.
    case withoutContent = "without_content"
}
