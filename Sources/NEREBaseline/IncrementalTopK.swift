/// Scores for many keys with the best `capacity` of them always at hand, for scores that
/// only ever grow (time-decayed counts in the log domain). A key can only enter the top when
/// its own score rises, so each update costs O(capacity) and ranking costs nothing.
struct IncrementalTopK<Key: Hashable & Comparable> {
    struct Entry {
        var key: Key
        var score: Double

        /// Best first; ties broken by key so every replica ranks alike.
        func ranksBefore(_ other: Entry) -> Bool {
            score != other.score ? score > other.score : key < other.key
        }
    }

    let capacity: Int
    private(set) var scores: [Key: Double] = [:]
    /// The best `capacity` keys with their scores, best first: recommending reads only this.
    private(set) var top: [Entry] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    func score(_ key: Key) -> Double { scores[key] ?? -.infinity }

    mutating func raise(_ key: Key, to newScore: Double) {
        precondition(newScore >= score(key), "IncrementalTopK scores must not decrease")
        scores[key] = newScore
        let entry = Entry(key: key, score: newScore)
        var position: Int
        if let existing = top.firstIndex(where: { $0.key == key }) {
            position = existing
            top[position].score = newScore
        } else if top.count < capacity {
            top.append(entry)
            position = top.count - 1
        } else if let last = top.last, entry.ranksBefore(last) {
            top[top.count - 1] = entry
            position = top.count - 1
        } else {
            return
        }
        while position > 0, top[position].ranksBefore(top[position - 1]) {
            top.swapAt(position, position - 1)
            position -= 1
        }
    }

    /// Rebuilds the ranking after scores were restored wholesale.
    mutating func restore(_ restored: [Key: Double]) {
        scores = restored
        top = Array(restored.map { Entry(key: $0.key, score: $0.value) }.sorted { $0.ranksBefore($1) }.prefix(capacity))
    }
}

extension IncrementalTopK {
    /// Adds one recency-weighted event (a log-weight) to `key`'s log-domain total.
    mutating func accumulate(_ logWeight: Double, for key: Key) {
        raise(key, to: RecencyWeight.logSum(score(key), logWeight))
    }
}
