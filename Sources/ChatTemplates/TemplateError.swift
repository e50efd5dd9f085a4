/// An error raised while parsing or rendering a chat template.
///
/// The description is always a single line naming the kind of failure and the `line:column` position in the
/// template source (1-based; columns count Unicode scalars).
public struct TemplateError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// The template source is malformed (found while parsing).
        case syntax
        /// Rendering failed: a type error, an undefined value used in a way that needs a value, a limit exceeded.
        case runtime
        /// The template itself called `raise_exception(message)`.
        case raised
    }

    /// The kind of failure.
    public let kind: Kind
    /// The message, without position (for `.raised`, exactly the template's own message).
    public let message: String
    /// 1-based line in the template source.
    public let line: Int
    /// 1-based column (in Unicode scalars) in the template source.
    public let column: Int

    /// Creates an error; normally only the template engine does this.
    public init(kind: Kind, message: String, line: Int, column: Int) {
        self.kind = kind
        self.message = message
        self.line = line
        self.column = column
    }

    /// One line: `chat template <kind> at <line>:<column>: <message>`.
    public var description: String {
        let what: String
        switch kind {
        case .syntax: what = "syntax error"
        case .runtime: what = "error"
        case .raised: what = "exception"
        }
        return "chat template \(what) at \(line):\(column): \(TemplateError.singleLine(message))"
    }

    /// Escapes line breaks so that a message always prints on one line.
    static func singleLine(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
