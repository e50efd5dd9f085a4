/// A statement node of the template AST, with the scalar offset of its tag.
struct Statement: Sendable {
    /// The left side of a `set` or a `for` target.
    enum Target: Sendable {
        /// `name`
        case name(String)
        /// `a, b` (tuple unpacking)
        case tuple([String])
        /// `namespace.attribute`
        case attribute(String, String)
    }

    /// One `if`/`elif` branch.
    struct Branch: Sendable {
        let condition: Expression
        let body: [Statement]
    }

    /// A macro parameter and its default value.
    struct Parameter: Sendable {
        let name: String
        let defaultValue: Expression?
    }

    /// One filter of a `{% filter %}` block.
    struct FilterCall: Sendable {
        let name: String
        let arguments: Expression.Arguments
        let offset: Int
    }

    indirect enum Kind: Sendable {
        case text(String)
        case output(Expression)
        case ifBlock([Branch], otherwise: [Statement])
        case forLoop(target: Target, iterable: Expression, filter: Expression?, body: [Statement], otherwise: [Statement])
        case set(Target, Expression)
        case setBlock(Target, body: [Statement], filters: [FilterCall])
        case macro(name: String, parameters: [Parameter], body: [Statement])
        case filterBlock([FilterCall], body: [Statement])
        case breakLoop
        case continueLoop
    }

    let kind: Kind
    let offset: Int
}
