/// The content vectors of a log's steps, each set's vector stored once however many sessions
/// studied it.
struct StepContent: Sendable {
    static let missing: Int32 = -1

    let width: Int
    /// Row-major [sets with a vector, width].
    let vectors: [Float]
    /// Per step, the row of its set's vector, or `missing`.
    let rows: [Int32]

    /// Asks `vector` once per distinct set id of `setIDs` (one per step).
    init(setIDs: some Sequence<String>, width: Int, vector: (String) -> [Float]?) {
        var rowOfSet: [String: Int32] = [:]
        var vectors: [Float] = []
        var rows: [Int32] = []
        for setID in setIDs {
            if let row = rowOfSet[setID] {
                rows.append(row)
                continue
            }
            var row = Self.missing
            if let found = vector(setID) {
                precondition(found.count == width, "content vector of \(setID) has \(found.count) values, not \(width)")
                row = Int32(vectors.count / width)
                vectors += found
            }
            rowOfSet[setID] = row
            rows.append(row)
        }
        self.width = width
        self.vectors = vectors
        self.rows = rows
    }
}
