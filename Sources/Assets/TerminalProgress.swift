import Foundation
import Synchronization

/// Writes ``ProgressBar`` states to standard error: on a terminal, one line updated in place (at most ten times
/// a second) that ends when the task does; otherwise (a pipe, a log file) a plain line at most every
/// `plainInterval`, or nothing at all when that is nil.
///
/// When a state has no rate or ETA, they are measured here: from the first update after the label or total last
/// changed, so work done before (a resumed run) does not inflate the rate. Safe to call from any thread.
public final class TerminalProgress: Sendable {
    private struct State {
        var baseline: (time: Double, completed: Double)?
        var key: String?
        var lastDrawn: Double?
        var lastPlain: Double?
        var pending: ProgressBar?
        var lineOpen = false
    }

    /// Whether updates redraw one line in place.
    public let interactive: Bool
    private let plainInterval: Double?
    private let write: @Sendable (String) -> Void
    private let now: @Sendable () -> Double
    private let width: Int
    private let state = Mutex(State())

    /// Creates a printer.
    /// - Parameters:
    ///   - interactive: redraw one line in place (default: whether standard error is a terminal).
    ///   - plainInterval: seconds between plain lines when not interactive; nil = print nothing then.
    ///   - width: the line width (default: the terminal's, else 80).
    ///   - write: where text goes (default: standard error).
    ///   - now: a monotonic clock in seconds (tests pass their own).
    public init(interactive: Bool = TerminalProgress.standardErrorIsTerminal, plainInterval: Double? = 10,
                width: Int? = nil, write: @escaping @Sendable (String) -> Void = TerminalProgress.writeToStandardError,
                now: @escaping @Sendable () -> Double = TerminalProgress.monotonicSeconds) {
        self.interactive = interactive
        self.plainInterval = plainInterval
        self.width = width ?? TerminalProgress.terminalWidth()
        self.write = write
        self.now = now
    }

    /// Shows `bar` (throttled), measuring its rate and ETA when it has none.
    public func update(_ bar: ProgressBar) {
        let time = now()
        let text: String? = state.withLock { s in
            var bar = bar
            let key = bar.label + "|" + (bar.total.map { String($0) } ?? "-")
            if s.key != key || (s.baseline.map { bar.completed < $0.completed } ?? true) {
                s.key = key
                s.baseline = (time, bar.completed)
            }
            if bar.rate == nil, let base = s.baseline, time - base.time >= 0.5, bar.completed > base.completed {
                bar.rate = (bar.completed - base.completed) / (time - base.time)
            }
            if bar.etaSeconds == nil, let rate = bar.rate, rate > 0, let total = bar.total {
                bar.etaSeconds = max(0, total - bar.completed) / rate
            }
            s.pending = bar
            if interactive {
                let finished = bar.fraction == 1
                if let last = s.lastDrawn, time - last < 0.1, !finished { return nil }
                s.lastDrawn = time
                s.pending = nil
                s.lineOpen = true
                return "\r\u{1B}[K" + bar.render(width: width - 1)
            }
            guard let interval = plainInterval else { return nil }
            if let last = s.lastPlain, time - last < interval { return nil }
            s.lastPlain = time
            s.pending = nil
            return bar.render(width: 200) + "\n"
        }
        if let text { write(text) }
    }

    /// Shows a line of text with no figures (a phase without measurable progress), throttled like ``update(_:)``.
    public func status(_ text: String) {
        let time = now()
        let out: String? = state.withLock { s in
            s.pending = nil
            s.key = nil
            s.baseline = nil
            if interactive {
                s.lastDrawn = time
                s.lineOpen = true
                return "\r\u{1B}[K" + ProgressBar.cut(text, width: width - 1)
            }
            guard let interval = plainInterval else { return nil }
            if let last = s.lastPlain, time - last < interval { return nil }
            s.lastPlain = time
            return text + "\n"
        }
        if let out { write(out) }
    }

    /// Ends the progress display: shows the last state if it was held back, ends the terminal line, then prints
    /// `message` (if any) on its own line.
    public func finish(_ message: String? = nil) {
        let text: String = state.withLock { s in
            var out = ""
            if interactive {
                if let message {
                    // The message takes the bar's place.
                    out += (s.lineOpen ? "\r\u{1B}[K" : "") + message + "\n"
                } else if let pending = s.pending {
                    out += "\r\u{1B}[K" + pending.render(width: width - 1) + "\n"
                } else if s.lineOpen {
                    out += "\n"
                }
            } else if let message {
                out += message + "\n"
            } else if plainInterval != nil, let pending = s.pending {
                out += pending.render(width: 200) + "\n"
            }
            s = State()
            return out
        }
        if !text.isEmpty { write(text) }
    }

    /// Whether standard error is a terminal.
    public static var standardErrorIsTerminal: Bool { isatty(2) != 0 }

    /// Writes text to standard error.
    public static let writeToStandardError: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Seconds on a monotonic clock.
    public static let monotonicSeconds: @Sendable () -> Double = {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    /// The width of the terminal on standard error, else `$COLUMNS`, else 80.
    public static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 20 {
            return columns
        }
        return 80
    }
}
