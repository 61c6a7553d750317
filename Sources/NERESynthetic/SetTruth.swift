/// What the generator knows about a set and a consumer should not: which course it belongs
/// to, where in the syllabus, and which set it copies. Written to `truth.jsonl` so set-vector
/// quality can be measured against it (`nere vectorize`), never read by the pipeline.
public struct SetTruth: Sendable, Codable, Equatable {
    public var setID: String
    /// Index of the course; a near-duplicate belongs to its original's course.
    public var course: Int
    public var position: Int
    /// The set this one is a near-duplicate copy of, if any.
    public var copyOf: String?

    enum CodingKeys: String, CodingKey {
        case setID = "set_id", course, position, copyOf = "copy_of"
    }
}
