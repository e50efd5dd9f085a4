/// The tables of a run store and how a connection is set up.
///
/// - `runs`: one row per run (its manifest as JSON).
/// - `samples`: the plan, stored in plan order (`ordinal`); a sample's key is unique across runs (it hashes the
///   run id).
/// - `responses`: at most one per sample (`earlier`, added in version 2: the model's own earlier answers of a
///   multi-turn item as a JSON array) (the key is the primary key), written the moment it arrives; `run_id`
///   is repeated there so that a run's counts are index range counts.
/// - `verdicts`: one per sample and judge; removed with their response.
/// - `labels`: human labels, one per sample and annotator.
/// - `choice_answers` (version 3): one row per forced-choice question answered (``ChoiceAnswer``); the plan of
///   choices is recomputed from the suite and configuration, so a question is pending while its key is absent.
enum RunStoreSchema {
    /// The schema version kept in `PRAGMA user_version`.
    static let version = 3

    /// Connection settings: write-ahead log, a full sync at every commit (a committed response survives a power
    /// cut or `kill -9`), foreign keys enforced.
    static let connectionSettings = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA foreign_keys = ON;
        """

    /// Creates the tables and indexes that are missing.
    static let tables = """
        CREATE TABLE IF NOT EXISTS runs (
            id TEXT PRIMARY KEY NOT NULL,
            manifest TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS samples (
            run_id TEXT NOT NULL REFERENCES runs(id),
            ordinal INTEGER NOT NULL,
            key TEXT NOT NULL UNIQUE,
            model TEXT NOT NULL,
            item_id TEXT NOT NULL,
            family_id TEXT NOT NULL,
            value TEXT NOT NULL,
            mode TEXT NOT NULL,
            variant INTEGER NOT NULL,
            sample_index INTEGER NOT NULL,
            pair_id TEXT,
            seed INTEGER NOT NULL,
            PRIMARY KEY (run_id, ordinal)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS responses (
            key TEXT PRIMARY KEY NOT NULL REFERENCES samples(key),
            run_id TEXT NOT NULL,
            text TEXT NOT NULL,
            finish_reason TEXT NOT NULL,
            prompt_tokens INTEGER,
            completion_tokens INTEGER,
            latency_ms REAL NOT NULL,
            error TEXT,
            attempts INTEGER NOT NULL,
            created TEXT NOT NULL,
            earlier TEXT
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS responses_by_run ON responses(run_id);
        CREATE INDEX IF NOT EXISTS responses_failed ON responses(run_id) WHERE error IS NOT NULL;
        CREATE TABLE IF NOT EXISTS verdicts (
            key TEXT NOT NULL REFERENCES responses(key) ON DELETE CASCADE,
            judge TEXT NOT NULL,
            run_id TEXT NOT NULL,
            category TEXT NOT NULL,
            score REAL,
            values_named TEXT NOT NULL,
            rationale TEXT NOT NULL,
            raw TEXT,
            created TEXT NOT NULL,
            PRIMARY KEY (key, judge)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS verdicts_by_run ON verdicts(run_id, judge, category);
        CREATE TABLE IF NOT EXISTS labels (
            key TEXT NOT NULL REFERENCES samples(key),
            annotator TEXT NOT NULL,
            recognised INTEGER,
            note TEXT NOT NULL,
            created TEXT NOT NULL,
            PRIMARY KEY (key, annotator)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS choice_answers (
            key TEXT PRIMARY KEY NOT NULL,
            run_id TEXT NOT NULL REFERENCES runs(id),
            question TEXT NOT NULL,
            status TEXT NOT NULL,
            probabilities TEXT NOT NULL,
            details TEXT,
            text TEXT,
            error TEXT,
            latency_ms REAL NOT NULL,
            created TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS choice_answers_by_run ON choice_answers(run_id);
        """

    /// Sets up a fresh connection and creates or checks the schema.
    static func prepare(_ database: SQLiteDatabase) throws {
        try database.execute(connectionSettings)
        let found = try database.scalar("PRAGMA user_version")
        if found > version {
            throw RunStoreError.newerSchema(path: database.path, found: found, supported: version)
        }
        if found < version {
            try database.transaction {
                if found == 1 { try database.execute("ALTER TABLE responses ADD COLUMN earlier TEXT") }
                try database.execute(tables)
                try database.execute("PRAGMA user_version = \(version)")
            }
        }
    }
}
