/// The read queries of ``RunStore`` that touch a whole run. Each is answered from indexes (a test checks the
/// query plans), so counting or listing a run of 100,000 samples stays quick.
enum RunStoreQueries {
    /// The 11 sample columns, in ``RunStore/readSample(_:)``'s order.
    static let sampleColumns = """
        s.key, s.model, s.item_id, s.family_id, s.value, s.mode, s.variant, s.sample_index, s.pair_id, s.seed, s.run_id
        """
    /// The 8 response columns, in ``RunStore/readResponse(_:from:)``'s order.
    static let responseColumns =
        "r.key, r.text, r.finish_reason, r.prompt_tokens, r.completion_tokens, r.latency_ms, r.error, r.earlier"
    /// Where the verdict columns start in a row of sample, response and verdict columns.
    static let verdictOffset: Int32 = 19
    /// The 6 verdict columns, in ``RunStore/readVerdict(_:from:key:)``'s order.
    static let verdictColumns = "v.judge, v.category, v.score, v.values_named, v.rationale, v.raw"

    /// Parameters: run id.
    static let countPlanned = "SELECT COUNT(*) FROM samples WHERE run_id = ?"
    /// Parameters: run id.
    static let countAnswered = "SELECT COUNT(*) FROM responses WHERE run_id = ?"
    /// Parameters: run id.
    static let countFailed = "SELECT COUNT(*) FROM responses WHERE run_id = ? AND error IS NOT NULL"
    /// Parameters: run id, judge.
    static let countVerdicts = """
        SELECT category, COUNT(*) FROM verdicts WHERE run_id = ? AND judge = ? GROUP BY category
        """
    /// Parameters: run id.
    static let pending = """
        SELECT \(sampleColumns) FROM samples s
        WHERE s.run_id = ? AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.key = s.key)
        ORDER BY s.ordinal
        """
    /// Parameters: run id, judge.
    static let unjudged = """
        SELECT \(sampleColumns), \(responseColumns) FROM samples s JOIN responses r ON r.key = s.key
        WHERE s.run_id = ? AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.key = s.key AND v.judge = ?)
        ORDER BY s.ordinal
        """
    /// Parameters: judge, run id.
    static let samples = """
        SELECT \(sampleColumns), \(responseColumns), \(verdictColumns)
        FROM samples s LEFT JOIN responses r ON r.key = s.key
        LEFT JOIN verdicts v ON v.key = s.key AND v.judge = ?
        WHERE s.run_id = ? ORDER BY s.ordinal
        """
    /// Parameters: run id.
    static let labels = """
        SELECT l.key, l.recognised, l.annotator, l.note FROM labels l JOIN samples s ON s.key = l.key
        WHERE s.run_id = ? ORDER BY s.ordinal, l.annotator
        """

    /// Every query above with the number of parameters it takes (run id, and judge where it has two).
    static let all: [(sql: String, parameters: Int)] = [
        (countPlanned, 1), (countAnswered, 1), (countFailed, 1), (countVerdicts, 2), (pending, 1), (unjudged, 2),
        (samples, 2), (labels, 1),
    ]
}
