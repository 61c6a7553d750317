import NEREContracts
import NEREFeatures
import Testing
@testable import NEREFactorization

struct FactorizationRecommenderTests {
    static let options = FactorizationOptions(dimensions: 8, epochs: 30, seed: 3)

    private func top(_ recommender: FactorizationRecommender, _ catalog: SetCatalog, _ window: SessionWindow,
                     count: Int) -> [String] {
        recommender.recommend(for: window, count: count).items.map { catalog.id(of: $0.setIndex) }
    }

    @Test(arguments: [(FactorizationOptions.Loss.bpr, 1), (.bpr, 3), (.warp, 10)])
    func newUsersGetTheirGroupsSetsFromTheirMetadataAlone(loss: FactorizationOptions.Loss, negatives: Int) {
        var options = Self.options
        options.loss = loss
        options.negativesPerPositive = negatives
        let model = PlantedGroups.train(options)
        let catalog = SetCatalog(PlantedGroups.catalog)
        let recommender = FactorizationRecommender(model: model, catalog: catalog)
        for group in PlantedGroups.Group.allCases {
            // The window's own set is the other group's, so only metadata can tell.
            let other = group == .a ? PlantedGroups.Group.b : .a
            let window = PlantedGroups.window(user: "new-\(group)", group: group, set: other.sets[0], catalog: catalog)
            #expect(!model.isKnown(userID: window.key.userID))
            #expect(Set(top(recommender, catalog, window, count: group.sets.count)) == Set(group.sets), "\(loss) \(negatives) \(group)")
        }
    }

    @Test func knownUsersGetTheirGroupsSets() {
        let model = PlantedGroups.train(Self.options)
        let catalog = SetCatalog(PlantedGroups.catalog)
        let recommender = FactorizationRecommender(model: model, catalog: catalog)
        let window = PlantedGroups.window(user: "b3", group: .b, set: PlantedGroups.bSets[0], catalog: catalog)
        #expect(model.isKnown(userID: "b3"))
        #expect(Set(top(recommender, catalog, window, count: 5)) == Set(PlantedGroups.bSets))
    }

    @Test func rankingsStayInTheWindowsSubjectAndItsPublishedSets() {
        let model = PlantedGroups.train(Self.options)
        let catalog = SetCatalog(PlantedGroups.catalog)
        catalog.remove(setID: "C2")
        let recommender = FactorizationRecommender(model: model, catalog: catalog)
        let history = top(recommender, catalog, PlantedGroups.window(user: "a1", group: .a, set: "C1", catalog: catalog),
                          count: 100)
        #expect(Set(history) == Set(PlantedGroups.cSets).subtracting(["C2"]))
        let biology = top(recommender, catalog, PlantedGroups.window(user: "a1", group: .a, set: "A1", catalog: catalog),
                          count: 100)
        #expect(Set(biology) == Set(PlantedGroups.aSets + PlantedGroups.bSets))
        #expect(top(recommender, catalog, PlantedGroups.window(user: "a1", group: .a, set: "A1", catalog: catalog),
                    count: 3) == Array(biology.prefix(3)))
    }

    @Test func answersAreMarkedAsNotTheModels() {
        let model = PlantedGroups.train(FactorizationOptions(dimensions: 4, epochs: 1))
        let catalog = SetCatalog(PlantedGroups.catalog)
        let draft = FactorizationRecommender(model: model, catalog: catalog)
            .recommend(for: PlantedGroups.window(user: "z", group: .a, set: "A1", catalog: catalog), count: 2)
        #expect(draft.items.count == 2)
        #expect(draft.fallbackReason == "no_model")
        #expect(draft.confidence == 0)
    }
}
