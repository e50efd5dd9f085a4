/// Splits text into corpus segments: lines, or blank-line-separated paragraphs joined into one line.
///
/// Works on UTF-8 bytes (LF, CRLF and lone CR end lines) so that large files are cut quickly.
enum TextSegmenter {
    static func segments(_ text: String, _ segmentation: CorpusSource.Segmentation) -> [String] {
        switch segmentation {
        case .lines: lines(text)
        case .paragraphs: paragraphs(text)
        }
    }

    /// Every line, empty ones included (the writer drops lines without tokens).
    static func lines(_ text: String) -> [String] {
        var out: [String] = []
        forEachLine(text) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    /// Runs of non-blank lines, each joined with spaces.
    static func paragraphs(_ text: String) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        forEachLine(text) { line in
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }) {
                if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)); current.removeAll(keepingCapacity: true) }
            } else {
                if !current.isEmpty { current.append(0x20) }
                current.append(contentsOf: line)
            }
        }
        if !current.isEmpty { out.append(String(decoding: current, as: UTF8.self)) }
        return out
    }

    private static func forEachLine(_ text: String, _ body: (ArraySlice<UInt8>) -> Void) {
        let bytes = Array(text.utf8)
        var start = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                body(bytes[start ..< i])
                if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { body(bytes[start ..< bytes.count]) }
    }
}
