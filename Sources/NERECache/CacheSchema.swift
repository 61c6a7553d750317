import GRDB

/// The cache's tables, created and evolved by versioned migrations (GRDB records which ran).
/// Every table is documented in the README; web servers read `recommendations` directly.
enum CacheSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-stream-state") { db in
            try db.execute(sql: """
                CREATE TABLE sets (
                    set_id TEXT PRIMARY KEY NOT NULL,
                    subject TEXT NOT NULL,
                    title TEXT NOT NULL,
                    term_lang TEXT NOT NULL,
                    def_lang TEXT NOT NULL,
                    payload TEXT NOT NULL            -- the StudySet JSON
                );
                CREATE INDEX sets_by_subject ON sets(subject);

                CREATE TABLE windows (
                    user_id TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    history_length INTEGER NOT NULL,
                    sessions TEXT NOT NULL,          -- JSON array of StudySession, oldest first
                    last_topic TEXT NOT NULL,        -- origin of the last event applied
                    last_partition INTEGER NOT NULL,
                    last_offset INTEGER NOT NULL,
                    PRIMARY KEY (user_id, subject)
                );

                CREATE TABLE recommendations (
                    user_id TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    model_version TEXT NOT NULL,
                    generated_at TEXT NOT NULL,
                    history_length INTEGER NOT NULL,
                    confidence REAL NOT NULL,
                    fallback INTEGER NOT NULL,
                    payload TEXT NOT NULL,           -- the Recommendation JSON, as on the topic
                    calibration_bucket TEXT NOT NULL, -- which confidence bucket produced it
                    ranked_tail TEXT NOT NULL,       -- JSON array: the sets ranked after the payload's
                                                     -- items, down to the scoring depth, as sets.rowid
                                                     -- (or set_id for sets without a row)
                    PRIMARY KEY (user_id, subject)
                );

                CREATE TABLE consumed_offsets (
                    topic TEXT NOT NULL,
                    partition INTEGER NOT NULL,
                    next_offset INTEGER NOT NULL,
                    source_fingerprint TEXT,         -- replay: identity of the events file
                    PRIMARY KEY (topic, partition)
                );

                CREATE TABLE dead_letters (
                    topic TEXT NOT NULL,
                    partition INTEGER NOT NULL,
                    offset INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    field TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    key BLOB,
                    payload BLOB NOT NULL,           -- the original bytes
                    PRIMARY KEY (topic, partition, offset)
                );

                CREATE TABLE learned_state (
                    namespace TEXT NOT NULL,
                    key TEXT NOT NULL,
                    value REAL NOT NULL,
                    PRIMARY KEY (namespace, key)
                ) WITHOUT ROWID;

                CREATE TABLE counters (
                    name TEXT PRIMARY KEY NOT NULL,
                    value INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        // A deleted set keeps its row: stored rankings refer to sets by rowid.
        migrator.registerMigration("v2-set-deletions") { db in
            try db.execute(sql: "ALTER TABLE sets ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0")
        }
        // A model's fallback answer where the model answered instead, scored at the pair's
        // next event (after a restart too) so the fallback's calibration sees every window.
        migrator.registerMigration("v3-unshown-answers") { db in
            try db.execute(sql: "ALTER TABLE recommendations ADD COLUMN unshown_bucket TEXT")
            try db.execute(sql: "ALTER TABLE recommendations ADD COLUMN unshown_ranked TEXT")
        }
        return migrator
    }
}
