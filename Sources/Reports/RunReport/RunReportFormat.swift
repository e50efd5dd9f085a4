/// The formats of `valueprobe report`.
public enum RunReportFormat: String, CaseIterable, Sendable {
    /// One self-contained HTML page (``RunReportHTML``).
    case html
    /// Markdown: the summary tables and the manifest.
    case md
    /// CSV: one table (``RunReportCSVTable``).
    case csv
    /// JSON: the manifest and the summary.
    case json

    /// The usual file extension.
    public var fileExtension: String { rawValue }
}

/// Which table `--format csv` writes.
public enum RunReportCSVTable: String, CaseIterable, Sendable {
    /// One row per model × item (the run directory's `items.csv`).
    case items
    /// One row per model × value (`values.csv`).
    case values
    /// One row per answered sample with prompt, response, verdict and rationale (the labels CSV's columns).
    case samples
}
