import Foundation
import GRDB
import NEREContracts
import NEREFeatures

/// The instance's SQLite database (DESIGN §7): WAL mode so web servers and `sqlite3` read
/// while the service writes; one transaction per micro-batch.
public final class StreamCache: Sendable {
    private let queue: DatabaseQueue
    private let setNumbers = SetNumbers()
    private let checkpointer: WALCheckpointer?
    public let path: String

    /// Opens (creating and migrating if needed) the cache a pipeline writes. With `readOnly`,
    /// opens an existing cache for reading only, as `nere recommend` or a web server does:
    /// no migration, so it never waits for the write lock of a busy writer.
    ///
    /// `checkpointInBackground` (a service, whose commits are on the latency path) moves WAL
    /// checkpoints out of the commits onto a timer (`WALCheckpointer`); a replay leaves them
    /// to SQLite, where they cost throughput only.
    public init(path: String, readOnly: Bool = false, checkpointInBackground: Bool = false) throws {
        self.path = path
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(10)
        if !readOnly {
            configuration.journalMode = .wal
            configuration.prepareDatabase { db in
                // Durability of the last commit before a power loss is traded for speed: after
                // a crash the stream resumes from the last durable batch, losing nothing upstream.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Rows are rewritten on every event of their (user, subject); a larger WAL between
                // checkpoints and a larger page cache let repeated rewrites of a page cost one write.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(checkpointInBackground ? 0 : 16384)")
                try db.execute(sql: "PRAGMA cache_size = -262144")
            }
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            if readOnly {
                guard try queue.read({ try CacheSchema.migrator.hasCompletedMigrations($0) }) else {
                    throw CacheError.unusable(path: path, reason: "not a NERE cache, or one written by another version")
                }
            } else {
                try CacheSchema.migrator.migrate(queue)
            }
            setNumbers.insert(try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT rowid, set_id FROM sets").map { (number: $0[0], id: $0[1]) }
            })
            checkpointer = checkpointInBackground && !readOnly ? try WALCheckpointer(path: path, interval: .seconds(1)) : nil
        } catch let error as CacheError {
            throw error
        } catch {
            throw CacheError.unusable(path: path, reason: String(describing: error))
        }
    }

    // MARK: Writing

    /// Writes one batch atomically: windows, recommendations, dead letters, learned state,
    /// counters and the source positions that say the batch was consumed.
    public func commit(_ batch: CacheBatch) throws {
        try commit(EncodedCacheBatch(batch, numbers: setNumbers))
    }

    func commit(_ batch: EncodedCacheBatch) throws {
        try queue.write { db in
            let window = try db.cachedStatement(sql: """
                INSERT INTO windows (user_id, subject, history_length, sessions, last_topic, last_partition, last_offset)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, subject) DO UPDATE SET history_length = excluded.history_length,
                    sessions = excluded.sessions, last_topic = excluded.last_topic,
                    last_partition = excluded.last_partition, last_offset = excluded.last_offset
                """)
            for w in batch.windows {
                try window.execute(arguments: [w.key.userID, w.key.subject.rawValue, w.historyLength, w.sessions,
                                               w.origin.topic, w.origin.partition, w.origin.offset])
            }
            let recommendation = try db.cachedStatement(sql: """
                INSERT INTO recommendations (user_id, subject, model_version, generated_at, history_length, confidence,
                                             fallback, payload, calibration_bucket, ranked_tail, unshown_bucket,
                                             unshown_ranked)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, subject) DO UPDATE SET model_version = excluded.model_version,
                    generated_at = excluded.generated_at, history_length = excluded.history_length,
                    confidence = excluded.confidence, fallback = excluded.fallback, payload = excluded.payload,
                    calibration_bucket = excluded.calibration_bucket, ranked_tail = excluded.ranked_tail,
                    unshown_bucket = excluded.unshown_bucket, unshown_ranked = excluded.unshown_ranked
                """)
            for row in batch.recommendations {
                let r = row.recommendation
                try recommendation.execute(arguments: [r.userID, r.subject.rawValue, r.modelVersion, r.generatedAt.rfc3339,
                                                       r.historyLength, r.confidence, r.fallback,
                                                       row.payload, row.calibrationBucket, row.rankedTail,
                                                       row.unshownBucket, row.unshownRanked])
            }
            let deadLetter = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO dead_letters (topic, partition, offset, reason, field, detail, key, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for d in batch.deadLetters {
                try deadLetter.execute(arguments: [d.origin.topic, d.origin.partition, d.origin.offset,
                                                   d.violation.reason.rawValue, d.violation.field, d.violation.detail,
                                                   d.key.map { Data($0) }, Data(d.payload)])
            }
            let learned = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO learned_state (namespace, key, value) VALUES (?, ?, ?)
                """)
            for v in batch.learnedState {
                try learned.execute(arguments: [v.namespace, v.key, v.value])
            }
            let counter = try db.cachedStatement(sql: "INSERT OR REPLACE INTO counters (name, value) VALUES (?, ?)")
            for (name, value) in batch.counters.sorted(by: { $0.key < $1.key }) {
                try counter.execute(arguments: [name, value])
            }
            let position = try db.cachedStatement(sql: """
                INSERT INTO consumed_offsets (topic, partition, next_offset) VALUES (?, ?, ?)
                ON CONFLICT (topic, partition) DO UPDATE SET next_offset = excluded.next_offset
                """)
            for p in batch.positions {
                try position.execute(arguments: [p.topic, p.partition, p.nextOffset])
            }
        }
    }

    /// Folds the write-ahead log into the database and truncates it, so that a finished
    /// replay leaves one compact file for readers.
    public func checkpoint() throws {
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// Adds or updates catalog rows for `sets` (a set file or `nere.sets` records). Updates
    /// happen in place, so a set keeps its rowid, which stored rankings refer to.
    public func upsertSets(_ sets: [StudySet]) throws {
        let numbers = try queue.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO sets (set_id, subject, title, term_lang, def_lang, payload) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (set_id) DO UPDATE SET subject = excluded.subject, title = excluded.title,
                    term_lang = excluded.term_lang, def_lang = excluded.def_lang, payload = excluded.payload, deleted = 0
                """)
            let rowid = try db.cachedStatement(sql: "SELECT rowid FROM sets WHERE set_id = ?")
            return try sets.map { set in
                try statement.execute(arguments: [set.setID, set.subject.rawValue, set.title, set.termLang, set.defLang,
                                                  PayloadEncoding.jsonText(set)])
                guard let number = try Int64.fetchOne(rowid, arguments: [set.setID]) else {
                    throw CacheError.corruptRow(table: "sets", key: set.setID, reason: "the row just written is missing")
                }
                return (number: number, id: set.setID)
            }
        }
        setNumbers.insert(numbers)
    }

    /// Marks sets deleted from the catalog (tombstones on `nere.sets`); their rows stay.
    public func markSetsDeleted(_ setIDs: [String]) throws {
        guard !setIDs.isEmpty else { return }
        try queue.write { db in
            let statement = try db.cachedStatement(sql: "UPDATE sets SET deleted = 1 WHERE set_id = ?")
            for id in setIDs { try statement.execute(arguments: [id]) }
        }
    }

    /// Ties a replay's positions to the events file they count lines of; refuses a cache that
    /// already replayed different content, since its positions would be meaningless.
    public func claimSource(topic: String, fingerprint: String) throws {
        try queue.write { db in
            let existing = try String.fetchOne(db, sql: "SELECT source_fingerprint FROM consumed_offsets WHERE topic = ?",
                                               arguments: [topic])
            if let existing, existing != fingerprint {
                throw CacheError.sourceMismatch(path: path, topic: topic)
            }
            try db.execute(sql: """
                INSERT INTO consumed_offsets (topic, partition, next_offset, source_fingerprint) VALUES (?, 0, 0, ?)
                ON CONFLICT (topic, partition) DO UPDATE SET source_fingerprint = excluded.source_fingerprint
                """, arguments: [topic, fingerprint])
        }
    }

    // MARK: Reading

    public func positions() throws -> [SourcePosition] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT topic, partition, next_offset FROM consumed_offsets ORDER BY topic, partition")
                .map { SourcePosition(topic: $0["topic"], partition: $0["partition"], nextOffset: $0["next_offset"]) }
        }
    }

    /// Every window, or only those last fed by one topic-partition (what a consumer restores
    /// when that partition is assigned to it).
    public func windows(topic: String? = nil, partition: Int? = nil) throws -> [StoredWindow] {
        try queue.read { db in
            let rows = if let topic, let partition {
                try Row.fetchCursor(db, sql: """
                    SELECT * FROM windows WHERE last_topic = ? AND last_partition = ? ORDER BY user_id, subject
                    """, arguments: [topic, partition])
            } else {
                try Row.fetchCursor(db, sql: "SELECT * FROM windows ORDER BY user_id, subject")
            }
            var windows: [StoredWindow] = []
            while let row = try rows.next() {
                let key = try Self.windowKey(row)
                let sessions = try Self.decode([StudySession].self, row["sessions"], table: "windows", key: key)
                let origin = EventOrigin(topic: row["last_topic"], partition: row["last_partition"], offset: row["last_offset"])
                windows.append(StoredWindow(key: key, sessions: sessions, lastApplied: origin))
            }
            return windows
        }
    }

    /// The current catalog as committed (deleted sets left out): what a model swapped in at
    /// run time reads its set features from.
    public func publishedSets() throws -> [StudySet] {
        try queue.read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM sets WHERE deleted = 0 ORDER BY set_id").map { payload in
                switch StudySet.decode(json: Array(payload.utf8)) {
                case .success(let set): return set
                case .failure(let violation):
                    throw CacheError.corruptRow(table: "sets", key: "", reason: violation.description)
                }
            }
        }
    }

    public func recommendations() throws -> [CachedRecommendation] {
        try queue.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT user_id, subject, payload, calibration_bucket, ranked_tail, unshown_bucket, unshown_ranked
                FROM recommendations
                ORDER BY user_id, subject
                """)
            var recommendations: [CachedRecommendation] = []
            while let row = try rows.next() {
                let key = try Self.windowKey(row)
                let recommendation = try Self.decode(Recommendation.self, row["payload"], table: "recommendations", key: key)
                let references = try Self.decode([SetReference].self, row["ranked_tail"], table: "recommendations", key: key)
                guard let tail = setNumbers.decode(references) else {
                    throw CacheError.corruptRow(table: "recommendations", key: key.description,
                                                reason: "ranked_tail names a set number the sets table does not have")
                }
                var unshown: CachedRecommendation.Unshown?
                if let bucket: String = row["unshown_bucket"] {
                    let ranked = try Self.decode([SetReference].self, row["unshown_ranked"], table: "recommendations", key: key)
                    guard let setIDs = setNumbers.decode(ranked) else {
                        throw CacheError.corruptRow(table: "recommendations", key: key.description,
                                                    reason: "unshown_ranked names a set number the sets table does not have")
                    }
                    unshown = .init(bucket: bucket, setIDs: setIDs)
                }
                recommendations.append(CachedRecommendation(recommendation: recommendation,
                                                            rankedSetIDs: recommendation.items.map(\.setID) + tail,
                                                            calibrationBucket: row["calibration_bucket"], unshown: unshown))
            }
            return recommendations
        }
    }

    public func recommendation(for key: WindowKey) throws -> Recommendation? {
        try queue.read { db in
            guard let payload = try String.fetchOne(db, sql: "SELECT payload FROM recommendations WHERE user_id = ? AND subject = ?",
                                                    arguments: [key.userID, key.subject.rawValue])
            else { return nil }
            return try Self.decode(Recommendation.self, payload, table: "recommendations", key: key)
        }
    }

    /// Titles of catalog sets, for showing recommendations to people.
    public func titles(of setIDs: [String]) throws -> [String: String] {
        try queue.read { db in
            var titles: [String: String] = [:]
            for id in setIDs {
                titles[id] = try String.fetchOne(db, sql: "SELECT title FROM sets WHERE set_id = ?", arguments: [id])
            }
            return titles
        }
    }

    public static var sqliteVersion: String {
        (try? DatabaseQueue().read { try String.fetchOne($0, sql: "SELECT sqlite_version()") }) ?? "unknown"
    }

    public func learnedState() throws -> [LearnedValue] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT namespace, key, value FROM learned_state ORDER BY namespace, key")
                .map { LearnedValue(namespace: $0["namespace"], key: $0["key"], value: $0["value"]) }
        }
    }

    public func counters() throws -> [String: Int] {
        try queue.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, value FROM counters")
                .map { ($0["name"] as String, $0["value"] as Int) })
        }
    }

    public func deadLetterCounts() throws -> [String: Int] {
        try queue.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT reason, COUNT(*) AS n FROM dead_letters GROUP BY reason")
                .map { ($0["reason"] as String, $0["n"] as Int) })
        }
    }

    /// Every row of every table as text, tables and rows in a fixed order: what "the same
    /// cache" means when a restarted run is compared with an uninterrupted one.
    public func canonicalDump() throws -> [String] {
        try queue.read { db in
            var lines: [String] = []
            for table in ["sets", "windows", "recommendations", "consumed_offsets", "dead_letters", "learned_state", "counters"] {
                lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table): \($0.description)" }.sorted()
            }
            return lines
        }
    }

    private static func windowKey(_ row: Row) throws -> WindowKey {
        let subjectName: String = row["subject"]
        guard let subject = Subject(rawValue: subjectName) else {
            throw CacheError.corruptRow(table: "windows", key: row["user_id"], reason: "unknown subject \(subjectName)")
        }
        return WindowKey(userID: row["user_id"], subject: subject)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String, table: String, key: WindowKey) throws -> T {
        switch PayloadDecoding.decode(type, from: Array(text.utf8), now: .now) {
        case .success(let value): return value
        case .failure(let violation):
            throw CacheError.corruptRow(table: table, key: key.description, reason: violation.description)
        }
    }
}

public enum CacheError: Error, CustomStringConvertible {
    case unusable(path: String, reason: String)
    case sourceMismatch(path: String, topic: String)
    case corruptRow(table: String, key: String, reason: String)

    public var description: String {
        switch self {
        case .unusable(let path, let reason):
            return "cannot open cache \(path): \(reason)"
        case .sourceMismatch(let path, let topic):
            // A replay names a file `file:PATH`; a topic's snapshot changes as records come and go.
            let log = topic.hasPrefix("file:") ? String(topic.dropFirst(5))
                : "snapshot of topic \(topic) (records were added or removed since)"
            return "cache \(path) already holds a replay of a different \(log); use a new --cache file"
        case .corruptRow(let table, let key, let reason):
            return "cache table \(table) has a corrupt row for \(key): \(reason)"
        }
    }
}
