import Foundation

/// A plain word list: one word (or phrase) per line; blank lines and lines starting with `#` are skipped,
/// surrounding spaces trimmed, repeats dropped (first kept). Used for the value words an analysis looks at.
public enum WordList {
    /// Reads a word list; an empty list is an error.
    public static func read(path: String) throws(LexiconError) -> [String] {
        let file = try TextLines(path: path)
        var seen = Set<String>()
        var words: [String] = []
        for (_, line) in file.lines {
            let word = line.trimmingCharacters(in: .whitespaces)
            if word.isEmpty || word.hasPrefix("#") { continue }
            if seen.insert(word).inserted { words.append(word) }
        }
        guard !words.isEmpty else { throw .malformed(file: path, line: max(1, file.lines.count), reason: "the word list is empty") }
        return words
    }
}
