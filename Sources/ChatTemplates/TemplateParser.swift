/// Recursive-descent parser from tokens to the statement AST, following Jinja's grammar and operator precedence:
/// conditional < `or` < `and` < `not` < comparisons < `+ -` < `~` < `* / // %` < `**` < unary `- +`
/// < primary with postfix (`.`, `[]`, `()`) and filters/tests (`|`, `is`).
struct TemplateParser {
    private let tokens: [Token]
    private let map: SourceMap
    private var index = 0
    private var loopDepth = 0
    private var nesting = 0
    /// Deepest expression/statement nesting accepted; keeps recursion far from the stack limit.
    static let maxNesting = 64

    init(tokens: [Token], map: SourceMap) {
        self.tokens = tokens
        self.map = map
    }

    // MARK: - Token helpers

    private var current: Token { tokens[min(index, tokens.count - 1)] }

    private func peek(_ ahead: Int = 1) -> Token { tokens[min(index + ahead, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func error(_ message: String, at offset: Int? = nil) -> TemplateError {
        map.error(.syntax, message, at: offset ?? current.offset)
    }

    private mutating func expectOp(_ symbol: String) throws {
        guard current.isOp(symbol) else { throw error("expected '\(symbol)', found \(current.display)") }
        _ = advance()
    }

    private mutating func expectName() throws -> String {
        guard case .name(let name) = current.kind else { throw error("expected a name, found \(current.display)") }
        _ = advance()
        return name
    }

    private mutating func acceptOp(_ symbol: String) -> Bool {
        if current.isOp(symbol) { _ = advance(); return true }
        return false
    }

    private mutating func acceptName(_ word: String) -> Bool {
        if current.isName(word) { _ = advance(); return true }
        return false
    }

    private mutating func expectBlockEnd() throws {
        guard current.kind == .blockEnd else { throw error("expected '%}', found \(current.display)") }
        _ = advance()
    }

    private mutating func enter(at offset: Int) throws {
        nesting += 1
        if nesting > Self.maxNesting { throw error("template nested too deeply", at: offset) }
    }

    // MARK: - Statements

    /// Parses the whole template.
    mutating func parseTemplate() throws -> [Statement] {
        let (body, _) = try parseBody(until: [], opener: nil)
        return body
    }

    /// Parses statements until a block tag named in `endTags` (left unconsumed after `{%`), or the end.
    private mutating func parseBody(until endTags: Set<String>, opener: (String, Int)?) throws -> ([Statement], String) {
        var body: [Statement] = []
        while true {
            let token = current
            switch token.kind {
            case .text(let text):
                _ = advance()
                body.append(Statement(kind: .text(text), offset: token.offset))
            case .variableBegin:
                _ = advance()
                let expression = try parseExpression()
                guard current.kind == .variableEnd else { throw error("expected '}}', found \(current.display)") }
                _ = advance()
                body.append(Statement(kind: .output(expression), offset: token.offset))
            case .blockBegin:
                _ = advance()
                guard case .name(let tag) = current.kind else { throw error("expected a tag name, found \(current.display)") }
                if endTags.contains(tag) {
                    return (body, tag)
                }
                body.append(try parseStatement(tag: tag, at: token.offset))
            case .end:
                if let (name, offset) = opener {
                    let wanted = endTags.sorted().map { "'\($0)'" }.joined(separator: " or ")
                    throw error("unterminated '\(name)' block: expected \(wanted) before the end of the template", at: offset)
                }
                return (body, "")
            default:
                throw error("unexpected \(token.display)")
            }
        }
    }

    private static let endTagNames: Set<String> = [
        "endif", "elif", "else", "endfor", "endset", "endmacro", "endfilter", "endgeneration", "endcall", "endraw",
    ]

    private mutating func parseStatement(tag: String, at offset: Int) throws -> Statement {
        try enter(at: offset)
        defer { nesting -= 1 }
        _ = advance()
        switch tag {
        case "if": return try parseIf(at: offset)
        case "for": return try parseFor(at: offset)
        case "set": return try parseSet(at: offset)
        case "macro": return try parseMacro(at: offset)
        case "filter": return try parseFilterBlock(at: offset)
        case "generation":
            // Hugging Face's assistant-mask marker: renders its body unchanged.
            try expectBlockEnd()
            let (body, _) = try parseBody(until: ["endgeneration"], opener: ("generation", offset))
            try closeTag()
            return Statement(kind: .ifBlock([Branch(condition: Expression(kind: .bool(true), offset: offset), body: body)], otherwise: []), offset: offset)
        case "break", "continue":
            guard loopDepth > 0 else { throw error("'\(tag)' outside of a loop", at: offset) }
            try expectBlockEnd()
            return Statement(kind: tag == "break" ? .breakLoop : .continueLoop, offset: offset)
        default:
            if Self.endTagNames.contains(tag) { throw error("unexpected '\(tag)'", at: offset) }
            throw error("unknown or unsupported tag '\(tag)'", at: offset)
        }
    }

    private typealias Branch = Statement.Branch

    /// Consumes the end tag's name and `%}` (the `{%` was consumed by `parseBody`).
    private mutating func closeTag() throws {
        _ = advance()
        try expectBlockEnd()
    }

    private mutating func parseIf(at offset: Int) throws -> Statement {
        var branches: [Branch] = []
        var condition = try parseExpression()
        try expectBlockEnd()
        while true {
            let (body, end) = try parseBody(until: ["elif", "else", "endif"], opener: ("if", offset))
            branches.append(Branch(condition: condition, body: body))
            switch end {
            case "elif":
                _ = advance()
                condition = try parseExpression()
                try expectBlockEnd()
            case "else":
                _ = advance()
                try expectBlockEnd()
                let (otherwise, _) = try parseBody(until: ["endif"], opener: ("if", offset))
                try closeTag()
                return Statement(kind: .ifBlock(branches, otherwise: otherwise), offset: offset)
            default:
                try closeTag()
                return Statement(kind: .ifBlock(branches, otherwise: []), offset: offset)
            }
        }
    }

    /// `name`, `a, b` or `(a, b)`.
    private mutating func parseTargetNames() throws -> Statement.Target {
        let parenthesized = acceptOp("(")
        var names = [try expectName()]
        var isTuple = parenthesized
        while acceptOp(",") {
            isTuple = true
            if case .name = current.kind { names.append(try expectName()) } else { break }
        }
        if parenthesized { try expectOp(")") }
        return isTuple ? .tuple(names) : .name(names[0])
    }

    private mutating func parseFor(at offset: Int) throws -> Statement {
        let target = try parseTargetNames()
        guard acceptName("in") else { throw error("expected 'in' in for loop, found \(current.display)") }
        let iterable = try parseTupleOrExpression(allowConditional: false)
        var filter: Expression?
        if acceptName("if") { filter = try parseExpression() }
        if current.isName("recursive") { throw error("recursive loops are not supported") }
        try expectBlockEnd()
        loopDepth += 1
        let (body, end) = try parseBody(until: ["else", "endfor"], opener: ("for", offset))
        loopDepth -= 1
        var otherwise: [Statement] = []
        if end == "else" {
            _ = advance()
            try expectBlockEnd()
            (otherwise, _) = try parseBody(until: ["endfor"], opener: ("for", offset))
        }
        try closeTag()
        return Statement(kind: .forLoop(target: target, iterable: iterable, filter: filter, body: body, otherwise: otherwise), offset: offset)
    }

    private mutating func parseSet(at offset: Int) throws -> Statement {
        let target: Statement.Target
        if case .name(let first) = current.kind, peek().isOp(".") {
            _ = advance()
            _ = advance()
            target = .attribute(first, try expectName())
        } else {
            target = try parseTargetNames()
        }
        if acceptOp("=") {
            let value = try parseTupleOrExpression(allowConditional: true)
            try expectBlockEnd()
            return Statement(kind: .set(target, value), offset: offset)
        }
        var filters: [Statement.FilterCall] = []
        while acceptOp("|") { filters.append(try parseFilterCall()) }
        try expectBlockEnd()
        let (body, _) = try parseBody(until: ["endset"], opener: ("set", offset))
        try closeTag()
        return Statement(kind: .setBlock(target, body: body, filters: filters), offset: offset)
    }

    private mutating func parseMacro(at offset: Int) throws -> Statement {
        let name = try expectName()
        try expectOp("(")
        var parameters: [Statement.Parameter] = []
        var sawDefault = false
        while !current.isOp(")") {
            let parameterOffset = current.offset
            let parameter = try expectName()
            var defaultValue: Expression?
            if acceptOp("=") {
                defaultValue = try parseExpression()
                sawDefault = true
            } else if sawDefault {
                throw error("non-default macro parameter '\(parameter)' follows a default one", at: parameterOffset)
            }
            parameters.append(Statement.Parameter(name: parameter, defaultValue: defaultValue))
            if !acceptOp(",") { break }
        }
        try expectOp(")")
        try expectBlockEnd()
        let savedLoopDepth = loopDepth
        loopDepth = 0
        let (body, _) = try parseBody(until: ["endmacro"], opener: ("macro", offset))
        loopDepth = savedLoopDepth
        try closeTag()
        return Statement(kind: .macro(name: name, parameters: parameters, body: body), offset: offset)
    }

    private mutating func parseFilterCall() throws -> Statement.FilterCall {
        let offset = current.offset
        let name = try expectName()
        guard FilterLibrary.names.contains(name) else { throw error("unknown filter '\(name)'", at: offset) }
        var arguments = Expression.Arguments.none
        if current.isOp("(") { arguments = try parseCallArguments() }
        return Statement.FilterCall(name: name, arguments: arguments, offset: offset)
    }

    private mutating func parseFilterBlock(at offset: Int) throws -> Statement {
        var filters = [try parseFilterCall()]
        while acceptOp("|") { filters.append(try parseFilterCall()) }
        try expectBlockEnd()
        let (body, _) = try parseBody(until: ["endfilter"], opener: ("filter", offset))
        try closeTag()
        return Statement(kind: .filterBlock(filters, body: body), offset: offset)
    }

    // MARK: - Expressions

    /// An expression, or a bare tuple `a, b` (as on the right of `set` or after `for ... in`).
    private mutating func parseTupleOrExpression(allowConditional: Bool) throws -> Expression {
        let offset = current.offset
        let first = allowConditional ? try parseExpression() : try parseOr()
        if first.depth > Self.maxExpressionDepth { throw error("expression nested too deeply", at: offset) }
        guard current.isOp(",") else { return first }
        var items = [first]
        while acceptOp(",") {
            if current.kind == .blockEnd || current.isName("if") { break }
            items.append(allowConditional ? try parseExpression() : try parseOr())
        }
        let tuple = Expression(kind: .tuple(items), offset: offset)
        if tuple.depth > Self.maxExpressionDepth { throw error("expression nested too deeply", at: offset) }
        return tuple
    }

    /// Tallest expression tree accepted (long operator or filter chains nest without parser recursion).
    static let maxExpressionDepth = 160

    mutating func parseExpression() throws -> Expression {
        try enter(at: current.offset)
        defer { nesting -= 1 }
        let start = current.offset
        let result = try parseConditional()
        if result.depth > Self.maxExpressionDepth { throw error("expression nested too deeply", at: start) }
        return result
    }

    private mutating func parseConditional() throws -> Expression {
        var result = try parseOr()
        while current.isName("if") {
            let offset = current.offset
            _ = advance()
            let condition = try parseOr()
            var otherwise: Expression?
            if acceptName("else") { otherwise = try parseExpression() }
            result = Expression(kind: .conditional(then: result, condition: condition, otherwise: otherwise), offset: offset)
        }
        return result
    }

    private mutating func parseOr() throws -> Expression {
        var left = try parseAnd()
        while current.isName("or") {
            let offset = advance().offset
            left = Expression(kind: .or(left, try parseAnd()), offset: offset)
        }
        return left
    }

    private mutating func parseAnd() throws -> Expression {
        var left = try parseNot()
        while current.isName("and") {
            let offset = advance().offset
            left = Expression(kind: .and(left, try parseNot()), offset: offset)
        }
        return left
    }

    private mutating func parseNot() throws -> Expression {
        if current.isName("not") {
            let offset = advance().offset
            try enter(at: offset)
            defer { nesting -= 1 }
            return Expression(kind: .not(try parseNot()), offset: offset)
        }
        return try parseCompare()
    }

    private mutating func parseCompare() throws -> Expression {
        let first = try parseMath1()
        var rest: [(Expression.CompareOperator, Expression)] = []
        while true {
            let op: Expression.CompareOperator
            if case .op(let symbol) = current.kind, let found = Expression.CompareOperator(rawValue: symbol), symbol != "in" {
                op = found
                _ = advance()
            } else if current.isName("in") {
                op = .contains
                _ = advance()
            } else if current.isName("not"), peek().isName("in") {
                op = .notContains
                _ = advance()
                _ = advance()
            } else {
                break
            }
            rest.append((op, try parseMath1()))
        }
        return rest.isEmpty ? first : Expression(kind: .compare(first, rest), offset: first.offset)
    }

    private mutating func parseMath1() throws -> Expression {
        var left = try parseConcat()
        while current.isOp("+") || current.isOp("-") {
            let token = advance()
            let op: Expression.BinaryOperator = token.isOp("+") ? .add : .subtract
            left = Expression(kind: .binary(op, left, try parseConcat()), offset: token.offset)
        }
        return left
    }

    private mutating func parseConcat() throws -> Expression {
        var left = try parseMath2()
        while current.isOp("~") {
            let offset = advance().offset
            left = Expression(kind: .binary(.concat, left, try parseMath2()), offset: offset)
        }
        return left
    }

    private mutating func parseMath2() throws -> Expression {
        var left = try parsePower()
        while true {
            guard case .op(let symbol) = current.kind, ["*", "/", "//", "%"].contains(symbol),
                  let op = Expression.BinaryOperator(rawValue: symbol) else { break }
            let offset = advance().offset
            left = Expression(kind: .binary(op, left, try parsePower()), offset: offset)
        }
        return left
    }

    private mutating func parsePower() throws -> Expression {
        var left = try parseUnary(withFilters: true)
        while current.isOp("**") {
            let offset = advance().offset
            left = Expression(kind: .binary(.power, left, try parseUnary(withFilters: true)), offset: offset)
        }
        return left
    }

    private mutating func parseUnary(withFilters: Bool) throws -> Expression {
        let offset = current.offset
        var node: Expression
        if current.isOp("-") || current.isOp("+") {
            let negative = advance().isOp("-")
            try enter(at: offset)
            defer { nesting -= 1 }
            let operand = try parseUnary(withFilters: false)
            node = Expression(kind: negative ? .negate(operand) : .plus(operand), offset: offset)
        } else {
            node = try parsePostfix(try parsePrimary())
        }
        if withFilters { node = try parseFiltersAndTests(node) }
        return node
    }

    private mutating func parsePrimary() throws -> Expression {
        let token = current
        switch token.kind {
        case .name(let name):
            _ = advance()
            switch name {
            case "true", "True": return Expression(kind: .bool(true), offset: token.offset)
            case "false", "False": return Expression(kind: .bool(false), offset: token.offset)
            case "none", "None": return Expression(kind: .none, offset: token.offset)
            default: return Expression(kind: .name(name), offset: token.offset)
            }
        case .string(var text):
            _ = advance()
            while case .string(let more) = current.kind {
                text += more
                _ = advance()
            }
            return Expression(kind: .string(text), offset: token.offset)
        case .integer(let value):
            _ = advance()
            return Expression(kind: .integer(value), offset: token.offset)
        case .float(let value):
            _ = advance()
            return Expression(kind: .float(value), offset: token.offset)
        case .op("("):
            _ = advance()
            if acceptOp(")") { return Expression(kind: .tuple([]), offset: token.offset) }
            let first = try parseExpression()
            if acceptOp(")") { return first }
            var items = [first]
            while acceptOp(",") {
                if current.isOp(")") { break }
                items.append(try parseExpression())
            }
            try expectOp(")")
            return Expression(kind: .tuple(items), offset: token.offset)
        case .op("["):
            _ = advance()
            var items: [Expression] = []
            while !current.isOp("]") {
                items.append(try parseExpression())
                if !acceptOp(",") { break }
            }
            try expectOp("]")
            return Expression(kind: .list(items), offset: token.offset)
        case .op("{"):
            _ = advance()
            var entries: [Expression.DictEntry] = []
            while !current.isOp("}") {
                let key = try parseExpression()
                try expectOp(":")
                entries.append(Expression.DictEntry(key: key, value: try parseExpression()))
                if !acceptOp(",") { break }
            }
            try expectOp("}")
            return Expression(kind: .dict(entries), offset: token.offset)
        default:
            throw error("unexpected \(token.display) in expression")
        }
    }

    private mutating func parsePostfix(_ base: Expression) throws -> Expression {
        var node = base
        while true {
            let token = current
            if token.isOp(".") {
                _ = advance()
                switch current.kind {
                case .name(let name):
                    _ = advance()
                    node = Expression(kind: .attribute(node, name), offset: token.offset)
                case .integer(let value):
                    _ = advance()
                    node = Expression(kind: .subscriptAccess(node, Expression(kind: .integer(value), offset: token.offset)), offset: token.offset)
                default:
                    throw error("expected an attribute name after '.', found \(current.display)")
                }
            } else if token.isOp("[") {
                _ = advance()
                node = try parseSubscript(node, at: token.offset)
            } else if token.isOp("(") {
                node = Expression(kind: .call(node, try parseCallArguments()), offset: token.offset)
            } else {
                return node
            }
        }
    }

    private mutating func parseSubscript(_ base: Expression, at offset: Int) throws -> Expression {
        var parts: [Expression?] = []
        var current: Expression? = nil
        var isSlice = false
        while true {
            if self.current.isOp(":") {
                _ = advance()
                parts.append(current)
                current = nil
                isSlice = true
                continue
            }
            if self.current.isOp("]") {
                _ = advance()
                break
            }
            guard current == nil else { throw error("expected ']' or ':', found \(self.current.display)") }
            current = try parseExpression()
        }
        parts.append(current)
        if !isSlice {
            guard let index = parts[0] else { throw error("empty subscript", at: offset) }
            return Expression(kind: .subscriptAccess(base, index), offset: offset)
        }
        guard parts.count <= 3 else { throw error("too many ':' in slice", at: offset) }
        while parts.count < 3 { parts.append(nil) }
        return Expression(kind: .slice(base, parts[0], parts[1], parts[2]), offset: offset)
    }

    /// `( positional..., name=value... )`
    private mutating func parseCallArguments() throws -> Expression.Arguments {
        try expectOp("(")
        var arguments = Expression.Arguments()
        while !current.isOp(")") {
            if current.isOp("*") || current.isOp("**") { throw error("argument unpacking is not supported") }
            if case .name(let name) = current.kind, peek().isOp("=") {
                _ = advance()
                _ = advance()
                arguments.keywords.append(Expression.Keyword(name: name, value: try parseExpression()))
            } else {
                guard arguments.keywords.isEmpty else { throw error("positional argument follows keyword argument") }
                arguments.positional.append(try parseExpression())
            }
            if !acceptOp(",") { break }
        }
        try expectOp(")")
        return arguments
    }

    private mutating func parseFiltersAndTests(_ base: Expression) throws -> Expression {
        var node = base
        while true {
            let token = current
            if token.isOp("|") {
                _ = advance()
                let call = try parseFilterCall()
                node = Expression(kind: .filter(node, call.name, call.arguments), offset: call.offset)
            } else if token.isName("is") {
                _ = advance()
                let negated = acceptName("not")
                let nameOffset = current.offset
                let name = try expectName()
                guard TestLibrary.names.contains(name) else { throw error("unknown test '\(name)'", at: nameOffset) }
                var arguments = Expression.Arguments.none
                if current.isOp("(") {
                    arguments = try parseCallArguments()
                } else if startsTestArgument(current) {
                    arguments.positional = [try parsePostfix(try parsePrimary())]
                }
                node = Expression(kind: .test(node, name, arguments, negated: negated), offset: nameOffset)
            } else {
                return node
            }
        }
    }

    /// Jinja accepts one bare primary argument after a test name: `x is divisibleby 3`.
    private func startsTestArgument(_ token: Token) -> Bool {
        switch token.kind {
        case .name(let name): return !["else", "or", "and", "if", "is", "in", "not"].contains(name)
        case .string, .integer, .float: return true
        case .op(let symbol): return symbol == "[" || symbol == "{"
        default: return false
        }
    }
}
