import Foundation

/// What a finished (or killed) subprocess left behind.
struct TimedProcessResult: Sendable {
    /// Exit status (128 + signal when it was killed by a signal).
    var status: Int32
    /// Standard output.
    var stdout: Data
    /// Standard error, as text.
    var stderr: String
    /// Whether the deadline passed and the process was killed.
    var timedOut: Bool
}

/// Runs a program with a deadline, capturing its output in files (no pipes, so a chatty program never blocks).
///
/// When coreutils' `timeout` is available the program runs under it: `timeout` gives the program its own process
/// group and signals the whole group when the time is up, so helper processes (a browser's renderers) go too.
/// A second, slightly later deadline in Swift kills `timeout` itself should it hang.
enum TimedProcess {
    static func run(_ executable: String, _ arguments: [String], timeoutSeconds: Double,
                    environment: [String: String]? = nil) throws -> TimedProcessResult {
        let fm = FileManager.default
        let scratch = fm.temporaryDirectory.appendingPathComponent("vp-process-\(UUID().uuidString)")
        do {
            try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        } catch {
            throw BrowserError("\(scratch.path): cannot create a scratch directory: \(error.localizedDescription)")
        }
        defer { try? fm.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        guard fm.createFile(atPath: outURL.path, contents: nil), fm.createFile(atPath: errURL.path, contents: nil),
              let outHandle = try? FileHandle(forWritingTo: outURL), let errHandle = try? FileHandle(forWritingTo: errURL)
        else {
            throw BrowserError("\(scratch.path): cannot create output files for \(executable)")
        }

        let process = Process()
        let seconds = max(1, Int(timeoutSeconds.rounded(.up)))
        if let timeout = ["/usr/bin/timeout", "/bin/timeout"].first(where: { fm.isExecutableFile(atPath: $0) }) {
            process.executableURL = URL(fileURLWithPath: timeout)
            process.arguments = ["--kill-after=5", String(seconds), executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            try? outHandle.close()
            try? errHandle.close()
            throw BrowserError("\(executable): cannot start: \(error.localizedDescription)")
        }
        var timedOut = false
        if finished.wait(timeout: .now() + .seconds(seconds + 10)) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + .seconds(5)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                _ = finished.wait(timeout: .now() + .seconds(5))
            }
        }
        try? outHandle.close()
        try? errHandle.close()
        var status: Int32 = -1
        if !process.isRunning {
            status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        }
        // coreutils' timeout exits with 124 when the deadline passed (137 when it had to SIGKILL).
        if status == 124 || status == 137 { timedOut = true }
        let stdout = (try? Data(contentsOf: outURL)) ?? Data()
        let stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return TimedProcessResult(status: status, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }
}
