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

    /// Prints `value` as one JSON object. A value that JSON cannot hold (a NaN or infinite number) is an error with
    /// a non-zero exit, never silence.
    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch let EncodingError.invalidValue(bad, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw JSONOutputError(field: field, value: "\(bad)")
        }
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

extension Terminal {
    /// The one progress line asset installations share.
    private static let assetLine = TerminalProgress()

    /// Shows asset installation progress on one updating stderr line: a bar with ETA while unpacking or hashing,
    /// the phase otherwise (occasional plain lines when stderr is not a terminal).
    static func assetProgress(_ p: AssetProgress) {
        if p.phase == .done && p.detail == "already installed" { return }  // nothing happened: nothing to say
        let note = p.detail.isEmpty ? "" : " — \(p.detail)"
        if p.phase == .done {
            assetLine.finish("\(p.asset): done\(note)")
        } else if let total = p.total, total > 0, p.phase == .unpacking || p.phase == .verifying {
            assetLine.update(ProgressBar(label: "\(p.asset): \(p.phase.rawValue)", completed: Double(p.completed),
                                         total: Double(total), unit: p.phase == .verifying ? .bytes : .count("files")))
        } else {
            assetLine.status("\(p.asset): \(p.phase.rawValue)\(note)")
        }
    }
}

/// A result that cannot be written as JSON (e.g. a NaN): the command fails with this one line.
struct JSONOutputError: Error, CustomStringConvertible {
    var field: String
    var value: String

    var description: String {
        "cannot write the result as JSON: \(field.isEmpty ? "a value" : "field '\(field)'") is \(value), which JSON cannot represent"
    }
}
