import Assets
import Foundation

/// Output helpers: unbuffered stdout for streaming, stderr for progress and errors, JSON printing.
enum Terminal {
    static func write(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    static func isInteractive(stdin: Bool = false) -> Bool {
        isatty(stdin ? 0 : 2) != 0
    }

    static func printJSON<T: Encodable>(_ value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        guard let data = try? encoder.encode(value) else { return }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

extension Terminal {
    /// Prints asset installation progress on one updating stderr line (plain lines when not a terminal).
    static func assetProgress(_ p: AssetProgress) {
        if p.phase == .done && p.detail == "already installed" { return }  // nothing happened: nothing to say
        let interactive = isatty(2) != 0
        var line = "\(p.asset): \(p.phase.rawValue)"
        if let f = p.fraction { line += String(format: " %3.0f%%", f * 100) }
        if !p.detail.isEmpty { line += " — \(p.detail)" }
        if interactive {
            let end = p.phase == .done ? "\n" : ""
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line + end).utf8))
        } else if p.phase != .verifying || p.fraction == nil || p.fraction == 1 {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
