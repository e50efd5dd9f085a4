import Foundation

/// Writing many responses or verdicts at once, in one transaction (imports, fixtures): one sync for the whole
/// batch instead of one per row.
extension RunStore {
    /// Stores responses in one transaction; samples that already have a response keep it.
    /// - Returns: how many responses were stored.
    /// - Throws: ``RunStoreError/unknownSample(key:)`` (and nothing is stored) when a key is not planned.
    @discardableResult
    public func saveResponses(_ responses: [(key: String, response: SampleResponse)]) throws -> Int {
        let created = RunManifest.now()
        return try withDatabase { db in
            try db.transaction {
                var stored = 0
                for (key, response) in responses {
                    guard let run = try db.query("SELECT run_id FROM samples WHERE key = ?", [.text(key)],
                                                 row: { $0.text(0) }).first
                    else { throw RunStoreError.unknownSample(key: key) }
                    stored += try db.run("""
                        INSERT OR IGNORE INTO responses (key, run_id, text, finish_reason, prompt_tokens,
                            completion_tokens, latency_ms, error, attempts, created, earlier)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
                        """,
                        [.text(key), .text(run), .text(response.text), .text(response.finishReason),
                         .integer(response.promptTokens), .integer(response.completionTokens),
                         .real(response.latencyMilliseconds), .text(response.error), .text(created),
                         .text(RunStore.encodeEarlier(response.earlierAnswers))])
                }
                return stored
            }
        }
    }

    /// Stores verdicts in one transaction, each replacing an earlier verdict of the same judge on the same sample.
    /// - Throws: ``RunStoreError/unknownSample(key:)`` (and nothing is stored) when a sample has no response.
    public func saveVerdicts(_ verdicts: [Verdict]) throws {
        let created = RunManifest.now()
        let encoder = JSONEncoder()
        let named = try verdicts.map { String(decoding: try encoder.encode($0.valuesNamed), as: UTF8.self) }
        try withDatabase { db in
            try db.transaction {
                for (verdict, named) in zip(verdicts, named) {
                    guard let run = try db.query("SELECT run_id FROM responses WHERE key = ?",
                                                 [.text(verdict.sampleKey)], row: { $0.text(0) }).first
                    else { throw RunStoreError.unknownSample(key: verdict.sampleKey) }
                    try db.run("""
                        INSERT OR REPLACE INTO verdicts (key, judge, run_id, category, score, values_named, rationale,
                            raw, created)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [.text(verdict.sampleKey), .text(verdict.judge), .text(run), .text(verdict.category.rawValue),
                         .real(verdict.score), .text(named), .text(verdict.rationale), .text(verdict.raw),
                         .text(created)])
                }
            }
        }
    }
}
