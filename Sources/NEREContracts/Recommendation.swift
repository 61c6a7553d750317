import Foundation

/// The value of `nere.recommendations` and of a cache row (DESIGN §2): what a user should
/// study next in one subject, and why.
public struct Recommendation: Sendable, Hashable, Codable {
    /// Where the triggering event came from, so a consumer can recognise re-emits after a
    /// restart (output records are at-least-once).
    public struct Source: Sendable, Hashable, Codable {
        public var topic: String
        public var partition: Int
        public var offset: Int64
        public var eventID: String

        public init(topic: String, partition: Int, offset: Int64, eventID: String) {
            self.topic = topic
            self.partition = partition
            self.offset = offset
            self.eventID = eventID
        }

        enum CodingKeys: String, CodingKey {
            case topic, partition, offset, eventID = "event_id"
        }

        /// The topic is free text rather than an id because file replays name their file
        /// (`file:<path>`, see `EventOrigin`), and paths can be longer than an id.
        public init(from decoder: any Decoder) throws {
            let c = try ValidatingContainer(decoder, keyedBy: CodingKeys.self)
            topic = try c.text(.topic, maxBytes: ContractLimits.maxTextBytes)
            partition = try c.integer(.partition, in: 0...Int(Int32.max))
            offset = Int64(try c.integer(.offset, in: 0...Int.max))
            eventID = try c.identifier(.eventID)
        }
    }

    public struct Item: Sendable, Hashable, Codable {
        public var setID: String
        public var score: Double

        public init(setID: String, score: Double) {
            self.setID = setID
            self.score = score
        }

        enum CodingKeys: String, CodingKey {
            case setID = "set_id", score
        }

        public init(from decoder: any Decoder) throws {
            let c = try ValidatingContainer(decoder, keyedBy: CodingKeys.self)
            setID = try c.identifier(.setID)
            score = try c.required(Double.self, .score)
        }
    }

    public var userID: String
    public var subject: Subject
    public var modelVersion: String
    public var generatedAt: Timestamp
    public var source: Source
    public var historyLength: Int
    public var confidence: Double
    /// True when the answer does not come from the NERE model (DESIGN §2).
    public var fallback: Bool
    /// Why the fallback was used (`cold_start`, `no_model`, …); nil when `fallback` is false.
    public var fallbackReason: String?
    public var items: [Item]
    /// One weight per session in the window, oldest first; empty when the recommender has
    /// no attention to show.
    public var attention: [Double]

    public init(userID: String, subject: Subject, modelVersion: String, generatedAt: Timestamp, source: Source,
                historyLength: Int, confidence: Double, fallback: Bool, fallbackReason: String?,
                items: [Item], attention: [Double]) {
        self.userID = userID
        self.subject = subject
        self.modelVersion = modelVersion
        self.generatedAt = generatedAt
        self.source = source
        self.historyLength = historyLength
        self.confidence = confidence
        self.fallback = fallback
        self.fallbackReason = fallbackReason
        self.items = items
        self.attention = attention
    }

    enum CodingKeys: String, CodingKey {
        case userID = "user_id", subject, modelVersion = "model_version", generatedAt = "generated_at"
        case source, historyLength = "history_length", confidence, fallback, fallbackReason = "fallback_reason"
        case items, attention
    }

    public init(from decoder: any Decoder) throws {
        let c = try ValidatingContainer(decoder, keyedBy: CodingKeys.self)
        userID = try c.identifier(.userID)
        guard let subject = try c.subject(.subject) else {
            throw ContractViolation(field: "subject", reason: .missing, detail: "required field is absent or null")
        }
        self.subject = subject
        modelVersion = try c.identifier(.modelVersion)
        generatedAt = try c.required(Timestamp.self, .generatedAt)
        source = try c.required(Source.self, .source)
        historyLength = try c.integer(.historyLength, in: 1...WindowPolicy.capacity)
        confidence = try c.number(.confidence, in: 0...1)
        fallback = try c.required(Bool.self, .fallback)
        fallbackReason = try c.optionalText(.fallbackReason, maxBytes: ContractLimits.maxLabelBytes)
        items = try c.required([Item].self, .items)
        attention = try c.required([Double].self, .attention)
    }

    /// The compacted-topic and cache key: `user_id|subject`.
    public var key: String { WindowKey(userID: userID, subject: subject).description }
}
