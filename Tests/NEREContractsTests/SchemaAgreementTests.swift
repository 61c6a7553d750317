import Foundation
import Testing
@testable import NEREContracts

/// `Fixtures/schema-verdicts.json`, written by `make_schema_verdicts.py`.
struct SchemaVerdicts: Decodable, Sendable {
    struct Verdict: Decodable, Sendable {
        let name: String
        let json: String
        let schemaValid: Bool
        let schemaErrors: [String]
        let decoderOnlyRule: String?
    }

    let formatsAsserted: [String]
    let decoderNow: String
    let filesSha256: [String: String]
    let topics: [String: [Verdict]]

    static func load() throws -> SchemaVerdicts {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(SchemaVerdicts.self, from: RepositoryFiles.fixture("schema-verdicts.json"))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let kind: PayloadKind
        let verdict: Verdict
        let now: Timestamp
        var testDescription: String { "\(kind.topic.rawValue): \(verdict.name)" }
    }

    var cases: [Case] {
        get throws {
            let now = try #require(Timestamp(rfc3339: decoderNow))
            return try topics.sorted { $0.key < $1.key }.flatMap { topic, verdicts in
                let kind = try #require(PayloadKind(topic: topic), "no decoder for \(topic)")
                return verdicts.map { Case(kind: kind, verdict: $0, now: now) }
            }
        }
    }
}

@Suite("Decoders agree with the topic schemas")
struct SchemaAgreementTests {
    static let regenerate = "regenerate with python3 Tests/NEREContractsTests/Fixtures/make_schema_verdicts.py"

    @Test func verdictsAreCurrent() throws {
        let verdicts = try SchemaVerdicts.load()
        let expectedFiles = ["Tests/NEREContractsTests/Fixtures/schema-examples.json"]
            + PayloadKind.allCases.map { "topics/\($0.topic.rawValue).json" }
        #expect(Set(verdicts.filesSha256.keys) == Set(expectedFiles), "\(Self.regenerate)")
        for (path, recorded) in verdicts.filesSha256.sorted(by: { $0.key < $1.key }) {
            let current = SHA256.hex(try Data(contentsOf: RepositoryFiles.root.appendingPathComponent(path)))
            #expect(current == recorded, "\(path) changed since the verdicts were made; \(Self.regenerate)")
        }
    }

    @Test func verdictsCoverEveryPayload() throws {
        let verdicts = try SchemaVerdicts.load()
        #expect(Set(["date-time", "ipv4", "ipv6"]).isSubset(of: verdicts.formatsAsserted))
        for kind in PayloadKind.allCases {
            let examples = verdicts.topics[kind.topic.rawValue] ?? []
            #expect(examples.count >= 20, "\(kind.topic.rawValue)")
            #expect(examples.contains { $0.schemaValid } && examples.contains { !$0.schemaValid }, "\(kind.topic.rawValue)")
            let rules = try #require(try TopicSchemaTests.schema(kind)["x-nere-rules"] as? [[String: Any]])
            let reasons = Set(rules.compactMap { $0["reason"] as? String })
            for rule in examples.compactMap(\.decoderOnlyRule) {
                #expect(reasons.contains(rule), "\(rule) is not an x-nere-rules reason of \(kind.topic.rawValue)")
            }
        }
    }

    /// Schema-valid documents are kept (accepted, or dropped as underage) unless tagged with
    /// a rule only the decoder can check; schema-invalid ones are refused.
    @Test(arguments: try SchemaVerdicts.load().cases)
    func decoderAgrees(_ example: SchemaVerdicts.Case) {
        let verdict = example.verdict
        let outcome = example.kind.decode(Array(verdict.json.utf8), now: example.now)
        if let rule = verdict.decoderOnlyRule {
            #expect(verdict.schemaValid, "tagged decoder-only, but the schema refuses it: \(verdict.schemaErrors)")
            #expect(outcome.reason?.rawValue == rule, "decoder: \(outcome)")
        } else if verdict.schemaValid {
            #expect(outcome.reason == nil, "the schema accepts it, the decoder: \(outcome)")
        } else {
            #expect(outcome.reason != nil, "the schema refuses it (\(verdict.schemaErrors)), the decoder accepts it")
        }
    }
}
