/// An expression node of the template AST, with the scalar offset of its source.
struct Expression: Sendable {
    /// A keyword argument `name=value` of a call, filter or test.
    struct Keyword: Sendable {
        let name: String
        let value: Expression
    }

    /// Arguments of a call, filter or test.
    struct Arguments: Sendable {
        var positional: [Expression] = []
        var keywords: [Keyword] = []
        static let none = Arguments()
    }

    /// A `key: value` entry of a dict literal.
    struct DictEntry: Sendable {
        let key: Expression
        let value: Expression
    }

    enum BinaryOperator: String, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%"
        case power = "**", concat = "~"
    }

    enum CompareOperator: String, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case contains = "in", notContains = "not in"
    }

    indirect enum Kind: Sendable {
        case none
        case bool(Bool)
        case integer(Int)
        case float(Double)
        case string(String)
        case name(String)
        case list([Expression])
        case tuple([Expression])
        case dict([DictEntry])
        /// `object.name`
        case attribute(Expression, String)
        /// `object[index]`
        case subscriptAccess(Expression, Expression)
        /// `object[start:stop:step]`
        case slice(Expression, Expression?, Expression?, Expression?)
        case call(Expression, Arguments)
        /// `value | name(args)`
        case filter(Expression, String, Arguments)
        /// `value is [not] name(args)`
        case test(Expression, String, Arguments, negated: Bool)
        case negate(Expression)
        case plus(Expression)
        case not(Expression)
        case and(Expression, Expression)
        case or(Expression, Expression)
        case binary(BinaryOperator, Expression, Expression)
        /// A comparison chain `a < b < c`.
        case compare(Expression, [(CompareOperator, Expression)])
        /// `then if condition else otherwise` (`otherwise` nil renders as undefined).
        case conditional(then: Expression, condition: Expression, otherwise: Expression?)
    }

    let kind: Kind
    let offset: Int
}
