import Foundation

/// One line per request, written when the response (or the stream) ends: time, client address, method, path,
/// status, duration and token counts. Headers, bodies and query strings are never written, so neither is a key.
public struct AccessLog: Sendable {
    private let sink: @Sendable (String) -> Void

    /// - Parameter sink: receives each line (without a newline).
    public init(sink: @escaping @Sendable (String) -> Void) { self.sink = sink }

    /// Lines to standard error.
    public static let standardError = AccessLog { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// No lines.
    public static let none = AccessLog { _ in }

    func record(client: String, method: String, path: String, status: Int, since start: ContinuousClock.Instant,
                detail: String = "") {
        let elapsed = start.duration(to: .now)
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let stamp = Date().formatted(.iso8601)
        let shownPath = path.count > 200 ? String(path.prefix(200)) + "…" : path
        sink("\(stamp) \(client) \(method) \(shownPath) \(status) \(String(format: "%.0f", ms))ms" + (detail.isEmpty ? "" : " " + detail))
    }
}
