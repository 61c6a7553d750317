/// The two network sizes of DESIGN §5. The feature counts, vocabularies and content width come
/// from the data; a preset fixes everything else. The output is as wide as the content
/// vectors, since the network predicts the next set's one.
public enum ModelPreset: String, CaseIterable, Codable, Sendable {
    /// The default, for tests and demos: 215,448 learnable parameters with the vocabularies of
    /// the synthetic `large` data, whose 352,592 training windows take about 22 s an epoch on
    /// two cores.
    case small
    /// The paper's size: 5,994,063 learnable parameters with the vocabularies the synthetic
    /// `large` data fits (99 categories over the 13 features), against the paper's 5,994,444.
    /// The paper publishes neither its vocabularies nor every layer's width. Most parameters
    /// sit in the per-step encoder and the GRU's input kernels, whose work a served window
    /// caches per session: an event then costs one step of them, where a recomputed window
    /// (PyTorch, or training) pays five. The encoder's width is the one that lands closest to
    /// the paper's count; other vocabularies move the count by 32 parameters per category.
    case paper

    /// Width of the paper preset's per-step encoder (see `paper`).
    static let paperStepEncoderWidth = 2323

    public func shape(vocabularySizes: [Int], continuousCount: Int, contentWidth: Int = 128,
                      ablation: InputAblation = .none) -> NetworkShape {
        var shape = switch self {
        case .small:
            NetworkShape(vocabularySizes: vocabularySizes, continuousCount: continuousCount, contentWidth: contentWidth,
                         featureAttentionWidth: 8, hidden: 48, timeAttentionWidth: 32, denseWidths: [128],
                         outputWidth: contentWidth)
        case .paper:
            NetworkShape(vocabularySizes: vocabularySizes, continuousCount: continuousCount, contentWidth: contentWidth,
                         featureAttentionWidth: 16, hidden: 256, timeAttentionWidth: 128, denseWidths: [1024],
                         outputWidth: contentWidth, stepDenseWidth: Self.paperStepEncoderWidth)
        }
        shape.ablation = ablation
        return shape
    }
}
