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
    ///
    /// Every `--json` output and JSON file the CLI writes goes through ``jsonData(_:pretty:)``; no encoder error is
    /// swallowed. Where a number means "no value" (an undefined rate, a statistic of too few points) the result
    /// types hold an optional, which encodes as `null`; a NaN that still reaches the encoder is a bug upstream and
    /// is reported as this error, naming the field, rather than written as a number that is not one.
    static func printJSON<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(try jsonData(value) + Data("\n".utf8))
    }

    /// `value` as JSON with sorted keys and unescaped slashes (pretty-printed when asked); throws
    /// ``JSONOutputError`` naming the field when a value cannot be represented.
    static func jsonData<T: Encodable>(_ value: T, pretty: Bool = false) throws(JSONOutputError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
            : [.withoutEscapingSlashes, .sortedKeys]
        do {
            return try encoder.encode(value)
        } catch let EncodingError.invalidValue(bad, context) {
            throw JSONOutputError(field: JSONOutputError.path(context.codingPath), value: "\(bad)")
        } catch {
            throw JSONOutputError(field: "", value: "not encodable (\(error))")
        }
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
    /// Where in the result, e.g. `rows[2].score` (empty for the top level).
    var field: String
    var value: String

    var description: String {
        "cannot write the result as JSON: \(field.isEmpty ? "a value" : "field '\(field)'") is \(value), which JSON cannot represent"
    }

    /// A coding path as `key.key[index].key`.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == "\(index)" {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }
}
