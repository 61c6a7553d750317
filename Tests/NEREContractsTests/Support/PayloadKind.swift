import Foundation
import Testing
@testable import NEREContracts

/// The three JSON payloads of DESIGN §2 that have a Swift decoder.
enum PayloadKind: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case studySession, studySet, recommendation

    init?(topic: String) {
        guard let kind = Self.allCases.first(where: { $0.topic.rawValue == topic }) else { return nil }
        self = kind
    }

    var topic: TopicName {
        switch self {
        case .studySession: .studyEvents
        case .studySet: .sets
        case .recommendation: .recommendations
        }
    }

    /// A document the decoder accepts.
    var valid: JSONObject {
        switch self {
        case .studySession: Samples.session
        case .studySet: Samples.studySet
        case .recommendation: Samples.recommendation
        }
    }

    /// The fields whose absence the decoder refuses; the unit tests prove each one.
    var requiredFields: [String] {
        switch self {
        case .studySession: Samples.sessionRequiredFields
        case .studySet: Samples.studySetRequiredFields
        case .recommendation: Samples.recommendationRequiredFields
        }
    }

    func decode(_ bytes: [UInt8], now: Timestamp = Samples.now) -> Outcome {
        switch self {
        case .studySession:
            switch SessionDecoding(json: bytes, now: now) {
            case .accepted: return .accepted
            case .droppedUnderage: return .dropped
            case .rejected(let violation): return Outcome(violation)
            }
        case .studySet:
            return Outcome(StudySet.decode(json: bytes, now: now))
        case .recommendation:
            return Outcome(PayloadDecoding.decode(Recommendation.self, from: Data(bytes), now: now))
        }
    }

    func decode(_ document: JSONObject) -> Outcome { decode(document.bytes) }

    var testDescription: String { rawValue }
}
