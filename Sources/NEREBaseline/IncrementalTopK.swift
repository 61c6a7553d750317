/// Scores for many keys with the best `capacity` of them always at hand, for scores that
/// only ever grow (time-decayed counts in the log domain). A key can only enter the top when
/// its own score rises, so each update costs O(capacity) and ranking costs nothing.
struct IncrementalTopK<Key: Hashable & Comparable> {
    let capacity: Int
    private(set) var scores: [Key: Double] = [:]
    /// Best first; ties broken by key so every replica ranks alike.
    private(set) var top: [Key] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    func score(_ key: Key) -> Double { scores[key] ?? -.infinity }

    private func ranksBefore(_ a: Key, _ b: Key) -> Bool {
        let sa = score(a), sb = score(b)
        return sa != sb ? sa > sb : a < b
    }

    mutating func raise(_ key: Key, to newScore: Double) {
        precondition(newScore >= score(key), "IncrementalTopK scores must not decrease")
        scores[key] = newScore
        var position: Int
        if let existing = top.firstIndex(of: key) {
            position = existing
        } else if top.count < capacity {
            top.append(key)
            position = top.count - 1
        } else if let last = top.last, ranksBefore(key, last) {
            top[top.count - 1] = key
            position = top.count - 1
        } else {
            return
        }
        while position > 0, ranksBefore(top[position], top[position - 1]) {
            top.swapAt(position, position - 1)
            position -= 1
        }
    }

    /// Rebuilds the ranking after scores were restored wholesale.
    mutating func restore(_ restored: [Key: Double]) {
        scores = restored
        top = Array(scores.keys.sorted(by: ranksBefore).prefix(capacity))
    }
}

extension IncrementalTopK {
    /// Adds one recency-weighted event (a log-weight) to `key`'s log-domain total.
    mutating func accumulate(_ logWeight: Double, for key: Key) {
        raise(key, to: RecencyWeight.logSum(score(key), logWeight))
    }
}
