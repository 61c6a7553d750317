import NEREBaseline
import NEREContracts
import NEREFeatures
import Testing

struct BaselineRecommenderTests {
    /// Feeds sessions through a window store and the recommender as the pipeline does.
    final class Harness {
        let catalog: SetCatalog
        let recommender: BaselineRecommender
        var store = WindowStore()

        init(sets: [String], halfLifeDays: Double = 14) {
            catalog = SetCatalog(sets.map { Fixture.set($0) })
            recommender = BaselineRecommender(catalog: catalog, halfLifeDays: halfLifeDays)
        }

        func study(_ user: String, _ sets: [String], fromDay day: Double = 0) {
            for (i, set) in sets.enumerated() {
                let session = Fixture.session("\(user)-\(set)-\(day)-\(i)", user: user, set: set, atDay: day + Double(i))
                let entry = WindowSession(session: session, setIndex: catalog.intern(set))
                let key = WindowKey(userID: user, subject: .french)
                let (change, window) = store.apply(entry, key: key, origin: EventOrigin(topic: "t", partition: 0, offset: 0))
                if change.changedWindow { recommender.learn(from: entry, window: window) }
            }
        }

        func ranking(after sets: [String], count: Int = 10) -> [String] {
            var window = SessionWindow(key: WindowKey(userID: "probe", subject: .french))
            for (i, set) in sets.enumerated() {
                _ = window.apply(WindowSession(session: Fixture.session("probe-\(i)", user: "probe", set: set, atDay: Double(i)),
                                               setIndex: catalog.intern(set)))
            }
            return recommender.recommend(for: window, count: count).items.map { catalog.id(of: $0.setIndex) }
        }
    }

    @Test func mostFrequentNextSetComesFirst() {
        let h = Harness(sets: ["days", "months", "numbers", "colours"])
        for user in ["a", "b", "c"] { h.study(user, ["days", "months"]) }
        h.study("d", ["days", "numbers"])
        #expect(Array(h.ranking(after: ["days"]).prefix(2)) == ["months", "numbers"])
    }

    @Test func attentionIsEachSessionsShareOfTheEvidence() {
        let h = Harness(sets: ["days", "months", "numbers"])
        h.study("a", ["days", "months"])
        var window = SessionWindow(key: WindowKey(userID: "p", subject: .french))
        for (i, set) in ["numbers", "days"].enumerated() {
            _ = window.apply(WindowSession(session: Fixture.session("p\(i)", user: "p", set: set, atDay: Double(i)),
                                           setIndex: h.catalog.intern(set)))
        }
        #expect(h.recommender.recommend(for: window, count: 5).attention == [0, 1], "only days → months was seen")
        let fresh = SessionWindow(key: WindowKey(userID: "q", subject: .french), sessions: Array(window.sessions.prefix(1)))
        #expect(h.recommender.recommend(for: fresh, count: 5).attention == [1], "no evidence: equal weights")
    }

    @Test func popularityFillsTheListWithinTheSubject() {
        let h = Harness(sets: ["days", "months", "numbers"])
        h.catalog.upsert(Fixture.set("capitals", subject: .geography))
        h.study("a", ["numbers", "numbers", "numbers"])
        h.study("b", ["months"])
        h.study("c", ["capitals", "capitals", "capitals", "capitals"])
        let ranking = h.ranking(after: [])
        #expect(ranking == ["numbers", "months"], "cold start: popularity only, never another subject")
    }

    @Test func recentActivityOutweighsOldActivity() {
        let h = Harness(sets: ["old", "new"], halfLifeDays: 7)
        for user in ["a", "b", "c"] { h.study(user, ["old"], fromDay: 0) }
        for user in ["d", "e"] { h.study(user, ["new"], fromDay: 60) }
        #expect(h.ranking(after: []).first == "new")
    }

    @Test func unpublishedSetsAreNeverRecommended() {
        let h = Harness(sets: ["days"])
        h.study("a", ["days", "secret"])
        #expect(!h.ranking(after: ["days"]).contains("secret"))
        h.catalog.upsert(Fixture.set("secret"))
        #expect(h.ranking(after: ["days"]).first == "secret")
        h.catalog.remove(setID: "secret")
        #expect(!h.ranking(after: ["days"]).contains("secret"), "a deleted set is no longer served")
        #expect(h.catalog.publishedCount == 1)
    }

    @Test func restoredStateRecommendsIdentically() {
        let h = Harness(sets: ["days", "months", "numbers", "colours", "family"])
        h.study("a", ["days", "months", "numbers"])
        h.study("b", ["days", "colours", "numbers", "family"])
        h.study("c", ["months", "numbers", "colours"])
        h.recommender.observe(bucket: "h1e1", hit: true)
        let saved = h.recommender.takeChangedState()
        #expect(h.recommender.takeChangedState().isEmpty, "changes are handed over once")

        let catalog = SetCatalog(["family", "colours", "numbers", "months", "days"].map { Fixture.set($0) })
        let restored = BaselineRecommender(catalog: catalog)
        restored.restore(saved)
        for probe in [[], ["days"], ["days", "months"], ["colours", "numbers"]] {
            var window = SessionWindow(key: WindowKey(userID: "p", subject: .french))
            for (i, set) in probe.enumerated() {
                _ = window.apply(WindowSession(session: Fixture.session("p\(i)", user: "p", set: set, atDay: Double(i)),
                                               setIndex: h.catalog.intern(set)))
            }
            var restoredWindow = SessionWindow(key: window.key)
            for s in window.sessions {
                _ = restoredWindow.apply(WindowSession(session: s.session, setIndex: catalog.intern(s.session.setID)))
            }
            let before = h.recommender.recommend(for: window, count: 10)
            let after = restored.recommend(for: restoredWindow, count: 10)
            #expect(before.items.map { h.catalog.id(of: $0.setIndex) } == after.items.map { catalog.id(of: $0.setIndex) })
            #expect(before.items.map(\.score) == after.items.map(\.score))
            #expect(before.confidence == after.confidence)
        }
    }

    @Test func confidenceTracksObservedHitRate() {
        let h = Harness(sets: ["days"])
        #expect(h.recommender.recommend(for: SessionWindow(key: WindowKey(userID: "x", subject: .french)), count: 5).confidence == 0.5)
        for i in 0..<98 { h.recommender.observe(bucket: "h0e0", hit: i % 4 == 0) }
        let draft = h.recommender.recommend(for: SessionWindow(key: WindowKey(userID: "x", subject: .french)), count: 5)
        #expect(draft.calibrationBucket == "h0e0")
        #expect(abs(draft.confidence - 26.0 / 100.0) < 1e-12)
        #expect(draft.fallbackReason == "cold_start")
    }
}
