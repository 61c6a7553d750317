import NEREContracts
import Testing
@testable import NEREFactorization

struct HybridFactorizationTests {
    /// BPR only: the reported loss is BPR's own objective. WARP stops pushing a pair once its
    /// margin reaches 1, and half the negatives here (the user's own group's) cannot be told
    /// apart at all, so its log-loss stays near where the first epoch leaves it; the planted
    /// rankings test WARP instead.
    @Test func bprLossFalls() throws {
        let model = PlantedGroups.train(FactorizationOptions(dimensions: 8, epochs: 15, seed: 5, loss: .bpr))
        let first = try #require(model.epochLosses.first), last = try #require(model.epochLosses.last)
        #expect(model.epochLosses.count == 15)
        #expect(last < 0.8 * first, "\(model.epochLosses)")
    }

    @Test func aSeedGivesOneModel() {
        let options = FactorizationOptions(dimensions: 8, epochs: 3, seed: 11)
        let one = PlantedGroups.train(options), again = PlantedGroups.train(options)
        #expect(one.itemVectors == again.itemVectors)
        #expect(one.itemBiases == again.itemBiases)
        #expect(one.userVector(userID: "a0", sessions: []) == again.userVector(userID: "a0", sessions: []))
        var other = options
        other.seed = 12
        #expect(PlantedGroups.train(other).itemVectors != one.itemVectors)
    }

    @Test func progressCoversEveryPositiveOfEveryEpoch() {
        var reports: [FactorizationProgress] = []
        let sessions = PlantedGroups.sessions()
        _ = HybridFactorization(sessions: sessions, sets: PlantedGroups.catalog, contentVector: { _ in nil },
                                options: FactorizationOptions(dimensions: 4, epochs: 2)) { reports.append($0) }
        let finished = reports.filter(\.epochFinished)
        #expect(finished.map(\.epoch) == [1, 2])
        #expect(finished.allSatisfy { $0.positivesDone == sessions.count && $0.positives == sessions.count })
    }

    @Test func sessionsOfSetsOutsideTheCatalogAreSkipped() {
        var sessions = PlantedGroups.sessions(usersPerGroup: 2, sessionsPerUser: 2)
        sessions.append(PlantedGroups.session(999, user: "ghost", group: .a, set: "unpublished"))
        let model = HybridFactorization(sessions: sessions, sets: PlantedGroups.catalog, contentVector: { _ in nil },
                                        options: FactorizationOptions(dimensions: 4, epochs: 1))
        #expect(!model.isKnown(userID: "ghost"))
        #expect(model.isKnown(userID: "a1"))
        #expect(model.setIDs == PlantedGroups.catalog.map(\.setID))
    }

    @Test func profilesTakeEachFieldsMostFrequentValue() {
        let sessions = [
            PlantedGroups.session(1, user: "u", group: .a, set: "A1"),
            PlantedGroups.session(2, user: "u", group: .b, set: "A1"),
            PlantedGroups.session(3, user: "u", group: .a, set: "A1"),
        ]
        let profile = UserProfile(sessions: sessions)
        #expect(profile.platform == "ios")
        #expect(profile.ageBand == UserProfile.ageBand(14))
        #expect(UserProfile(sessions: sessions.prefix(2)).platform == "android")
        #expect(UserProfile.ageBand(14) != UserProfile.ageBand(17))
    }
}
