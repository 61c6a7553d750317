/// The ids of one categorical feature's values, as its embedding table reads them. Id 0 is
/// shared by missing values and values never seen while fitting, so a new platform or language
/// in production lands on a trained row instead of an out-of-range one. Known values take ids
/// 1… in sorted order, so the same training data always gives the same ids.
public struct CategoryVocabulary: Sendable, Hashable, Codable {
    public static let unknownID: Int32 = 0

    public let name: String
    /// Known values in id order: `values[i]` has id `i + 1`.
    public let values: [String]
    private let ids: [String: Int32]

    public init(name: String, values: some Sequence<String>) {
        self.init(name: name, sortedValues: Set(values).sorted())
    }

    private init(name: String, sortedValues: [String]) {
        self.name = name
        self.values = sortedValues
        ids = Dictionary(uniqueKeysWithValues: sortedValues.enumerated().map { ($0.element, Int32($0.offset + 1)) })
    }

    /// Rows of the embedding table, the unknown id included.
    public var size: Int { values.count + 1 }

    public func id(of value: String?) -> Int32 {
        value.flatMap { ids[$0] } ?? Self.unknownID
    }

    enum CodingKeys: String, CodingKey {
        case name, values
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        let values = try container.decode([String].self, forKey: .values)
        // Ids are positions, so a reordered or repeated list would silently remap a trained
        // embedding table; only what fitting writes is accepted.
        guard zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw DecodingError.dataCorruptedError(forKey: .values, in: container,
                                                   debugDescription: "values of \(name) are not sorted and unique")
        }
        self.init(name: name, sortedValues: values)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(values, forKey: .values)
    }
}
