/// Which judges have verdicts in a run.
extension RunStore {
    /// The distinct judge names with at least one verdict in run `id`, sorted — the real judges and the
    /// repeat-consistency names (``JudgeRepeat``) alike.
    public func judgeNames(run id: String) throws -> [String] {
        try withDatabase { db in
            try db.query("SELECT DISTINCT judge FROM verdicts WHERE run_id = ? ORDER BY judge", [.text(id)]) {
                $0.text(0)
            }
        }
    }
}
