/// Word ↔ id for the catalog's tokens, with the corpus count and document frequency of each word
/// (tf-idf needs both). Ids follow descending count, then word, so the same documents give the
/// same ids in any order and on any machine: the vocabulary is part of a versioned artifact
/// (DESIGN §4). `Int32` ids halve the memory of the co-occurrence data GloVe trains on.
public struct Vocabulary: Sendable, Equatable {
    private let words: [String]
    private let counts: [Int]
    private let documentFrequencies: [Int]
    public let documentCount: Int
    private let ids: [String: Int32]

    /// Words seen fewer than `minimumCount` times are dropped (GloVe learns nothing useful from
    /// them); `maximumSize` then keeps the most frequent words. Every document counts towards
    /// `documentCount`, empty ones included, since they are sets that idf must account for.
    public init(documents: [[String]], minimumCount: Int, maximumSize: Int?) {
        precondition(maximumSize.map { $0 >= 0 } ?? true, "maximumSize cannot be negative")
        var index: [String: Int] = [:]
        var words: [String] = [], counts: [Int] = [], frequencies: [Int] = [], lastDocument: [Int] = []
        for (document, tokens) in documents.enumerated() {
            for token in tokens {
                let id: Int
                if let known = index[token] {
                    id = known
                } else {
                    id = words.count
                    index[token] = id
                    words.append(token)
                    counts.append(0)
                    frequencies.append(0)
                    lastDocument.append(-1)
                }
                counts[id] += 1
                if lastDocument[id] != document {
                    lastDocument[id] = document
                    frequencies[id] += 1
                }
            }
        }
        var order = words.indices.filter { counts[$0] >= minimumCount }
        order.sort { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : words[$0] < words[$1] }
        if let maximumSize, order.count > maximumSize { order.removeLast(order.count - maximumSize) }
        self.init(words: order.map { words[$0] }, counts: order.map { counts[$0] },
                  documentFrequencies: order.map { frequencies[$0] }, documentCount: documents.count)
    }

    /// Restores a stored vocabulary as it is, ids being positions; should a word appear twice,
    /// `id(of:)` answers its first position.
    public init(words: [String], counts: [Int], documentFrequencies: [Int], documentCount: Int) {
        precondition(counts.count == words.count && documentFrequencies.count == words.count,
                     "one count and one document frequency per word")
        precondition(words.count <= Int(Int32.max), "ids are Int32")
        self.words = words
        self.counts = counts
        self.documentFrequencies = documentFrequencies
        self.documentCount = documentCount
        ids = Dictionary(words.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
    }

    public var count: Int { words.count }

    public func id(of word: String) -> Int32? { ids[word] }

    public func word(at id: Int32) -> String { words[Int(id)] }

    /// Occurrences in the corpus.
    public func count(at id: Int32) -> Int { counts[Int(id)] }

    /// Documents that contain the word at least once.
    public func documentFrequency(at id: Int32) -> Int { documentFrequencies[Int(id)] }

    /// Unknown words are dropped: they were too rare to train, so they carry no vector.
    public func ids(of tokens: [String]) -> [Int32] {
        tokens.compactMap { ids[$0] }
    }

    public static func == (lhs: Vocabulary, rhs: Vocabulary) -> Bool {
        lhs.words == rhs.words && lhs.counts == rhs.counts
            && lhs.documentFrequencies == rhs.documentFrequencies && lhs.documentCount == rhs.documentCount
    }
}

extension Vocabulary: Codable {
    enum CodingKeys: String, CodingKey {
        case words, counts, documentFrequencies = "document_frequencies", documentCount = "document_count"
    }

    /// Rejects what would make ids ambiguous or tf-idf meaningless rather than trapping later.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let words = try container.decode([String].self, forKey: .words)
        let counts = try container.decode([Int].self, forKey: .counts)
        let frequencies = try container.decode([Int].self, forKey: .documentFrequencies)
        let documentCount = try container.decode(Int.self, forKey: .documentCount)
        func corrupt(_ key: CodingKeys, _ reason: String) -> DecodingError {
            .dataCorruptedError(forKey: key, in: container, debugDescription: reason)
        }
        guard counts.count == words.count else { throw corrupt(.counts, "\(counts.count) counts for \(words.count) words") }
        guard frequencies.count == words.count else {
            throw corrupt(.documentFrequencies, "\(frequencies.count) document frequencies for \(words.count) words")
        }
        guard words.count <= Int(Int32.max) else { throw corrupt(.words, "more words than Int32 ids") }
        guard Set(words).count == words.count else { throw corrupt(.words, "a word appears twice") }
        guard documentCount >= 0 else { throw corrupt(.documentCount, "negative document count") }
        if let bad = frequencies.indices.first(where: {
            frequencies[$0] < 1 || frequencies[$0] > counts[$0] || frequencies[$0] > documentCount
        }) {
            throw corrupt(.documentFrequencies, "\"\(words[bad])\" occurs \(counts[bad]) times in \(frequencies[bad]) of \(documentCount) documents")
        }
        self.init(words: words, counts: counts, documentFrequencies: frequencies, documentCount: documentCount)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(words, forKey: .words)
        try container.encode(counts, forKey: .counts)
        try container.encode(documentFrequencies, forKey: .documentFrequencies)
        try container.encode(documentCount, forKey: .documentCount)
    }
}
