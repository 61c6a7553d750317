/// GloVe's parameters and their AdaGrad accumulators in one contiguous Float buffer, laid out as
/// [W | W̃ | G_W | G_W̃ | b | b̃ | G_b | G_b̃] (W and W̃ are vocabularySize × dimensions, row-major):
/// one allocation, and one `withUnsafeMutableBufferPointer` for the whole training loop.
struct GloVeParameters: Sendable, Equatable {
    let dimensions: Int
    let vocabularySize: Int
    private(set) var storage: [Float]

    private var matrixCount: Int { vocabularySize * dimensions }

    /// `glove.c`'s start: every weight and bias uniform in [-0.5, 0.5) / dimensions, every
    /// accumulator 1 (so the first step's effective learning rate is the configured one).
    init(dimensions: Int, vocabularySize: Int, random: inout GloVeRandom) {
        let scale = 1 / Float(dimensions)
        let matrix = vocabularySize * dimensions
        self.init(dimensions: dimensions, vocabularySize: vocabularySize,
                  word: (0..<matrix).map { _ in (random.unitFloat() - 0.5) * scale },
                  context: (0..<matrix).map { _ in (random.unitFloat() - 0.5) * scale },
                  wordBias: (0..<vocabularySize).map { _ in (random.unitFloat() - 0.5) * scale },
                  contextBias: (0..<vocabularySize).map { _ in (random.unitFloat() - 0.5) * scale })
    }

    /// Given starting values (the reference check starts from NumPy's), accumulators 1.
    init(dimensions: Int, vocabularySize: Int, word: [Float], context: [Float],
         wordBias: [Float], contextBias: [Float]) {
        precondition(word.count == vocabularySize * dimensions && context.count == word.count)
        precondition(wordBias.count == vocabularySize && contextBias.count == vocabularySize)
        self.dimensions = dimensions
        self.vocabularySize = vocabularySize
        let ones = [Float](repeating: 1, count: word.count)
        let biasOnes = [Float](repeating: 1, count: vocabularySize)
        storage = word + context + ones + ones + wordBias + contextBias + biasOnes + biasOnes
    }

    var word: ArraySlice<Float> { storage[0..<matrixCount] }
    var context: ArraySlice<Float> { storage[matrixCount..<2 * matrixCount] }
    var wordBias: ArraySlice<Float> { storage[4 * matrixCount..<4 * matrixCount + vocabularySize] }
    var contextBias: ArraySlice<Float> {
        storage[4 * matrixCount + vocabularySize..<4 * matrixCount + 2 * vocabularySize]
    }

    /// W + W̃.
    var summedVectors: [Float] {
        zip(word, context).map { $0 + $1 }
    }

    /// Runs `body` with a kernel pointing into this buffer; the pointers are valid only inside.
    mutating func withKernel<Result>(learningRate: Float, _ body: (GloVeKernel) -> Result) -> Result {
        let matrix = matrixCount
        let vocabulary = vocabularySize
        let dimensions = dimensions
        return storage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { preconditionFailure("no parameters to train") }
            let biases = base + 4 * matrix
            return body(GloVeKernel(
                dimensions: dimensions, learningRate: learningRate,
                word: base, context: base + matrix, wordSquares: base + 2 * matrix, contextSquares: base + 3 * matrix,
                wordBias: biases, contextBias: biases + vocabulary,
                wordBiasSquares: biases + 2 * vocabulary, contextBiasSquares: biases + 3 * vocabulary))
        }
    }

    /// One single-threaded epoch over `entries` in the order given — what the NumPy reference
    /// computes. Returns the epoch's loss.
    mutating func adaGradEpoch(_ entries: [GloVeEntry], learningRate: Float) -> Double {
        guard !entries.isEmpty else { return 0 }
        let total = withKernel(learningRate: learningRate) { kernel in
            entries.withUnsafeBufferPointer { kernel.pass($0) }
        }
        return total / Double(entries.count)
    }
}
