import Foundation
import Probes
import Synchronization

/// The durable record of runs: a SQLite file (`valueprobe.sqlite`) in the run directory holding each run's
/// manifest, its plan, every response (at most one per sample, committed the moment it arrives), the judges'
/// verdicts and human labels.
///
/// The file uses a write-ahead log with a full sync at every commit, so a response that was saved survives a
/// `kill -9` or a power cut, and a response being written when the process dies is simply absent. Several
/// processes may open the same store (SQLite locks; writers wait up to 15 s). One `RunStore` may be shared by
/// many tasks: calls are serialised.
public final class RunStore: Sendable {
    /// The database file name inside a run directory.
    public static let fileName = "valueprobe.sqlite"

    /// The run directory.
    public let directory: URL
    private let database: Mutex<SQLiteDatabase>

    /// The database file.
    public var fileURL: URL { directory.appendingPathComponent(RunStore.fileName) }

    private init(directory: URL, database: sending SQLiteDatabase) {
        self.directory = directory
        self.database = Mutex(database)
    }

    /// Opens the store in `directory` (created if needed), creating the schema when the file is new.
    public static func open(directory: URL) throws -> RunStore {
        try RunDirectory.prepare(directory)
        let database = try SQLiteDatabase(path: directory.appendingPathComponent(fileName).path)
        try RunStoreSchema.prepare(database)
        return RunStore(directory: directory, database: database)
    }

    /// Runs `body` with the connection (serialised with every other call).
    func withDatabase<T: Sendable>(_ body: (SQLiteDatabase) throws -> T) throws -> T {
        try database.withLock { db throws -> T in try body(db) }
    }

    // MARK: Runs

    /// Records a run, or finds it when a run with the manifest's id exists (its stored manifest is kept).
    /// - Returns: the run id and whether the run was created now.
    @discardableResult
    public func createOrOpenRun(_ manifest: RunManifest) throws -> (runID: String, isNew: Bool) {
        let json = try manifest.jsonText()
        let inserted = try withDatabase { db in
            try db.run("INSERT OR IGNORE INTO runs (id, manifest, created) VALUES (?, ?, ?)",
                       [.text(manifest.runID), .text(json), .text(manifest.created)])
        }
        return (manifest.runID, inserted == 1)
    }

    /// Adds what a backend reported about itself — a model name, a `system_fingerprint` — to the identity of
    /// `model` (a spec) in run `id`'s manifest, unless it is there already. Returns whether the manifest changed.
    @discardableResult
    public func recordReported(run id: String, model: String, reportedModel: String?, systemFingerprint: String?)
        throws -> Bool
    {
        try withDatabase { db in
            try db.transaction {
                guard let text = try db.query("SELECT manifest FROM runs WHERE id = ?", [.text(id)], row: { $0.text(0) }).first
                else { throw RunStoreError.unknownRun(id: id) }
                var manifest = try RunManifest.decode(jsonText: text)
                guard let index = manifest.models.firstIndex(where: { $0.spec == model }) else { return false }
                var identity = manifest.models[index]
                if let name = reportedModel, !name.isEmpty, !(identity.reportedModels ?? []).contains(name) {
                    identity.reportedModels = (identity.reportedModels ?? []) + [name]
                }
                if let print = systemFingerprint, !print.isEmpty, !(identity.systemFingerprints ?? []).contains(print) {
                    identity.systemFingerprints = (identity.systemFingerprints ?? []) + [print]
                }
                guard identity != manifest.models[index] else { return false }
                manifest.models[index] = identity
                try db.run("UPDATE runs SET manifest = ? WHERE id = ?", [.text(try manifest.jsonText()), .text(id)])
                return true
            }
        }
    }

    /// The stored manifest of run `id`, nil when there is no such run.
    public func manifest(run id: String) throws -> RunManifest? {
        let texts = try withDatabase { db in
            try db.query("SELECT manifest FROM runs WHERE id = ?", [.text(id)]) { $0.text(0) }
        }
        guard let text = texts.first else { return nil }
        return try decodeManifest(text, run: id)
    }

    /// Every run in the store, oldest first.
    public func runs() throws -> [StoredRun] {
        let rows = try withDatabase { db in
            try db.query("SELECT id, created, manifest FROM runs ORDER BY created, id") {
                ($0.text(0), $0.text(1), $0.text(2))
            }
        }
        return try rows.map { id, created, text in
            StoredRun(id: id, created: created, manifest: try decodeManifest(text, run: id))
        }
    }

    private func decodeManifest(_ text: String, run id: String) throws -> RunManifest {
        do {
            return try RunManifest.decode(jsonText: text)
        } catch {
            throw RunStoreError.corruptRow(table: "runs", key: id, reason: "manifest is not readable JSON")
        }
    }

    // MARK: Plan

    /// Adds planned samples to run `id` in one transaction; samples already planned are left as they are.
    /// - Returns: how many samples were new.
    @discardableResult
    public func insertPlan(_ samples: [PlannedSample], run id: String) throws -> Int {
        try withDatabase { db in
            try db.transaction {
                guard try db.scalar("SELECT COUNT(*) FROM runs WHERE id = ?", [.text(id)]) == 1 else {
                    throw RunStoreError.unknownRun(id: id)
                }
                let start = try db.scalar("SELECT COALESCE(MAX(ordinal) + 1, 0) FROM samples WHERE run_id = ?",
                                          [.text(id)])
                var inserted = 0
                for (offset, s) in samples.enumerated() {
                    inserted += try db.run("""
                        INSERT OR IGNORE INTO samples (run_id, key, ordinal, model, item_id, family_id, value, mode,
                            variant, sample_index, pair_id, seed)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [.text(id), .text(s.key), .integer(Int64(start + offset)), .text(s.model), .text(s.itemID),
                         .text(s.familyID), .text(s.value), .text(s.mode.rawValue), .integer(Int64(s.variant)),
                         .integer(Int64(s.sampleIndex)), .text(s.pairID), .integer(Int64(bitPattern: s.seed))])
                }
                return inserted
            }
        }
    }

    /// Planned samples of run `id` without a response, in plan order.
    public func pendingSamples(run id: String) throws -> [PlannedSample] {
        try withDatabase { db in
            try db.query(RunStoreQueries.pending, [.text(id)]) { try Self.readSample($0) }
        }
    }

    // MARK: Responses and verdicts

    /// Stores the response to sample `key` in its own transaction (durable when this returns).
    /// - Parameter attempts: how many backend attempts it took, when known.
    /// - Returns: true when stored, false when the sample already had a response (which is kept).
    @discardableResult
    public func saveResponse(key: String, _ response: SampleResponse, attempts: Int = 1) throws -> Bool {
        try withDatabase { db in
            try db.transaction {
                guard let run = try db.query("SELECT run_id FROM samples WHERE key = ?", [.text(key)],
                                             row: { $0.text(0) }).first
                else { throw RunStoreError.unknownSample(key: key) }
                return try db.run("""
                    INSERT OR IGNORE INTO responses (key, run_id, text, finish_reason, prompt_tokens, completion_tokens,
                        latency_ms, error, attempts, created, earlier)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [.text(key), .text(run), .text(response.text), .text(response.finishReason), .integer(response.promptTokens),
                     .integer(response.completionTokens), .real(response.latencyMilliseconds), .text(response.error),
                     .integer(Int64(max(1, attempts))), .text(RunManifest.now()),
                     .text(Self.encodeEarlier(response.earlierAnswers))]) == 1
            }
        }
    }

    /// The stored response of sample `key`, if any.
    public func response(key: String) throws -> SampleResponse? {
        try withDatabase { db in
            try db.query("SELECT \(RunStoreQueries.responseColumns) FROM responses r WHERE r.key = ?", [.text(key)]) {
                Self.readResponse($0, from: 0)
            }.first ?? nil
        }
    }

    /// Stores a verdict, replacing an earlier verdict of the same judge on the same sample.
    public func saveVerdict(_ verdict: Verdict) throws {
        let named = String(decoding: try JSONEncoder().encode(verdict.valuesNamed), as: UTF8.self)
        try withDatabase { db in
            try db.transaction {
                guard let run = try db.query("SELECT run_id FROM responses WHERE key = ?", [.text(verdict.sampleKey)],
                                             row: { $0.text(0) }).first
                else { throw RunStoreError.unknownSample(key: verdict.sampleKey) }
                try db.run("""
                    INSERT OR REPLACE INTO verdicts (key, judge, run_id, category, score, values_named, rationale, raw,
                        created)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [.text(verdict.sampleKey), .text(verdict.judge), .text(run), .text(verdict.category.rawValue),
                     .real(verdict.score), .text(named), .text(verdict.rationale), .text(verdict.raw),
                     .text(RunManifest.now())])
            }
        }
    }

    /// Samples of run `id` that have a response but no verdict from `judge`, in plan order, with their responses.
    public func unjudged(run id: String, judge: String) throws -> [JudgedSample] {
        try withDatabase { db in
            try db.query(RunStoreQueries.unjudged, [.text(id), .text(judge)]) { row in
                JudgedSample(sample: try Self.readSample(row), response: Self.readResponse(row, from: 11))
            }
        }
    }

    /// Deletes run `id`'s failed responses (and their verdicts), so that their samples are pending again.
    /// - Returns: how many were deleted.
    @discardableResult
    public func deleteErrorResponses(run id: String) throws -> Int {
        try withDatabase { db in
            try db.transaction {
                try db.run("DELETE FROM responses WHERE run_id = ? AND error IS NOT NULL", [.text(id)])
            }
        }
    }

    /// Every planned sample of run `id` in plan order, with its response and the verdict of `judge`
    /// (nil = the judge named in the run's manifest).
    public func samples(run id: String, judge: String? = nil) throws -> [JudgedSample] {
        let judge = try judge ?? judgeOfRun(id)
        return try withDatabase { db in
            try db.query(RunStoreQueries.samples, [.text(judge), .text(id)]) { row in
                let sample = try Self.readSample(row)
                return JudgedSample(sample: sample, response: Self.readResponse(row, from: 11),
                                    verdict: try Self.readVerdict(row, from: RunStoreQueries.verdictOffset, key: sample.key))
            }
        }
    }

    /// Counts for run `id`; verdicts are those of `judge` (nil = the judge named in the run's manifest).
    /// Each count is one indexed query: nothing is loaded.
    public func counts(run id: String, judge: String? = nil) throws -> RunCounts {
        let judge = try judge ?? judgeOfRun(id)
        return try withDatabase { db in
            let planned = try db.scalar(RunStoreQueries.countPlanned, [.text(id)])
            let answered = try db.scalar(RunStoreQueries.countAnswered, [.text(id)])
            let failed = try db.scalar(RunStoreQueries.countFailed, [.text(id)])
            let categories = try db.query(RunStoreQueries.countVerdicts, [.text(id), .text(judge)]) {
                ($0.text(0), $0.int(1))
            }
            let byCategory = Dictionary(categories, uniquingKeysWith: +)
            return RunCounts(planned: planned, answered: answered, failed: failed,
                             judged: byCategory.values.reduce(0, +), byCategory: byCategory)
        }
    }

    private func judgeOfRun(_ id: String) throws -> String {
        guard let manifest = try manifest(run: id) else { throw RunStoreError.unknownRun(id: id) }
        return manifest.judge
    }

    // MARK: Labels

    /// Stores human labels (replacing an earlier label by the same annotator on the same sample), in one transaction.
    /// - Returns: how many labels were written.
    @discardableResult
    public func saveLabels(_ labels: [HumanLabel]) throws -> Int {
        try withDatabase { db in
            try db.transaction {
                for label in labels {
                    guard try db.scalar("SELECT COUNT(*) FROM samples WHERE key = ?", [.text(label.sampleKey)]) == 1
                    else { throw RunStoreError.unknownSample(key: label.sampleKey) }
                    let value: SQLiteValue = label.recognised.map { .integer($0 ? 1 : 0) } ?? .null
                    try db.run("""
                        INSERT OR REPLACE INTO labels (key, annotator, recognised, note, created) VALUES (?, ?, ?, ?, ?)
                        """, [.text(label.sampleKey), .text(label.annotator), value, .text(label.note),
                              .text(RunManifest.now())])
                }
                return labels.count
            }
        }
    }

    /// Human labels of run `id`'s samples, in plan order then annotator.
    public func labels(run id: String) throws -> [HumanLabel] {
        try withDatabase { db in
            try db.query(RunStoreQueries.labels, [.text(id)]) { row in
                HumanLabel(sampleKey: row.text(0), recognised: row.optionalInt(1).map { $0 != 0 },
                           annotator: row.text(2), note: row.text(3))
            }
        }
    }

    // MARK: Row reading

    static func readSample(_ row: SQLiteStatement) throws -> PlannedSample {
        let key = row.text(0)
        guard let mode = ProbeMode(rawValue: row.text(5)) else {
            throw RunStoreError.corruptRow(table: "samples", key: key, reason: "unknown mode '\(row.text(5))'")
        }
        return PlannedSample(key: key, model: row.text(1), itemID: row.text(2), familyID: row.text(3),
                             value: row.text(4), mode: mode, variant: row.int(6), sampleIndex: row.int(7),
                             pairID: row.optionalText(8), seed: UInt64(bitPattern: row.int64(9)))
    }

    static func readResponse(_ row: SQLiteStatement, from first: Int32) -> SampleResponse? {
        guard !row.isNull(first) else { return nil }
        return SampleResponse(text: row.text(first + 1), finishReason: row.text(first + 2),
                              promptTokens: row.optionalInt(first + 3), completionTokens: row.optionalInt(first + 4),
                              latencyMilliseconds: row.double(first + 5), error: row.optionalText(first + 6),
                              earlierAnswers: decodeEarlier(row.optionalText(first + 7)))
    }

    /// The `earlier` column: a JSON array of strings, NULL when the item had no generated earlier turn.
    static func encodeEarlier(_ answers: [String]) -> String? {
        guard !answers.isEmpty, let data = try? JSONEncoder().encode(answers) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func decodeEarlier(_ text: String?) -> [String] {
        guard let text else { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }

    static func readVerdict(_ row: SQLiteStatement, from first: Int32, key: String) throws -> Verdict? {
        guard !row.isNull(first) else { return nil }
        guard let category = VerdictCategory(rawValue: row.text(first + 1)) else {
            throw RunStoreError.corruptRow(table: "verdicts", key: key,
                                           reason: "unknown category '\(row.text(first + 1))'")
        }
        let named = (try? JSONDecoder().decode([String].self, from: Data(row.text(first + 3).utf8))) ?? []
        return Verdict(sampleKey: key, judge: row.text(first), category: category, score: row.optionalDouble(first + 2),
                       valuesNamed: named, rationale: row.text(first + 4), raw: row.optionalText(first + 5))
    }
}
