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
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}
