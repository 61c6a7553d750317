import NERECache
import NEREContracts
import NEREFeatures

/// Loads a `sets.jsonl` catalog for a replay. Invalid lines are dead-lettered with their
/// reason (as invalid `nere.sets` records would be), never fatal: one bad set must not stop
/// an evaluation of twenty thousand.
public enum SetsFile {
    public struct Loaded: Sendable {
        public var sets: [StudySet]
        public var deadLetters: [DeadLetter]

        public init(sets: [StudySet], deadLetters: [DeadLetter]) {
            self.sets = sets
            self.deadLetters = deadLetters
        }
    }

    public static func load(path: String) throws -> Loaded {
        let file = try JSONLinesFile(path: path)
        let topic = "file:" + path
        let results = file.parallelMap { StudySet.decode(json: $0) }
        var loaded = Loaded(sets: [], deadLetters: [])
        for (line, result) in zip(file.lines, results) {
            switch result {
            case .success(let set): loaded.sets.append(set)
            case .failure(let violation):
                loaded.deadLetters.append(DeadLetter(origin: EventOrigin(topic: topic, partition: 0, offset: Int64(line.number)),
                                                     key: nil, payload: file.bytes(line.range), violation: violation))
            }
        }
        return loaded
    }
}
