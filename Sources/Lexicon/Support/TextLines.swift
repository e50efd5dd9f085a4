import Foundation

/// The lines of a small UTF-8 text file, numbered from 1, without their `\n` or `\r\n` ends.
///
/// Used by the similarity data sets and the lexicons (WordNet has its own byte-level parser). A line that is not
/// valid UTF-8 is an error naming the file and line.
struct TextLines {
    /// The path used in error messages.
    let path: String
    /// Line number (1-based) and text, in file order; a final line without `\n` is included, an empty tail is not.
    let lines: [(number: Int, text: String)]

    init(path: String) throws(LexiconError) {
        try self.init(bytes: FileBytes.read(path), path: path)
    }

    init(bytes: [UInt8], path: String) throws(LexiconError) {
        self.path = path
        var lines: [(number: Int, text: String)] = []
        var start = 0
        var number = 0
        let count = bytes.count
        while start < count {
            number += 1
            var end = start
            while end < count && bytes[end] != 0x0A { end += 1 }
            var stop = end
            if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
            let slice = bytes[start ..< stop]
            // A byte-order mark at the very start is not part of the text.
            let body = number == 1 && slice.starts(with: [0xEF, 0xBB, 0xBF]) ? slice.dropFirst(3) : slice
            guard let text = String(validating: body, as: UTF8.self) else {
                throw .malformed(file: path, line: number, reason: "not valid UTF-8")
            }
            lines.append((number, text))
            start = end + 1
        }
        self.lines = lines
    }

    /// An error for line `number` of this file.
    func error(_ number: Int, _ reason: String) -> LexiconError {
        .malformed(file: path, line: number, reason: reason)
    }
}

/// A short, single-line rendering of user text for error messages.
func quoted(_ text: some StringProtocol, limit: Int = 40) -> String {
    var s = String(text.prefix(limit))
    if text.count > limit { s += "…" }
    s = s.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\r", with: "\\r")
    return "'" + s + "'"
}
