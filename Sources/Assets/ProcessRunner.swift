import Foundation

/// The outcome of a finished subprocess.
struct ProcessResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The last non-empty line of standard error (or of standard output when standard error is empty),
    /// trimmed and shortened to 300 characters.
    var lastErrorLine: String {
        for text in [stderr, stdout] {
            if let line = text.split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }).last(where: { !$0.isEmpty }) {
                return line.count > 300 ? String(line.prefix(297)) + "..." : line
            }
        }
        return ""
    }
}

/// Runs package tools with Foundation `Process`, capturing their output in files (no pipes, so a chatty tool
/// can never block) and appending it to a log.
enum ProcessRunner {
    /// The first executable called `name` on `PATH`, or nil.
    static func findExecutable(_ name: String, environment: [String: String]) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments` in `directory` and waits for it.
    ///
    /// Output goes to scratch files in `scratch` and is appended to `log` (with the command line) when given.
    static func run(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String],
        scratch: URL, log: URL?
    ) throws -> ProcessResult {
        let fm = FileManager.default
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        let tag = UUID().uuidString
        let outURL = scratch.appendingPathComponent("\(tag).out")
        let errURL = scratch.appendingPathComponent("\(tag).err")
        guard fm.createFile(atPath: outURL.path, contents: nil), fm.createFile(atPath: errURL.path, contents: nil) else {
            throw AssetError.io(path: scratch.path, reason: "cannot create files for the output of \(executable.lastPathComponent)")
        }
        defer {
            try? fm.removeItem(at: outURL)
            try? fm.removeItem(at: errURL)
        }
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        do {
            try process.run()
        } catch {
            try? outHandle.close()
            try? errHandle.close()
            throw AssetError.io(path: executable.path, reason: "cannot start: \(error.localizedDescription)")
        }
        process.waitUntilExit()
        try? outHandle.close()
        try? errHandle.close()
        let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        if let log {
            let entry = "$ \(([executable.lastPathComponent] + arguments).joined(separator: " "))\n\(stdout)\(stderr)[exit status \(status)]\n\n"
            appendText(entry, to: log)
        }
        return ProcessResult(status: status, stdout: stdout, stderr: stderr)
    }

    /// Appends text to a file, creating it when missing (best effort: a log must never fail an install).
    static func appendText(_ text: String, to url: URL) {
        let fm = FileManager.default
        if !fm.fileExists(atPath: url.path) { _ = fm.createFile(atPath: url.path, contents: nil) }
        guard let handle = try? FileHandle(forWritingTo: url) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(text.utf8))
    }
}
