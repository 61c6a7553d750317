import NEREModel

/// A copy of everything that fixes a network's predictions: the learned values and the batch
/// normalisation's running statistics, which are state outside the parameter block. Early
/// stopping keeps the best epoch's and puts it back at the end.
struct NetworkSnapshot {
    private let values: [Float]
    private let runningMean: [Float]
    private let runningVariance: [Float]

    init(_ network: NERENetwork) {
        values = network.parameters.values.array
        runningMean = network.runningMean.array
        runningVariance = network.runningVariance.array
    }

    func restore(into network: NERENetwork) {
        Self.copy(values, into: network.parameters.values)
        Self.copy(runningMean, into: network.runningMean)
        Self.copy(runningVariance, into: network.runningVariance)
    }

    private static func copy(_ source: [Float], into buffer: FloatBuffer) {
        precondition(source.count == buffer.count, "a snapshot of another network")
        source.withUnsafeBufferPointer { buffer.pointer.update(from: $0.baseAddress!, count: source.count) }
    }
}
