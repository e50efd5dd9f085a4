import Foundation

/// What ``RunReporting/finish(source:runDirectory:options:)`` produced.
public struct RunReport: Sendable {
    /// The computed summary.
    public var summary: RunSummary
    /// The files written (summary.json, summary.md, items.csv, values.csv).
    public var files: [URL]
    /// The terminal table.
    public var table: String

    /// Creates a report.
    public init(summary: RunSummary, files: [URL], table: String) {
        self.summary = summary
        self.files = files
        self.table = table
    }
}
