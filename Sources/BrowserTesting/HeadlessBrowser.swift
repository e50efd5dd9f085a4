import Foundation
import Synchronization

/// Headless Chromium for tests: the rendered DOM of a page, its console messages and screenshots.
///
/// Every call starts a fresh browser with its own temporary profile (`--user-data-dir`, removed afterwards) under a
/// deadline, so a hung browser fails the test instead of hanging it. Flags: `--headless --no-sandbox --disable-gpu`
/// (tests run as root in containers), console messages from `--enable-logging=stderr --v=0`.
public struct HeadlessBrowser: Sendable {
    /// The browser binary.
    public let executable: String
    /// Longest a single browser call may take, in seconds.
    public var timeoutSeconds: Double

    /// Names tried on `PATH`, in order.
    public static let candidateNames = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"]

    /// A browser at `executable`.
    public init(executable: String, timeoutSeconds: Double = 60) {
        self.executable = executable
        self.timeoutSeconds = timeoutSeconds
    }

    private static let located = Mutex<HeadlessBrowser?>(nil)

    /// Finds Chromium, installing it when missing.
    ///
    /// Order: `$VALUEPROBE_CHROMIUM`; the ``candidateNames`` on `PATH`; else, when `install` is true, the
    /// `scripts/ensure-chromium` script (`$VALUEPROBE_ENSURE_CHROMIUM`, or found by walking up from `callerFile` to
    /// the package root, the directory holding `Package.swift`), which installs Debian's `chromium` package and
    /// prints the binary's path. The result is remembered for the process.
    /// - Parameter callerFile: a file inside the package (the default, the caller's `#filePath`, is right for tests).
    /// - Throws: ``BrowserError`` when no browser is found or installed.
    public static func locate(install: Bool = true, callerFile: String = #filePath) throws -> HeadlessBrowser {
        try located.withLock { cached in
            if let cached { return cached }
            let environment = ProcessInfo.processInfo.environment
            if let path = findInstalled(environment: environment) {
                cached = HeadlessBrowser(executable: path)
                return HeadlessBrowser(executable: path)
            }
            guard install else { throw BrowserError("no Chromium found (tried \(candidateNames.joined(separator: ", ")) on PATH)") }
            guard let script = ensureScript(environment: environment, callerFile: callerFile) else {
                throw BrowserError("no Chromium found and no scripts/ensure-chromium above \(callerFile) to install it")
            }
            let result = try TimedProcess.run(script, [], timeoutSeconds: 1200)
            let output = String(decoding: result.stdout, as: UTF8.self)
            let path = output.split(whereSeparator: \.isNewline).last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
            guard result.status == 0, !path.isEmpty, FileManager.default.isExecutableFile(atPath: path) else {
                let reason = result.timedOut ? "timed out" : lastMeaningfulLine(result.stderr)
                throw BrowserError("\(script) failed (exit status \(result.status)): \(reason)")
            }
            cached = HeadlessBrowser(executable: path)
            return HeadlessBrowser(executable: path)
        }
    }

    /// The browser named by `$VALUEPROBE_CHROMIUM`, or the first of ``candidateNames`` on `PATH`.
    public static func findInstalled(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let fm = FileManager.default
        if let path = environment["VALUEPROBE_CHROMIUM"], fm.isExecutableFile(atPath: path) { return path }
        let directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in candidateNames {
            for directory in directories where !directory.isEmpty {
                let path = "\(directory)/\(name)"
                if fm.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// `scripts/ensure-chromium` of the package that holds `callerFile` (or `$VALUEPROBE_ENSURE_CHROMIUM`).
    static func ensureScript(environment: [String: String], callerFile: String) -> String? {
        let fm = FileManager.default
        if let path = environment["VALUEPROBE_ENSURE_CHROMIUM"], fm.isExecutableFile(atPath: path) { return path }
        var directory = URL(fileURLWithPath: callerFile).deletingLastPathComponent()
        while directory.path != "/" && !directory.path.isEmpty {
            if fm.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let script = directory.appendingPathComponent("scripts/ensure-chromium").path
                return fm.isExecutableFile(atPath: script) ? script : nil
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// Loads `url` and returns the serialised DOM after the page's scripts ran, with its console messages; with
    /// `screenshot`, the same browser run also writes a PNG of the viewport there (checked, in ``PageLoad/screenshot``).
    /// - Parameters:
    ///   - virtualTimeBudgetMilliseconds: lets timers and requests of the page run for this much virtual time
    ///     before the DOM is taken (Chromium's `--virtual-time-budget`); nil takes it at the load event.
    ///   - width: viewport width in CSS pixels.
    ///   - height: viewport height in CSS pixels.
    public func load(url: URL, virtualTimeBudgetMilliseconds: Int? = nil, width: Int = 1280, height: Int = 900,
                     screenshot: URL? = nil) throws -> PageLoad {
        var arguments = ["--enable-logging=stderr", "--v=0", "--hide-scrollbars", "--window-size=\(width),\(height)"]
        if let budget = virtualTimeBudgetMilliseconds { arguments.append("--virtual-time-budget=\(budget)") }
        if let screenshot {
            try? FileManager.default.removeItem(at: screenshot)
            arguments.append("--screenshot=\(screenshot.path)")
        }
        arguments += ["--dump-dom", url.absoluteString]
        let result = try runBrowser(arguments, what: "loading \(url.absoluteString)")
        let dom = String(decoding: result.stdout, as: UTF8.self)
        guard !dom.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw BrowserError("\(url.absoluteString): the browser printed no DOM (exit status \(result.status)): \(Self.lastMeaningfulLine(result.stderr))")
        }
        var picture: PNGInfo?
        if let screenshot {
            guard FileManager.default.fileExists(atPath: screenshot.path) else {
                throw BrowserError("\(screenshot.path): the browser wrote no screenshot (exit status \(result.status)): \(Self.lastMeaningfulLine(result.stderr))")
            }
            picture = try PNGInfo(contentsOf: screenshot)
        }
        return PageLoad(dom: dom, consoleMessages: ConsoleMessage.parse(log: result.stderr), screenshot: picture)
    }

    /// The serialised DOM of `url` after its scripts ran (`--dump-dom`).
    public func dumpDOM(url: URL) throws -> String {
        try load(url: url).dom
    }

    /// Takes a PNG screenshot of `url` at `width` × `height` CSS pixels into `file` and checks it.
    /// - Returns: the PNG's header facts (signature and a nonzero size verified).
    @discardableResult
    public func screenshot(url: URL, to file: URL, width: Int = 1280, height: Int = 900,
                           virtualTimeBudgetMilliseconds: Int? = nil) throws -> PNGInfo {
        try? FileManager.default.removeItem(at: file)
        var arguments = ["--hide-scrollbars", "--window-size=\(width),\(height)"]
        if let budget = virtualTimeBudgetMilliseconds { arguments.append("--virtual-time-budget=\(budget)") }
        arguments += ["--screenshot=\(file.path)", url.absoluteString]
        let result = try runBrowser(arguments, what: "taking a screenshot of \(url.absoluteString)")
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw BrowserError("\(file.path): the browser wrote no screenshot (exit status \(result.status)): \(Self.lastMeaningfulLine(result.stderr))")
        }
        return try PNGInfo(contentsOf: file)
    }

    /// Runs the browser headless with a throwaway profile and `arguments` appended.
    private func runBrowser(_ arguments: [String], what: String) throws -> TimedProcessResult {
        let fm = FileManager.default
        let profile = fm.temporaryDirectory.appendingPathComponent("vp-chromium-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: profile, withIntermediateDirectories: true)
        } catch {
            throw BrowserError("\(profile.path): cannot create a browser profile: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: profile) }
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--mute-audio", "--user-data-dir=\(profile.path)",
        ]
        let result = try TimedProcess.run(executable, common + arguments, timeoutSeconds: timeoutSeconds)
        if result.timedOut {
            throw BrowserError("\(what): the browser did not finish within \(Int(timeoutSeconds)) s")
        }
        return result
    }

    /// The last line of a browser log that is not one of the harmless complaints of a container without D-Bus.
    static func lastMeaningfulLine(_ log: String) -> String {
        let noise = ["dbus", "D-Bus", "unexpected operator", "Floss", "bluez"]
        let lines = log.split(whereSeparator: \.isNewline).map(String.init)
            .filter { line in !noise.contains { line.contains($0) } && !line.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let last = lines.last else { return "no message" }
        return last.count > 300 ? String(last.prefix(297)) + "..." : last
    }
}
