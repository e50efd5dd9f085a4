/// The tables of a preference store (`prefs.sqlite`), version 1 (kept in `PRAGMA user_version`):
///
/// - `run`: one row, the manifest as JSON;
/// - `outcomes`: the outcome set as run (index, id, text, value, polarity);
/// - `plan`: every question (ordinal, round, first and second outcome index, sample index), written before it is
///   asked;
/// - `answers`: at most one per question, written the moment it arrives (kind, the exact probabilities and label
///   mass, or the answer text; an `error` answer is replaced when the question is asked again).
enum PreferenceStoreSchema {
    /// The schema version.
    static let version = 1

    static let connectionSettings = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA foreign_keys = ON;
        """

    static let tables = """
        CREATE TABLE IF NOT EXISTS run (
            id TEXT PRIMARY KEY NOT NULL,
            manifest TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS outcomes (
            idx INTEGER PRIMARY KEY NOT NULL,
            id TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            value TEXT,
            polarity TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS plan (
            ordinal INTEGER PRIMARY KEY NOT NULL,
            round INTEGER NOT NULL,
            first INTEGER NOT NULL REFERENCES outcomes(idx),
            second INTEGER NOT NULL REFERENCES outcomes(idx),
            sample INTEGER NOT NULL,
            UNIQUE (round, first, second, sample)
        );
        CREATE TABLE IF NOT EXISTS answers (
            ordinal INTEGER PRIMARY KEY NOT NULL REFERENCES plan(ordinal),
            kind TEXT NOT NULL,
            p_first REAL,
            p_second REAL,
            label_mass REAL,
            text TEXT NOT NULL,
            created TEXT NOT NULL
        );
        """

    /// Sets up a connection and creates or checks the schema.
    static func prepare(_ database: SQLiteDatabase) throws {
        try database.execute(connectionSettings)
        let found = try database.scalar("PRAGMA user_version")
        if found > version {
            throw PrefsError.newerSchema(path: database.path, found: found, supported: version)
        }
        if found < version {
            try database.transaction {
                try database.execute(tables)
                try database.execute("PRAGMA user_version = \(version)")
            }
        }
    }
}
