import Foundation

/// Forced-choice answers (``ChoiceAnswer``) in the run store: one row per question, written the moment it is
/// answered; a question without a row is pending.
extension RunStore {
    /// The exact-scoring details kept beside the probabilities.
    private struct ChoiceDetails: Codable {
        var answerMass: Double?
        var continuationLogProbabilities: [Double]?
        var continuationMeanLogProbabilities: [Double]?
    }

    /// Stores an answer in its own transaction (durable when this returns).
    /// - Returns: true when stored, false when the question already had an answer (which is kept).
    /// - Throws: ``RunStoreError/unknownRun(id:)`` when `run` is not in the store.
    @discardableResult
    public func saveChoiceAnswer(_ answer: ChoiceAnswer, run: String) throws -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let question = String(decoding: try encoder.encode(answer.question), as: UTF8.self)
        let probabilities = String(decoding: try encoder.encode(answer.probabilities), as: UTF8.self)
        let details = ChoiceDetails(answerMass: answer.answerMass,
                                    continuationLogProbabilities: answer.continuationLogProbabilities,
                                    continuationMeanLogProbabilities: answer.continuationMeanLogProbabilities)
        let detailText = answer.answerMass == nil && answer.continuationLogProbabilities == nil
            ? nil : String(decoding: try encoder.encode(details), as: UTF8.self)
        return try withDatabase { db in
            try db.transaction {
                guard try db.scalar("SELECT COUNT(*) FROM runs WHERE id = ?", [.text(run)]) == 1 else {
                    throw RunStoreError.unknownRun(id: run)
                }
                return try db.run("""
                    INSERT OR IGNORE INTO choice_answers (key, run_id, question, status, probabilities, details, text,
                        error, latency_ms, created)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [.text(answer.question.key), .text(run), .text(question), .text(answer.status.rawValue),
                     .text(probabilities), .text(detailText), .text(answer.text), .text(answer.error),
                     .real(answer.latencyMilliseconds), .text(RunManifest.now())]) == 1
            }
        }
    }

    /// Every stored forced-choice answer of a run, in key order.
    /// - Throws: ``RunStoreError/corruptRow(table:key:reason:)`` for a row that does not decode.
    public func choiceAnswers(run id: String) throws -> [ChoiceAnswer] {
        let rows = try withDatabase { db in
            try db.query("""
                SELECT key, question, status, probabilities, details, text, error, latency_ms
                FROM choice_answers WHERE run_id = ? ORDER BY key
                """, [.text(id)]) {
                ($0.text(0), $0.text(1), $0.text(2), $0.text(3), $0.optionalText(4), $0.optionalText(5),
                 $0.optionalText(6), $0.double(7))
            }
        }
        let decoder = JSONDecoder()
        return try rows.map { key, question, status, probabilities, details, text, error, latency in
            do {
                guard let state = ChoiceAnswer.Status(rawValue: status) else {
                    throw RunStoreError.corruptRow(table: "choice_answers", key: key, reason: "unknown status '\(status)'")
                }
                let extra = try details.map { try decoder.decode(ChoiceDetails.self, from: Data($0.utf8)) }
                return ChoiceAnswer(
                    question: try decoder.decode(PlannedChoice.self, from: Data(question.utf8)), status: state,
                    probabilities: try decoder.decode([Double].self, from: Data(probabilities.utf8)),
                    answerMass: extra?.answerMass, continuationLogProbabilities: extra?.continuationLogProbabilities,
                    continuationMeanLogProbabilities: extra?.continuationMeanLogProbabilities, text: text, error: error,
                    latencyMilliseconds: latency)
            } catch let error as RunStoreError {
                throw error
            } catch {
                throw RunStoreError.corruptRow(table: "choice_answers", key: key, reason: "\(error)")
            }
        }
    }

    /// The keys of a run's answered questions (failed ones included).
    public func answeredChoiceKeys(run id: String) throws -> Set<String> {
        try withDatabase { db in
            Set(try db.query("SELECT key FROM choice_answers WHERE run_id = ?", [.text(id)]) { $0.text(0) })
        }
    }

    /// Deletes a run's failed forced-choice answers so that they are asked again; returns how many.
    public func deleteChoiceErrors(run id: String) throws -> Int {
        try withDatabase { db in
            try db.run("DELETE FROM choice_answers WHERE run_id = ? AND status = 'error'", [.text(id)])
        }
    }
}
