/// Rows of unit length in one row-major buffer: cosine similarity becomes one dot product, and
/// `cblas_sgemm` can score a batch of queries against every row at once.
struct UnitVectors: Sendable {
    let dimensions: Int
    private(set) var values: [Float] = []

    init(dimensions: Int) {
        precondition(dimensions > 0, "vectors need at least one dimension")
        self.dimensions = dimensions
    }

    init(dimensions: Int, values: [Float]) {
        precondition(dimensions > 0 && values.count % dimensions == 0, "values must fill whole rows")
        self.dimensions = dimensions
        self.values = values
    }

    var count: Int { values.count / dimensions }

    /// `vector` scaled to unit length, or nil when it has no direction (all zeros) or holds a
    /// non-finite value: such a vector has no nearest sets, and one would poison every cosine.
    static func normalized(_ vector: some Collection<Float>) -> [Float]? {
        var squares: Double = 0
        for value in vector {
            guard value.isFinite else { return nil }
            squares += Double(value) * Double(value)
        }
        guard squares > 0 else { return nil }
        let scale = Float(1 / squares.squareRoot())
        return vector.map { $0 * scale }
    }

    mutating func append(_ unit: [Float]) -> IndexRow {
        precondition(unit.count == dimensions, "a vector of \(unit.count) values for \(dimensions) dimensions")
        values.append(contentsOf: unit)
        return IndexRow(count - 1)
    }

    mutating func replace(_ row: IndexRow, with unit: [Float]) {
        precondition(unit.count == dimensions, "a vector of \(unit.count) values for \(dimensions) dimensions")
        let start = Int(row) * dimensions
        values.replaceSubrange(start..<start + dimensions, with: unit)
    }

    func row(_ row: IndexRow) -> ArraySlice<Float> {
        values[Int(row) * dimensions..<(Int(row) + 1) * dimensions]
    }
}
