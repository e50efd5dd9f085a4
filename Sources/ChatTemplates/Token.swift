/// One lexical token of a template, with the scalar offset where it starts.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Literal text between tags (whitespace control already applied).
        case text(String)
        /// `{{`
        case variableBegin
        /// `}}`
        case variableEnd
        /// `{%`
        case blockBegin
        /// `%}`
        case blockEnd
        /// An identifier or keyword.
        case name(String)
        /// A string literal, escapes decoded.
        case string(String)
        case integer(Int)
        case float(Double)
        /// An operator or punctuation: `+`, `//`, `==`, `(`, `|`, ...
        case op(String)
        case end
    }

    let kind: Kind
    let offset: Int

    /// Whether this is the name `word`.
    func isName(_ word: String) -> Bool {
        if case .name(let value) = kind { return value == word }
        return false
    }

    /// Whether this is the operator `symbol`.
    func isOp(_ symbol: String) -> Bool {
        if case .op(let value) = kind { return value == symbol }
        return false
    }

    /// A short human description for error messages.
    var display: String {
        switch kind {
        case .text: return "text"
        case .variableBegin: return "'{{'"
        case .variableEnd: return "'}}'"
        case .blockBegin: return "'{%'"
        case .blockEnd: return "'%}'"
        case .name(let value): return "'\(value)'"
        case .string: return "string literal"
        case .integer(let value): return "'\(value)'"
        case .float(let value): return "'\(value)'"
        case .op(let value): return "'\(value)'"
        case .end: return "end of template"
        }
    }
}
