import Foundation

/// One message a page wrote to the browser console (`console.log/warn/error`, uncaught exceptions, blocked loads),
/// read from Chromium's log on standard error.
public struct ConsoleMessage: Sendable, Equatable, CustomStringConvertible {
    /// The message text.
    public var text: String
    /// The script or page the message came from.
    public var source: String
    /// The line in `source` (0 when not given).
    public var line: Int

    /// Creates a message.
    public init(text: String, source: String, line: Int) {
        self.text = text
        self.source = source
        self.line = line
    }

    /// Whether the message reports an error: an uncaught exception, a failed or refused load, a syntax or
    /// security error. Chromium's log does not say which console method wrote a message, so pages that must log
    /// nothing should be checked with ``PageLoad/consoleMessages`` being empty.
    public var looksLikeError: Bool {
        let lowered = text.lowercased()
        return ["uncaught", "error", "failed to", "refused to", "not allowed", "blocked"].contains { lowered.contains($0) }
    }

    public var description: String { "\(text) (\(source):\(line))" }

    /// The console messages in Chromium's `--enable-logging=stderr` output: lines such as
    /// `[pid:tid:date:INFO:CONSOLE:12] "text", source: file:///page.html (12)` (older versions write
    /// `CONSOLE(12)`). Other log lines are ignored.
    public static func parse(log: String) -> [ConsoleMessage] {
        var messages: [ConsoleMessage] = []
        for rawLine in log.split(whereSeparator: \.isNewline) {
            let line = Substring(rawLine)
            guard let marker = line.range(of: ":CONSOLE") else { continue }
            guard let close = line[marker.upperBound...].firstIndex(of: "]") else { continue }
            var rest = line[line.index(after: close)...].drop(while: { $0 == " " })
            var source = ""
            var number = 0
            if let sourceRange = rest.range(of: ", source: ", options: .backwards) {
                var tail = rest[sourceRange.upperBound...]
                if tail.hasSuffix(")"), let open = tail.lastIndex(of: "(") {
                    number = Int(tail[tail.index(after: open)..<tail.index(before: tail.endIndex)]) ?? 0
                    tail = tail[..<open]
                }
                source = tail.trimmingCharacters(in: .whitespaces)
                rest = rest[..<sourceRange.lowerBound]
            }
            var text = String(rest)
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
                text = String(text.dropFirst().dropLast())
            }
            messages.append(ConsoleMessage(text: text, source: source, line: number))
        }
        return messages
    }
}
