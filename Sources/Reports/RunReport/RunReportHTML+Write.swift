import Foundation
import Runs

extension RunReportHTML {
    /// Renders the report of run `runID` in `runDirectory` and writes it to `report.html` there (atomically).
    /// - Returns: the file written.
    @discardableResult
    public static func write(runDirectory: URL, runID: String, options: MetricOptions = MetricOptions()) throws -> URL {
        let source = try RunStoreDataSource(directory: runDirectory, runID: runID)
        let page = render(try RunReportInput.load(source: source, options: options))
        let file = runDirectory.appendingPathComponent("report.html")
        do {
            try Data(page.utf8).write(to: file, options: .atomic)
        } catch {
            throw ReportError(path: file.path, reason: error.localizedDescription)
        }
        return file
    }
}
