import Foundation
import Probes
import Synchronization

/// The durable record of one preference run: a SQLite file (`prefs.sqlite`) in the run directory with the
/// manifest, the outcome set, the plan of questions and every answer, committed the moment it arrives (write-ahead
/// log, full sync), so that an interrupted run loses nothing it was told and a re-run asks only what is missing.
/// Separate from the run store of `valueprobe run` (its own file and schema, ``PreferenceStoreSchema``).
public final class PreferenceStore: Sendable {
    /// The database file name inside a run directory.
    public static let fileName = "prefs.sqlite"

    /// The run directory.
    public let directory: URL
    private let database: Mutex<SQLiteDatabase>

    /// The database file.
    public var fileURL: URL { directory.appendingPathComponent(Self.fileName) }

    private init(directory: URL, database: sending SQLiteDatabase) {
        self.directory = directory
        self.database = Mutex(database)
    }

    /// Opens the store in `directory` (created if needed).
    public static func open(directory: URL) throws -> PreferenceStore {
        try RunDirectory.prepare(directory)
        let database = try SQLiteDatabase(path: directory.appendingPathComponent(fileName).path)
        try PreferenceStoreSchema.prepare(database)
        return PreferenceStore(directory: directory, database: database)
    }

    private func withDatabase<T: Sendable>(_ body: (SQLiteDatabase) throws -> T) throws -> T {
        try database.withLock { db throws -> T in try body(db) }
    }

    /// Records the run and its outcome set, or checks that the store holds this very run.
    /// - Returns: whether the run was created now.
    /// - Throws: ``PrefsError/differentRun(path:found:expected:)`` when the store holds another run.
    @discardableResult
    public func createOrOpen(_ manifest: PrefsManifest, outcomes: [Outcome]) throws -> Bool {
        let json = try manifest.jsonText()
        let path = fileURL.path
        return try withDatabase { db in
            try db.transaction {
                let existing = try db.query("SELECT id FROM run", row: { $0.text(0) })
                if let found = existing.first {
                    guard found == manifest.runID else {
                        throw PrefsError.differentRun(path: path, found: found, expected: manifest.runID)
                    }
                    return false
                }
                try db.run("INSERT INTO run (id, manifest, created) VALUES (?, ?, ?)",
                           [.text(manifest.runID), .text(json), .text(manifest.created)])
                for (index, outcome) in outcomes.enumerated() {
                    try db.run("INSERT INTO outcomes (idx, id, text, value, polarity) VALUES (?, ?, ?, ?, ?)",
                               [.integer(index), .text(outcome.id), .text(outcome.text), .text(outcome.value),
                                .text(outcome.polarity.rawValue)])
                }
                return true
            }
        }
    }

    /// The stored manifest, if any.
    public func manifest() throws -> PrefsManifest? {
        let text = try withDatabase { db in try db.query("SELECT manifest FROM run", row: { $0.text(0) }).first }
        return try text.map { try PrefsManifest.decode(jsonText: $0) }
    }

    /// Adds questions to the plan (ordinals continue after the last one); questions already planned are kept.
    public func plan(round: Int, orientations: [(first: Int, second: Int)], samples: Int) throws {
        try withDatabase { db in
            try db.transaction {
                var next = try db.scalar("SELECT COALESCE(MAX(ordinal) + 1, 0) FROM plan")
                for orientation in orientations {
                    for sample in 0..<samples {
                        let inserted = try db.run(
                            "INSERT OR IGNORE INTO plan (ordinal, round, first, second, sample) VALUES (?, ?, ?, ?, ?)",
                            [.integer(next), .integer(round), .integer(orientation.first),
                             .integer(orientation.second), .integer(sample)])
                        next += inserted
                    }
                }
            }
        }
    }

    /// The rounds that have questions planned, ascending.
    public func plannedRounds() throws -> [Int] {
        try withDatabase { db in try db.query("SELECT DISTINCT round FROM plan ORDER BY round", row: { $0.int(0) }) }
    }

    /// Every planned question, in plan order.
    public func questions() throws -> [PreferenceQuestion] {
        try withDatabase { db in
            try db.query("SELECT ordinal, round, first, second, sample FROM plan ORDER BY ordinal", row: {
                PreferenceQuestion(ordinal: $0.int(0), round: $0.int(1), first: $0.int(2), second: $0.int(3),
                                   sample: $0.int(4))
            })
        }
    }

    /// Questions without an answer (or whose last attempt failed), in plan order.
    public func unanswered() throws -> [PreferenceQuestion] {
        try withDatabase { db in
            try db.query("""
                SELECT p.ordinal, p.round, p.first, p.second, p.sample FROM plan p
                LEFT JOIN answers a ON a.ordinal = p.ordinal
                WHERE a.ordinal IS NULL OR a.kind = 'error' ORDER BY p.ordinal
                """, row: {
                PreferenceQuestion(ordinal: $0.int(0), round: $0.int(1), first: $0.int(2), second: $0.int(3),
                                   sample: $0.int(4))
            })
        }
    }

    /// Saves an answer (replacing an earlier failed attempt), committed before returning.
    public func save(_ answer: PreferenceAnswer) throws {
        try withDatabase { db in
            _ = try db.run("""
                INSERT OR REPLACE INTO answers (ordinal, kind, p_first, p_second, label_mass, text, created)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [.integer(answer.ordinal), .text(answer.kind.rawValue), .real(answer.firstProbability),
                      .real(answer.secondProbability), .real(answer.labelMass), .text(answer.text),
                      .text(RunManifest.now())])
        }
    }

    /// Every stored answer, by ordinal.
    public func answers() throws -> [PreferenceAnswer] {
        let path = fileURL.path
        return try withDatabase { db in
            try db.query("SELECT ordinal, kind, p_first, p_second, label_mass, text FROM answers ORDER BY ordinal", row: {
                guard let kind = PreferenceAnswer.Kind(rawValue: $0.text(1)) else {
                    throw PrefsError.corruptStore(path: path, reason: "answer \($0.int(0)) has unknown kind '\($0.text(1))'")
                }
                return PreferenceAnswer(ordinal: $0.int(0), kind: kind, firstProbability: $0.optionalDouble(2),
                                        secondProbability: $0.optionalDouble(3), labelMass: $0.optionalDouble(4),
                                        text: $0.text(5))
            })
        }
    }
}
