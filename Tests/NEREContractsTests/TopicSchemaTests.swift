import Testing
@testable import NEREContracts

/// The numbers and names the schemas in `topics/` share with the Swift decoders. The
/// example-based agreement test finds behavioural drift; this one names the constant.
@Suite("Topic schemas state the decoders' limits")
struct TopicSchemaTests {
    static func schema(_ kind: PayloadKind) throws -> [String: Any] {
        try #require(RepositoryFiles.topicJSON(kind.topic.rawValue)["value_schema"] as? [String: Any])
    }

    @Test(arguments: PayloadKind.allCases)
    func sharedDefinitions(_ kind: PayloadKind) throws {
        let schema = try Self.schema(kind)
        #expect(schema.value(at: ["$defs", "subject", "enum"]) as? [String] == Subject.allCases.map(\.rawValue))
        #expect(schema.value(at: ["$defs", "identifier", "maxLength"]) as? Int == ContractLimits.maxIDBytes)
        #expect(schema.value(at: ["$defs", "label", "maxLength"]) as? Int == ContractLimits.maxLabelBytes)
        #expect(schema["additionalProperties"] as? Bool == true)
    }

    @Test(arguments: PayloadKind.allCases)
    func requiredFields(_ kind: PayloadKind) throws {
        #expect(try Self.schema(kind)["required"] as? [String] == kind.requiredFields)
    }

    @Test(arguments: PayloadKind.allCases)
    func rulesNameTheDecodersReasons(_ kind: PayloadKind) throws {
        let rules = try #require(try Self.schema(kind)["x-nere-rules"] as? [[String: Any]])
        for rule in rules {
            let reason = (rule["reason"] as? String).flatMap(ContractViolation.Reason.init(rawValue:))
            #expect((reason != nil) != (rule["drops"] as? Bool == true), "\(rule)")
            #expect(rule["fields"] is [String] && rule["rule"] is String, "\(rule)")
        }
    }

    @Test func studySetLimits() throws {
        let properties = try #require(try Self.schema(.studySet)["properties"] as? [String: Any])
        #expect(properties.value(at: ["title", "maxLength"]) as? Int == ContractLimits.maxTitleBytes)
        for field in ["terms", "definitions"] {
            #expect(properties.value(at: [field, "maxItems"]) as? Int == ContractLimits.maxTerms)
            #expect(properties.value(at: [field, "items", "maxLength"]) as? Int == ContractLimits.maxTextBytes)
        }
        #expect(properties.value(at: ["content_vector", "minItems"]) as? Int == ContractLimits.contentVectorDimensions)
        #expect(properties.value(at: ["content_vector", "maxItems"]) as? Int == ContractLimits.contentVectorDimensions)
        #expect(properties.double(at: ["content_vector", "items", "maximum"]) == Double(Float.greatestFiniteMagnitude))
        #expect(properties.value(at: ["mean_studier_age", "maximum"]) as? Int == ContractLimits.maximumUserAge)
    }

    @Test func studySessionLimits() throws {
        let properties = try #require(try Self.schema(.studySession)["properties"] as? [String: Any])
        #expect(properties.value(at: ["user_age", "maximum"]) as? Int == ContractLimits.maximumUserAge)
    }
}
