import Foundation

/// An action phrase ("help my neighbour") with its known moral polarity, for fitting a ``MoralDirection``.
public struct MoralAction: Sendable, Equatable, Hashable {
    public let text: String
    /// True for an action people broadly approve of ("do"), false for one they condemn ("don't").
    public let isPositive: Bool

    public init(_ text: String, isPositive: Bool) {
        self.text = text
        self.isPositive = isPositive
    }

    /// The built-in fitting set: 20 clearly positive and 20 clearly negative everyday actions, as atomic verbs
    /// (as in the paper, whose fitting set is 64 such verbs). Phrases with objects ("help my neighbour") are
    /// worse for fitting: their first principal component follows the objects' topics rather than morality.
    public static let builtIn: [MoralAction] =
        positiveVerbs.map { MoralAction($0, isPositive: true) } + negativeVerbs.map { MoralAction($0, isPositive: false) }

    static let positiveVerbs = [
        "help", "thank", "smile", "greet", "hug", "comfort", "share", "apologize", "forgive", "volunteer",
        "donate", "celebrate", "welcome", "compliment", "congratulate", "encourage", "care", "cheer", "appreciate", "praise",
    ]

    static let negativeVerbs = [
        "kill", "steal", "lie", "cheat", "torture", "bully", "insult", "poison", "murder", "harm",
        "rob", "attack", "betray", "slander", "mock", "threaten", "vandalize", "pollute", "abuse", "humiliate",
    ]

    /// Reads a fitting set: one action per line, starting with `+` (positive) or `-` (negative); blank lines
    /// and lines starting with `#` are skipped. Errors name the line.
    public static func parseList(_ text: String, source: String = "<actions>") throws(EmbeddingError) -> [MoralAction] {
        var out: [MoralAction] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let sign = line.first!
            guard sign == "+" || sign == "-" else {
                throw .malformed("\(source):\(n + 1): expected '+ action' or '- action', got '\(line.prefix(40))'")
            }
            let action = line.dropFirst().trimmingCharacters(in: .whitespaces)
            guard !action.isEmpty else { throw .malformed("\(source):\(n + 1): the action is empty") }
            out.append(MoralAction(action, isPositive: sign == "+"))
        }
        return out
    }
}
