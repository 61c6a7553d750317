import Foundation

/// A study set: the value of `nere.sets` (DESIGN §2), the paper's sets table.
public struct StudySet: Sendable, Hashable, Codable {
    public var setID: String
    public var title: String
    public var terms: [String]
    public var definitions: [String]
    public var subject: Subject
    public var termLang: String
    public var defLang: String
    public var studierCount: Int
    public var meanStudierAge: Double
    public var totalViews: Int
    public var hasImages: Bool
    public var hasDiagrams: Bool
    public var preferredStudyMode: String
    public var preferredPlatform: String
    public var meanSessionLengthMin: Double
    /// When present it wins over the vector computed from the text (DESIGN §4).
    public var contentVector: [Float]?

    public init(setID: String, title: String, terms: [String], definitions: [String], subject: Subject,
                termLang: String, defLang: String, studierCount: Int, meanStudierAge: Double, totalViews: Int,
                hasImages: Bool, hasDiagrams: Bool, preferredStudyMode: String, preferredPlatform: String,
                meanSessionLengthMin: Double, contentVector: [Float]? = nil) {
        self.setID = setID
        self.title = title
        self.terms = terms
        self.definitions = definitions
        self.subject = subject
        self.termLang = termLang
        self.defLang = defLang
        self.studierCount = studierCount
        self.meanStudierAge = meanStudierAge
        self.totalViews = totalViews
        self.hasImages = hasImages
        self.hasDiagrams = hasDiagrams
        self.preferredStudyMode = preferredStudyMode
        self.preferredPlatform = preferredPlatform
        self.meanSessionLengthMin = meanSessionLengthMin
        self.contentVector = contentVector
    }

    enum CodingKeys: String, CodingKey {
        case setID = "set_id", title, terms, definitions, subject, termLang = "term_lang", defLang = "def_lang"
        case studierCount = "studier_count", meanStudierAge = "mean_studier_age", totalViews = "total_views"
        case hasImages = "has_images", hasDiagrams = "has_diagrams"
        case preferredStudyMode = "preferred_study_mode", preferredPlatform = "preferred_platform"
        case meanSessionLengthMin = "mean_session_length_min", contentVector = "content_vector"
    }

    public init(from decoder: any Decoder) throws {
        let c = try ValidatingContainer(decoder, keyedBy: CodingKeys.self)
        let label = ContractLimits.maxLabelBytes
        setID = try c.identifier(.setID)
        title = try c.text(.title, maxBytes: ContractLimits.maxTitleBytes)
        terms = try Self.texts(c, .terms)
        definitions = try Self.texts(c, .definitions)
        if terms.count != definitions.count {
            throw ContractViolation(field: "definitions", reason: .lengthMismatch,
                                    detail: "\(definitions.count) definitions for \(terms.count) terms")
        }
        guard let subject = try c.subject(.subject) else {
            throw ContractViolation(field: "subject", reason: .missing, detail: "required field is absent or null")
        }
        self.subject = subject
        termLang = try c.text(.termLang, maxBytes: label)
        defLang = try c.text(.defLang, maxBytes: label)
        studierCount = try c.integer(.studierCount, in: 0...Int(Int32.max))
        meanStudierAge = try c.number(.meanStudierAge, in: 0...Double(ContractLimits.maximumUserAge))
        totalViews = try c.integer(.totalViews, in: 0...Int.max)
        hasImages = try c.required(Bool.self, .hasImages)
        hasDiagrams = try c.required(Bool.self, .hasDiagrams)
        preferredStudyMode = try c.text(.preferredStudyMode, maxBytes: label)
        preferredPlatform = try c.text(.preferredPlatform, maxBytes: label)
        meanSessionLengthMin = try c.number(.meanSessionLengthMin, in: 0...10_080)
        contentVector = try Self.contentVector(c)
    }

    /// Read as `Double`s and narrowed here because JSONDecoder refuses numbers outside
    /// `Float`'s range without naming the element, and refuses tiny ones such as 1e-50 too,
    /// which should just round to 0. The schema states the same bound: |x| ≤ `Float.greatestFiniteMagnitude`.
    private static func contentVector(_ c: ValidatingContainer<CodingKeys>) throws -> [Float]? {
        guard let values = try c.optional([Double].self, .contentVector) else { return nil }
        if values.count != ContractLimits.contentVectorDimensions {
            throw ContractViolation(field: "content_vector", reason: .lengthMismatch,
                                    detail: "\(values.count) values, \(ContractLimits.contentVectorDimensions) required")
        }
        let limit = Double(Float.greatestFiniteMagnitude)
        if let bad = values.firstIndex(where: { !(-limit...limit).contains($0) }) {
            throw ContractViolation(field: "content_vector[\(bad)]", reason: .outOfRange,
                                    detail: "\(values[bad]) is not a finite 32-bit float")
        }
        return values.map(Float.init)
    }

    /// Terms and definitions may be empty strings (a picture-only card) but not absurdly long.
    private static func texts(_ c: ValidatingContainer<CodingKeys>, _ key: CodingKeys) throws -> [String] {
        let values = try c.required([String].self, key)
        if values.count > ContractLimits.maxTerms {
            throw ContractViolation(field: c.path(key), reason: .tooLong,
                                    detail: "\(values.count) entries, at most \(ContractLimits.maxTerms) allowed")
        }
        if let long = values.firstIndex(where: { $0.utf8.count > ContractLimits.maxTextBytes }) {
            throw ContractViolation(field: "\(c.path(key))[\(long)]", reason: .tooLong,
                                    detail: "at most \(ContractLimits.maxTextBytes) bytes allowed")
        }
        return values
    }

    /// Reads one `nere.sets` value.
    public static func decode(json bytes: some Collection<UInt8>, now: Timestamp = .now) -> Result<StudySet, ContractViolation> {
        PayloadDecoding.decode(StudySet.self, from: bytes, now: now)
    }
}
