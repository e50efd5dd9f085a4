/// The truncated-answer counts (``TruncationSummary``) in words, for the terminal table and `summary.md`.
enum TruncationText {
    /// "truncated (finish reason length): 150 of 180 answers (83%); explicit 40/45, implicit 50/60, …".
    static func line(_ truncation: TruncationSummary) -> String {
        var text = "truncated at the token limit: \(truncation.truncated) of \(truncation.answered) answers"
        if let share = truncation.share { text += " (\(ReportFormat.percent(share))%)" }
        let modes = truncation.modes.map { "\($0.mode.rawValue) \($0.truncated)/\($0.answered)" }
        if !modes.isEmpty { text += "; " + modes.joined(separator: ", ") }
        if truncation.looping > 0 {
            text += "; stopped in a repetition loop (judged on the text before it): \(truncation.looping)"
        }
        return text
    }
}
