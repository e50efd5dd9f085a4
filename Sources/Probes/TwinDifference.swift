/// How a control twin differs from its implicit item: the places (spans of words) where their texts differ and the
/// share of words changed. A true twin changes one element — one place — and leaves the rest of the story as it is.
///
/// Both texts are split into lowercase words (letters, digits and apostrophes; punctuation is ignored) and aligned
/// by a longest common subsequence. Each run of unmatched words on either side is a difference; differences
/// separated by fewer than ``joinDistance`` matched words count as one place, so that "ask a guest to hold" →
/// "tie a broom handle to hold" is one change even though "a" and "to" happen to match inside it.
public struct TwinDifference: Sendable, Hashable {
    /// Differences closer than this many matched words are one place.
    public static let joinDistance = 3
    /// Most words a twin may change, as a share of the longer text's words.
    public static let maximumChangedShare = 0.35

    /// How many separate places differ (0 when the texts have the same words).
    public var places: Int
    /// Words changed (the larger side of each difference), over the longer text's word count.
    public var changedShare: Double

    /// Compares an implicit text with its control twin.
    public init(implicit: String, control: String) {
        let a = Self.words(implicit), b = Self.words(control)
        let n = a.count, m = b.count
        // lengths[i][j]: LCS of a[i...] and b[j...]
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var i = 0, j = 0, places = 0, changed = 0
        var pendingA = 0, pendingB = 0  // unmatched words of the difference being read
        var matchedSinceLast = Int.max  // matched words since the last difference
        func closeDifference() {
            guard pendingA + pendingB > 0 else { return }
            if matchedSinceLast >= Self.joinDistance { places += 1 }
            changed += max(pendingA, pendingB)
            pendingA = 0
            pendingB = 0
            matchedSinceLast = 0
        }
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                closeDifference()
                if matchedSinceLast != Int.max { matchedSinceLast += 1 }
                i += 1
                j += 1
            } else if j < m, i == n || lengths[i][j + 1] >= lengths[i + 1][j] {
                pendingB += 1
                j += 1
            } else {
                pendingA += 1
                i += 1
            }
        }
        closeDifference()
        self.places = places
        self.changedShare = Double(changed) / Double(max(1, n, m))
    }

    /// Whether the twin changes exactly one place and at most ``maximumChangedShare`` of the words.
    public var isSingleChange: Bool { places == 1 && changedShare <= Self.maximumChangedShare }

    /// The words of a text: lowercase runs of letters and digits, with inner apostrophes kept ("don't").
    static func words(_ text: String) -> [String] {
        var words: [String] = [], current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if (character == "'" || character == "’") && !current.isEmpty {
                current.append("'")
            } else if !current.isEmpty {
                words.append(current.hasSuffix("'") ? String(current.dropLast()) : current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.hasSuffix("'") ? String(current.dropLast()) : current) }
        return words
    }
}
