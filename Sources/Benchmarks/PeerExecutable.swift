import Foundation

/// Finds a peer tool's executable: the path in `environmentVariable` when it is executable, else `name` on PATH.
enum PeerExecutable {
    static func find(_ name: String, environmentVariable: String) -> String? {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env[environmentVariable], FileManager.default.isExecutableFile(atPath: explicit) {
            return explicit
        }
        for dir in (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
