import NEREContracts
import NEREFeatures
import PropertyBased
import Testing

/// The window store against the obvious reference: collect every distinct session of a
/// pair, sort by `ended_at`, keep the last five.
struct WindowStoreTests {
    /// Event number k always has the same content, so a repeated k is a true duplicate
    /// (a redelivery); `ended_at` repeats every 7 numbers so ties are common.
    static func session(_ k: Int, user: String = "u1") -> StudySession {
        Fixture.session("ev-\(k)", user: user, set: "set-\(k % 5)", atDay: Double((k * 3) % 7))
    }

    static func reference(_ arrivals: [Int]) -> [String] {
        var seen = Set<Int>()
        let distinct = arrivals.filter { seen.insert($0).inserted }.map { session($0) }
        return distinct.sorted { ($0.endedAt, $0.eventID) < ($1.endedAt, $1.eventID) }
            .suffix(WindowPolicy.capacity).map(\.eventID)
    }

    @Test func matchesSortAndTakeLastFive() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...25).array(of: 0...40)) { arrivals in
            var store = WindowStore()
            let key = WindowKey(userID: "u1", subject: .french)
            for (offset, k) in arrivals.enumerated() {
                _ = store.apply(WindowSession(session: Self.session(k), setIndex: 0), key: key,
                                origin: EventOrigin(topic: "t", partition: 0, offset: Int64(offset)))
            }
            #expect((store[key]?.sessions.map(\.session.eventID) ?? []) == Self.reference(arrivals))
        }
    }

    @Test func pairsAreIndependent() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...25).array(of: 0...40), Gen.bool.array(of: 40)) { arrivals, users in
            var store = WindowStore()
            for (offset, k) in arrivals.enumerated() {
                let user = users[offset] ? "a" : "b"
                _ = store.apply(WindowSession(session: Self.session(k, user: user), setIndex: 0),
                                key: WindowKey(userID: user, subject: .french),
                                origin: EventOrigin(topic: "t", partition: 0, offset: Int64(offset)))
            }
            for user in ["a", "b"] {
                let mine = arrivals.enumerated().filter { users[$0.offset] == (user == "a") }.map(\.element)
                let window = store[WindowKey(userID: user, subject: .french)]?.sessions.map(\.session.eventID) ?? []
                #expect(window == Self.reference(mine))
            }
        }
    }

    @Test func reportsWhatChanged() {
        var window = SessionWindow(key: WindowKey(userID: "u1", subject: .french))
        func entry(_ k: Int, day: Double) -> WindowSession {
            WindowSession(session: Fixture.session("ev-\(k)", set: "s", atDay: day), setIndex: 0)
        }
        for k in 0..<5 { #expect(window.apply(entry(k, day: Double(k + 1))) == .appended) }
        #expect(window.apply(entry(2, day: 3)) == .duplicate)
        #expect(window.apply(entry(9, day: 0)) == .stale)
        #expect(window.apply(entry(10, day: 2.5)) == .inserted(position: 1))
        #expect(window.sessions.map(\.session.eventID) == ["ev-1", "ev-10", "ev-2", "ev-3", "ev-4"])
        #expect(window.apply(entry(11, day: 9)) == .appended)
        #expect(window.sessions.first?.session.eventID == "ev-10")
    }

    @Test func takeDirtyReturnsChangedWindowsOnce() {
        var store = WindowStore()
        let origin = EventOrigin(topic: "t", partition: 0, offset: 0)
        let a = WindowKey(userID: "a", subject: .french), b = WindowKey(userID: "b", subject: .spanish)
        _ = store.apply(WindowSession(session: Self.session(1, user: "b"), setIndex: 0), key: b, origin: origin)
        _ = store.apply(WindowSession(session: Self.session(2, user: "a"), setIndex: 0), key: a, origin: origin)
        #expect(store.takeDirty().map(\.key) == [a, b])
        #expect(store.takeDirty().isEmpty)
        _ = store.apply(WindowSession(session: Self.session(2, user: "a"), setIndex: 0), key: a, origin: origin)
        #expect(store.takeDirty().isEmpty, "a duplicate changes nothing")
    }
}
