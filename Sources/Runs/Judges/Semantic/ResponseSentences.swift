import Foundation

/// A response cut into the sentences the `semantic` judge compares with its exemplars.
///
/// Lines are split first (a list item or heading is its own unit), then each line at sentence-ending punctuation
/// (`.`, `!`, `?`, `;` followed by a space) and at a colon followed by a space ("One thought first: …"). Markdown
/// decorations (bullets, numbers, `>`, `**`, `#`) are removed. Fragments with fewer than two letters are dropped.
/// At most ``limit`` sentences are kept (the rest of a very long or looping answer adds nothing new).
public struct ResponseSentences: Sendable, Equatable {
    /// One sentence of the response.
    public struct Sentence: Sendable, Equatable {
        /// The sentence, without markdown decoration.
        public var text: String
        /// Whether it came from a structured line: bulleted, numbered, a heading (`#`) or a quote (`>`).
        public var isListItem: Bool
        /// Its position in the response, 0 (first) … 1 (last).
        public var position: Double
    }

    /// Most sentences kept.
    public static let limit = 48

    /// The sentences, in order.
    public var sentences: [Sentence]
    /// Structured lines of the response: bulleted or numbered list items, headings and quotes (the head was
    /// fitted with this count; a plain prose line is never counted).
    public var listLines: Int
    /// Non-empty lines of the response.
    public var lines: Int

    /// Splits `text`.
    public init(_ text: String) {
        var units: [(String, Bool)] = []
        var listLines = 0
        var lineCount = 0
        for rawLine in text.split(whereSeparator: \.isNewline) {
            var line = String(rawLine).trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            lineCount += 1
            let stripped = Self.stripListMarker(line)
            let isList = stripped != line
            if isList { listLines += 1 }
            line = stripped.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
            for piece in Self.splitLine(line) {
                let trimmed = piece.trimmingCharacters(in: .whitespaces)
                if trimmed.unicodeScalars.filter({ CharacterSet.letters.contains($0) }).count >= 2 {
                    units.append((trimmed, isList))
                }
            }
        }
        let kept = units.prefix(Self.limit)
        let count = kept.count
        sentences = kept.enumerated().map { index, unit in
            Sentence(text: unit.0, isListItem: unit.1, position: count > 1 ? Double(index) / Double(count - 1) : 0)
        }
        self.listLines = listLines
        self.lines = lineCount
    }

    /// The line without a leading bullet, number, quote marker or heading marks (unchanged when it has none).
    static func stripListMarker(_ line: String) -> String {
        var scalars = Substring(line)
        // Headings and quotes are not list items, but their markers go.
        if scalars.hasPrefix("#") || scalars.hasPrefix(">") {
            return String(scalars.drop(while: { $0 == "#" || $0 == ">" || $0 == " " }))
        }
        if let first = scalars.first, "-*•–".contains(first), scalars.dropFirst().first == " " {
            return String(scalars.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        }
        let digits = scalars.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 3 {
            scalars = scalars.dropFirst(digits.count)
            if let mark = scalars.first, mark == "." || mark == ")", scalars.dropFirst().first == " " {
                return String(scalars.dropFirst(2)).trimmingCharacters(in: .whitespaces)
            }
        }
        return line
    }

    /// Splits one line at sentence ends.
    static func splitLine(_ line: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        let characters = Array(line)
        for (i, character) in characters.enumerated() {
            current.append(character)
            let next = i + 1 < characters.count ? characters[i + 1] : nil
            let endsSentence: Bool
            switch character {
            case ".", "!", "?", ";":
                endsSentence = next == nil || next == " "
                // "e.g. ", "i.e. ", "Dr. ", a decimal point: not sentence ends.
                if character == ".", endsSentence, next != nil {
                    let word = current.split(separator: " ").last.map(String.init) ?? ""
                    if ["e.g.", "i.e.", "etc.", "vs.", "Dr.", "Mr.", "Mrs.", "Ms.", "St."].contains(word) { continue }
                }
            case ":":
                // "One thought first: …", "Here's how: …": the introduction is its own unit.
                endsSentence = next == nil || next == " "
            default:
                endsSentence = false
            }
            if endsSentence {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
