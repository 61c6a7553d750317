import NEREContracts
import NEREModel

/// Each window's sessions' cached input work (DESIGN §3: a new event costs one step of
/// feature work, not five), bounded: past `capacity` windows the least recently used ones
/// are dropped, and a dropped window recomputes its steps on its next event. A paper-preset
/// step is 6 KB, so an unbounded cache over a large user base would hold gigabytes for
/// windows that may never see another event.
struct StepCache {
    private struct Entry {
        var steps: [String: ServingNetwork.Step]
        var lastUsed: Int
    }

    let capacity: Int
    private var entries: [WindowKey: Entry] = [:]
    private var clock = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var windowCount: Int { entries.count }

    func step(_ key: WindowKey, eventID: String) -> ServingNetwork.Step? {
        entries[key]?.steps[eventID]
    }

    /// Replaces the window's cached steps with exactly `steps` (sessions that left the window
    /// are forgotten) and marks it used.
    mutating func store(_ key: WindowKey, steps: [String: ServingNetwork.Step]) {
        clock += 1
        entries[key] = Entry(steps: steps, lastUsed: clock)
        if entries.count > capacity + capacity / 8 { evict() }
    }

    /// Drops the least recently used windows down to `capacity`, an eighth at a time so the
    /// sort is amortised over many stores.
    private mutating func evict() {
        let victims = entries.sorted { $0.value.lastUsed < $1.value.lastUsed }.prefix(entries.count - capacity)
        for (key, _) in victims { entries[key] = nil }
    }
}
