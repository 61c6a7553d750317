import Testing
import NEREContracts
import NEREFeatures
import NEREModel
import NERETraining

@Suite struct TrainingExamplesTests {
    private typealias F = TrainingFixture

    /// u1 studies French sets F1…F7 on days 0…6 (F6 and F7 from a smartwatch) and Spanish
    /// S1…S3 in between, with no subject of their own; f3 arrives twice more, once as an exact
    /// copy and once later; a session of an unknown set without a subject cannot be placed.
    /// u2 studies F8, which has no content vector, around F1; u3 an unknown French set, then F2.
    static let sessions: [StudySession] = [
        F.session("f7", set: "F7", atDay: 6, platform: "smartwatch"),
        F.session("f1", set: "F1", atDay: 0),
        F.session("f3", set: "F3", atDay: 2),
        F.session("f2", set: "F2", atDay: 1),
        F.session("f3", set: "F3", atDay: 2),
        F.session("f3", set: "F3", atDay: 9.5, platform: "smartwatch"),
        F.session("f4", set: "F4", atDay: 3),
        F.session("f6", set: "F6", atDay: 5, platform: "smartwatch"),
        F.session("f5", set: "F5", atDay: 4),
        F.session("s1", set: "S1", atDay: 0.5, subject: nil),
        F.session("s2", set: "S2", atDay: 1.5, subject: nil),
        F.session("s3", set: "S3", atDay: 2.5, subject: nil),
        F.session("lost", set: "lost", atDay: 3.7, subject: nil),
        F.session("u2-a", user: "u2", set: "F8", atDay: 3.2),
        F.session("u2-b", user: "u2", set: "F1", atDay: 3.4),
        F.session("u2-c", user: "u2", set: "F8", atDay: 3.6),
        F.session("u3-a", user: "u3", set: "gone", atDay: 4.2),
        F.session("u3-b", user: "u3", set: "F2", atDay: 4.4, platform: "tablet"),
    ]
    static let catalog = (1...8).map { F.set("F\($0)") } + (1...3).map { F.set("S\($0)", subject: .spanish) }

    static func build(_ sessions: [StudySession] = sessions) throws -> TrainingExamples {
        try TrainingExamples(sessions: sessions, catalog: catalog, contentWidth: F.contentWidth) {
            $0 == "F8" || !$0.hasPrefix("F") && !$0.hasPrefix("S") ? nil : F.vector($0)
        }
    }

    /// A window's content as the vectors of its sets, zero for sets without one.
    private static func content(_ setIDs: [String]) -> [Float] {
        setIDs.flatMap { ["F8", "gone"].contains($0) ? [0, 0, 0] : F.vector($0) }
    }

    private let c = FeatureSpace.categoricalFeatureNames.count
    private let k = FeatureSpace.continuousFeatureNames.count
    private let t = NetworkInput.steps

    @Test func everySessionAfterTheFirstIsATargetOfTheSessionsBeforeIt() throws {
        let built = try Self.build()
        let examples = built.examples
        #expect(examples.map(\.targetSetID) == ["F2", "S2", "F3", "S3", "F4", "F1", "F5", "F2", "F6", "F7"])
        #expect(examples.map(\.historyLength) == [1, 1, 2, 2, 3, 1, 4, 1, 5, 5])
        #expect(examples.map(\.subject) == [.french, .spanish, .french, .spanish, .french, .french, .french, .french,
                                             .french, .french])
        #expect(examples.map(\.targetEndedAt) == [1, 1.5, 2, 2.5, 3, 3.4, 4, 4.4, 5, 6].map {
            F.start.adding(seconds: $0 * 86_400)
        })
        let windows = [["F1"], ["S1"], ["F1", "F2"], ["S1", "S2"], ["F1", "F2", "F3"], ["F8"],
                       ["F1", "F2", "F3", "F4"], ["gone"], ["F1", "F2", "F3", "F4", "F5"], ["F2", "F3", "F4", "F5", "F6"]]
        for (index, window) in windows.enumerated() {
            let (input, targets) = built.input(for: [index])
            let filled = window.count * F.contentWidth
            #expect(Array(input.content[..<filled]) == Self.content(window), "example \(index)")
            #expect(targets == F.vector(examples[index].targetSetID))
        }
    }

    @Test func splitsByTargetTimeAtTheQuantiles() throws {
        let built = try Self.build()
        #expect(built.train == 0..<7)
        #expect(built.validation == 7..<8)
        #expect(built.test == 8..<10)
        #expect(built.split.validationStart == F.start.adding(seconds: 4.4 * 86_400))
        #expect(built.split.testStart == F.start.adding(seconds: 5 * 86_400))
        #expect(built.train.allSatisfy { built.examples[$0].targetEndedAt < built.split.validationStart })
        #expect(built.validation.allSatisfy { built.split.part(of: built.examples[$0].targetEndedAt) == .validation })
        #expect(built.test.allSatisfy { built.examples[$0].targetEndedAt >= built.split.testStart })
    }

    @Test func onlyTrainingPeriodSessionsFitTheVocabularies() throws {
        let built = try Self.build()
        let platform = built.featureSpace.vocabularies[FeatureSpace.categoricalFeatureNames.firstIndex(of: "platform")!]
        #expect(platform.values == ["web"])
        // F7's window: f2…f5 from the web, f6 from a smartwatch, unknown in training.
        let (input, _) = built.input(for: [9])
        #expect((0..<4).map { input.categorical[$0 * c] } == [1, 1, 1, 1])
        #expect(input.categorical[4 * c] == 0)
    }

    @Test func aSetMissingFromTheCatalogHasUnknownSetFeatures() throws {
        let built = try Self.build()
        let (input, _) = built.input(for: [7])
        #expect(input.categorical[6..<c].allSatisfy { $0 == 0 })
        #expect(input.continuous[7..<k].allSatisfy { $0 == 0 })
        #expect(input.categorical[..<6].contains { $0 != 0 }, "the session's own features are known")
    }

    @Test func batchesAreLeftAlignedWithZeroPadding() throws {
        let built = try Self.build()
        let (input, targets) = built.input(for: [2, 9])
        #expect(input.lengths == [2, 5])
        #expect(input.categorical.count == 2 * t * c)
        #expect(input.continuous.count == 2 * t * k)
        #expect(input.content.count == 2 * t * F.contentWidth)
        #expect(input.categorical[(2 * c)..<(t * c)].allSatisfy { $0 == 0 })
        #expect(input.continuous[(2 * k)..<(t * k)].allSatisfy { $0 == 0 })
        #expect(input.content[(2 * F.contentWidth)..<(t * F.contentWidth)].allSatisfy { $0 == 0 })
        #expect(Array(input.content[(t * F.contentWidth)...]) == Self.content(["F2", "F3", "F4", "F5", "F6"]))
        #expect(targets == F.vector("F3") + F.vector("F7"))

        let space = built.featureSpace
        let first = space.encode(session: Self.sessions[1], set: space.encodeSet(Self.catalog[0]))
        #expect(Array(input.categorical[..<c]) == first.categorical)
        #expect(Array(input.continuous[..<k]) == first.continuous)
        let sixth = space.encode(session: Self.sessions[7], set: space.encodeSet(Self.catalog[5]))
        #expect(Array(input.categorical[(t * c + 4 * c)..<(2 * t * c)]) == sixth.categorical)
        #expect(Array(input.continuous[(t * k + 4 * k)..<(2 * t * k)]) == sixth.continuous)
    }

    @Test func aLogWithoutTrainingExamplesIsRefused() {
        #expect(throws: TrainingExamples.BuildError.self) { try Self.build([]) }
        #expect(throws: TrainingExamples.BuildError.self) {
            try Self.build([F.session("a", set: "F1", atDay: 0), F.session("b", user: "u2", set: "F2", atDay: 1)])
        }
    }
}
