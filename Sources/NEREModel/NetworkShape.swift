/// Every size that fixes the network's tensors. The feature counts and vocabularies come from
/// the fitted feature space; the rest from a preset.
public struct NetworkShape: Sendable, Hashable, Codable {
    /// Categories per categorical feature, the unknown id 0 included.
    public var vocabularySizes: [Int]
    public var embeddingWidth: Int
    public var continuousCount: Int
    public var contentWidth: Int
    /// Width of each feature group's attention projection.
    public var featureAttentionWidth: Int
    /// Hidden units per GRU direction.
    public var hidden: Int
    public var timeAttentionWidth: Int
    public var denseWidths: [Int]
    public var outputWidth: Int
    /// Width of the per-step encoder (a ReLU dense layer on each step, between feature
    /// attention and the GRU); 0 for none. Served windows cache its output with the rest of a
    /// session's input work, so its cost is paid once per session, not once per window step.
    public var stepDenseWidth: Int
    public var ablation: InputAblation

    public init(vocabularySizes: [Int], embeddingWidth: Int = 32, continuousCount: Int, contentWidth: Int,
                featureAttentionWidth: Int, hidden: Int, timeAttentionWidth: Int, denseWidths: [Int], outputWidth: Int,
                stepDenseWidth: Int = 0, ablation: InputAblation = .none) {
        self.vocabularySizes = vocabularySizes
        self.embeddingWidth = embeddingWidth
        self.continuousCount = continuousCount
        self.contentWidth = contentWidth
        self.featureAttentionWidth = featureAttentionWidth
        self.hidden = hidden
        self.timeAttentionWidth = timeAttentionWidth
        self.denseWidths = denseWidths
        self.outputWidth = outputWidth
        self.stepDenseWidth = stepDenseWidth
        self.ablation = ablation
    }

    enum CodingKeys: String, CodingKey {
        case vocabularySizes, embeddingWidth, continuousCount, contentWidth, featureAttentionWidth, hidden
        case timeAttentionWidth, denseWidths, outputWidth, stepDenseWidth, ablation
    }

    /// Shapes written before the step encoder and ablations existed have neither: none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(vocabularySizes: try c.decode([Int].self, forKey: .vocabularySizes),
                  embeddingWidth: try c.decode(Int.self, forKey: .embeddingWidth),
                  continuousCount: try c.decode(Int.self, forKey: .continuousCount),
                  contentWidth: try c.decode(Int.self, forKey: .contentWidth),
                  featureAttentionWidth: try c.decode(Int.self, forKey: .featureAttentionWidth),
                  hidden: try c.decode(Int.self, forKey: .hidden),
                  timeAttentionWidth: try c.decode(Int.self, forKey: .timeAttentionWidth),
                  denseWidths: try c.decode([Int].self, forKey: .denseWidths),
                  outputWidth: try c.decode(Int.self, forKey: .outputWidth),
                  stepDenseWidth: try c.decodeIfPresent(Int.self, forKey: .stepDenseWidth) ?? 0,
                  ablation: try c.decodeIfPresent(InputAblation.self, forKey: .ablation) ?? .none)
    }

    public var categoricalCount: Int { vocabularySizes.count }
    /// Columns of the step input taken by the metadata: the embeddings, then the continuous block.
    public var metadataWidth: Int { categoricalCount * embeddingWidth + continuousCount }
    /// Width of one step's input: every embedding, the continuous block, the content vector.
    public var stepWidth: Int { categoricalCount * embeddingWidth + continuousCount + contentWidth }

    /// Width of what the GRU reads per step: the step encoder's output, or the attended step input.
    public var recurrentInputWidth: Int { stepDenseWidth > 0 ? stepDenseWidth : stepWidth }

    /// The feature-attention groups as column ranges of the step input: one per categorical
    /// feature, then the continuous block (when there is one), then the content vector.
    public var featureGroups: [Range<Int>] {
        var groups = (0..<categoricalCount).map { $0 * embeddingWidth ..< ($0 + 1) * embeddingWidth }
        var start = categoricalCount * embeddingWidth
        if continuousCount > 0 {
            groups.append(start ..< start + continuousCount)
            start += continuousCount
        }
        groups.append(start ..< start + contentWidth)
        return groups
    }
}
