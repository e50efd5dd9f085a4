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
    /// Height of this expression tree (a literal is 1); bounds the evaluator's recursion.
    let depth: Int

    init(kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
        depth = 1 + Self.childDepth(kind)
    }

    private static func childDepth(_ kind: Kind) -> Int {
        func deepest(_ items: [Expression]) -> Int { items.map(\.depth).max() ?? 0 }
        func deepest(_ arguments: Arguments) -> Int {
            max(deepest(arguments.positional), arguments.keywords.map(\.value.depth).max() ?? 0)
        }
        switch kind {
        case .none, .bool, .integer, .float, .string, .name: return 0
        case .list(let items), .tuple(let items): return deepest(items)
        case .dict(let entries): return entries.map { max($0.key.depth, $0.value.depth) }.max() ?? 0
        case .attribute(let base, _): return base.depth
        case .subscriptAccess(let base, let index): return max(base.depth, index.depth)
        case .slice(let base, let start, let stop, let step):
            return max(base.depth, start?.depth ?? 0, stop?.depth ?? 0, step?.depth ?? 0)
        case .call(let callee, let arguments): return max(callee.depth, deepest(arguments))
        case .filter(let operand, _, let arguments), .test(let operand, _, let arguments, _):
            return max(operand.depth, deepest(arguments))
        case .negate(let operand), .plus(let operand), .not(let operand): return operand.depth
        case .and(let left, let right), .or(let left, let right), .binary(_, let left, let right):
            return max(left.depth, right.depth)
        case .compare(let first, let rest): return max(first.depth, rest.map(\.1.depth).max() ?? 0)
        case .conditional(let then, let condition, let otherwise):
            return max(then.depth, condition.depth, otherwise?.depth ?? 0)
        }
    }
}
