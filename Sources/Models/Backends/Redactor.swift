/// Removes secrets from text meant for people: every occurrence of a secret, and every run of 8 or more
/// characters copied from one (a provider that echoes part of a key), becomes `[REDACTED]`.
/// The text is also folded onto one line.
struct Redactor: Sendable, CustomStringConvertible, CustomReflectable {
    /// The shortest piece of a secret that is hidden on its own.
    static let minimumFragment = 8
    private let secrets: [[Character]]

    init(secrets: [String]) {
        self.secrets = secrets.filter { !$0.isEmpty }.map(Array.init)
    }

    var description: String { "Redactor(\(secrets.count) secrets)" }
    var customMirror: Mirror { Mirror(self, children: [:]) }

    func callAsFunction(_ text: String) -> String {
        let oneLine = Self.singleLine(text)
        guard !secrets.isEmpty else { return oneLine }
        let chars = Array(oneLine)
        var out = ""
        var i = 0
        while i < chars.count {
            let run = longestSecretRun(in: chars, at: i)
            if run > 0 {
                out += "[REDACTED]"
                i += run
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    /// Length of the longest run starting at `start` that is a substring of some secret (0 if under the
    /// fragment threshold, unless it is a whole short secret).
    private func longestSecretRun(in chars: [Character], at start: Int) -> Int {
        var best = 0
        for secret in secrets {
            let threshold = min(Self.minimumFragment, secret.count)
            for offset in secret.indices where secret[offset] == chars[start] {
                var n = 0
                while offset + n < secret.count, start + n < chars.count, secret[offset + n] == chars[start + n] {
                    n += 1
                }
                if n >= threshold, n > best { best = n }
            }
        }
        return best
    }

    /// Collapses every run of whitespace (newlines included) into one space and trims the ends.
    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }
}
