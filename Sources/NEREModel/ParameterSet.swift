/// Every learned tensor of a network in one flat block, with a gradient block of the same
/// layout (as llm.c does): the optimiser and the weight file walk the blocks, layers keep the
/// offsets of their tensors. Tensors declared one after the other are adjacent, which lets
/// the two GRU directions' input kernels act as one [6H, D] matrix.
public final class ParameterSet: @unchecked Sendable {
    public struct Entry: Sendable, Hashable {
        public let name: String
        public let shape: [Int]
        public let offset: Int
        public var count: Int { shape.reduce(1, *) }
    }

    public private(set) var entries: [Entry] = []
    public private(set) var values = FloatBuffer(count: 0)
    public private(set) var gradients = FloatBuffer(count: 0)
    private var total = 0

    init() {}

    /// Reserves a tensor; call `allocate()` once every tensor is declared.
    func declare(_ name: String, _ shape: [Int]) -> Int {
        let entry = Entry(name: name, shape: shape, offset: total)
        entries.append(entry)
        total += entry.count
        return entry.offset
    }

    func allocate() {
        values = FloatBuffer(count: total)
        gradients = FloatBuffer(count: total)
    }

    public var count: Int { total }

    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    public func value(_ offset: Int) -> UnsafeMutablePointer<Float> { values.pointer + offset }
    public func gradient(_ offset: Int) -> UnsafeMutablePointer<Float> { gradients.pointer + offset }

    public func tensor(_ entry: Entry) -> [Float] {
        Array(UnsafeBufferPointer(start: values.pointer + entry.offset, count: entry.count))
    }

    public func gradientTensor(_ entry: Entry) -> [Float] {
        Array(UnsafeBufferPointer(start: gradients.pointer + entry.offset, count: entry.count))
    }

    public func set(_ entry: Entry, to values: [Float]) {
        precondition(values.count == entry.count, "\(entry.name): \(values.count) values for \(entry.count)")
        values.withUnsafeBufferPointer { (self.values.pointer + entry.offset).update(from: $0.baseAddress!, count: entry.count) }
    }

    public func zeroGradients() { gradients.zero() }
}
