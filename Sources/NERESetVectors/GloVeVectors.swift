/// Trained GloVe word vectors: for each word, its word vector plus its context vector (W + W̃),
/// which the GloVe paper found slightly better than either alone.
public struct GloVeVectors: Sendable, Equatable {
    public let dimensions: Int
    public let vocabularySize: Int
    /// Row-major, `dimensions` floats per vocabulary id.
    public let values: [Float]
    /// Loss of each epoch (see `GloVeTrainer`).
    public let losses: [Double]

    public func vector(_ id: Int32) -> ArraySlice<Float> {
        let start = Int(id) * dimensions
        return values[start..<start + dimensions]
    }
}
