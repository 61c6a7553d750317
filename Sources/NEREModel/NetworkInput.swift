/// A batch of windows as the network reads them. Windows are left-aligned: row b's
/// `lengths[b]` sessions sit at steps 0..<length, oldest first, and the steps after them are
/// padding that no output depends on.
public struct NetworkInput: Sendable {
    public static let steps = 5

    public var batchSize: Int { lengths.count }
    /// [B, T, C] category ids; 0 is the unknown id.
    public var categorical: [Int32]
    /// [B, T, K], already scaled and imputed.
    public var continuous: [Float]
    /// [B, T, Dc] set content vectors.
    public var content: [Float]
    /// Valid steps per row, 1...T.
    public var lengths: [Int]

    public init(categorical: [Int32], continuous: [Float], content: [Float], lengths: [Int]) {
        self.categorical = categorical
        self.continuous = continuous
        self.content = content
        self.lengths = lengths
    }

    /// An all-padding batch of `batchSize` rows, to be filled step by step.
    public init(batchSize: Int, shape: NetworkShape) {
        let positions = batchSize * Self.steps
        categorical = [Int32](repeating: 0, count: positions * shape.categoricalCount)
        continuous = [Float](repeating: 0, count: positions * shape.continuousCount)
        content = [Float](repeating: 0, count: positions * shape.contentWidth)
        lengths = [Int](repeating: 0, count: batchSize)
    }
}
