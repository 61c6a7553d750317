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

    public init(vocabularySizes: [Int], embeddingWidth: Int = 32, continuousCount: Int, contentWidth: Int,
                featureAttentionWidth: Int, hidden: Int, timeAttentionWidth: Int, denseWidths: [Int], outputWidth: Int) {
        self.vocabularySizes = vocabularySizes
        self.embeddingWidth = embeddingWidth
        self.continuousCount = continuousCount
        self.contentWidth = contentWidth
        self.featureAttentionWidth = featureAttentionWidth
        self.hidden = hidden
        self.timeAttentionWidth = timeAttentionWidth
        self.denseWidths = denseWidths
        self.outputWidth = outputWidth
    }

    public var categoricalCount: Int { vocabularySizes.count }
    /// Width of one step's input: every embedding, the continuous block, the content vector.
    public var stepWidth: Int { categoricalCount * embeddingWidth + continuousCount + contentWidth }

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
