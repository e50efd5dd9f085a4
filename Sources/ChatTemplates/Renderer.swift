import Foundation

/// Executes a parsed template: statements write to an output string, expressions evaluate to `Value`s.
/// Every failure is thrown as a `TemplateError` located at the node that caused it.
final class Renderer {
    enum Flow { case normal, breakLoop, continueLoop }

    private let map: SourceMap
    private let options: TemplateOptions
    private var iterations = 0
    private var callDepth = 0

    init(map: SourceMap, options: TemplateOptions) {
        self.map = map
        self.options = options
    }

    private var limit: Int { options.maxValueLength }

    /// Renders `statements` with `context` as the top-level variables (over the global functions).
    func render(_ statements: [Statement], context: [String: TemplateValue]) throws -> String {
        var globals: [String: Value] = [:]
        for function in BuiltinFunction.allCases { globals[function.rawValue] = .function(function) }
        var variables: [String: Value] = [:]
        for (name, value) in context { variables[name] = Value(value) }
        let top = Scope(variables, parent: Scope(globals, parent: nil))
        var out = ""
        _ = try execute(statements, scope: top, into: &out)
        return out
    }

    // MARK: - Errors

    private func failure(_ message: String, at offset: Int) -> TemplateError {
        map.error(.runtime, message, at: offset)
    }

    /// Runs `body`, turning an `EvalFailure` into a `TemplateError` at `offset`.
    private func located<T>(_ offset: Int, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as EvalFailure {
            throw self.failure(failure.message, at: offset)
        }
    }

    private func append(_ piece: String, to out: inout String, at offset: Int) throws {
        out += piece
        if out.utf8.count > limit { throw failure("output too large (over \(limit) bytes)", at: offset) }
    }

    // MARK: - Statements

    func execute(_ statements: [Statement], scope: Scope, into out: inout String) throws -> Flow {
        for statement in statements {
            let offset = statement.offset
            switch statement.kind {
            case .text(let text):
                try append(text, to: &out, at: offset)
            case .output(let expression):
                try append(PythonText.str(try evaluate(expression, scope)), to: &out, at: offset)
            case .ifBlock(let branches, let otherwise):
                var body = otherwise
                for branch in branches where try evaluate(branch.condition, scope).isTruthy {
                    body = branch.body
                    break
                }
                let flow = try execute(body, scope: scope, into: &out)
                if flow != .normal { return flow }
            case .forLoop(let target, let iterable, let filter, let body, let otherwise):
                let flow = try runLoop(target, iterable, filter, body, otherwise, scope: scope, into: &out, at: offset)
                if flow != .normal { return flow }
            case .set(let target, let expression):
                try assign(target, try evaluate(expression, scope), in: scope, at: offset)
            case .setBlock(let target, let body, let filters):
                var captured = ""
                let flow = try execute(body, scope: scope, into: &captured)
                if flow != .normal { return flow }
                try assign(target, try applyFilters(filters, to: .string(captured), scope: scope), in: scope, at: offset)
            case .macro(let name, let parameters, let body):
                scope.assign(name, .macro(Macro(name: name, parameters: parameters, body: body, scope: scope)))
            case .filterBlock(let filters, let body):
                var captured = ""
                let flow = try execute(body, scope: scope, into: &captured)
                if flow != .normal { return flow }
                try append(PythonText.str(try applyFilters(filters, to: .string(captured), scope: scope)), to: &out, at: offset)
            case .breakLoop:
                return .breakLoop
            case .continueLoop:
                return .continueLoop
            }
        }
        return .normal
    }

    private func countIteration(at offset: Int) throws {
        iterations += 1
        if iterations > options.maxLoopIterations {
            throw failure("too many loop iterations (over \(options.maxLoopIterations))", at: offset)
        }
    }

    private func runLoop(
        _ target: Statement.Target, _ iterable: Expression, _ filter: Expression?, _ body: [Statement],
        _ otherwise: [Statement], scope: Scope, into out: inout String, at offset: Int
    ) throws -> Flow {
        let source = try evaluate(iterable, scope)
        var items = try located(iterable.offset) { try ValueAccess.iterate(source) }
        if let filter {
            var kept: [Value] = []
            for item in items {
                try countIteration(at: offset)
                let local = Scope(parent: scope)
                try bind(target, item, in: local, at: offset)
                if try evaluate(filter, local).isTruthy { kept.append(item) }
            }
            items = kept
        }
        if items.isEmpty {
            return try execute(otherwise, scope: scope, into: &out)
        }
        let state = LoopState(items: items)
        for (position, item) in items.enumerated() {
            try countIteration(at: offset)
            state.index0 = position
            let local = Scope(["loop": .loop(state)], parent: scope)
            try bind(target, item, in: local, at: offset)
            if try execute(body, scope: local, into: &out) == .breakLoop { break }
        }
        return .normal
    }

    /// Binds a loop target (a name or a tuple of names) in `scope`.
    private func bind(_ target: Statement.Target, _ value: Value, in scope: Scope, at offset: Int) throws {
        switch target {
        case .name(let name):
            scope.assign(name, value)
        case .tuple(let names):
            let parts: [Value]
            switch value {
            case .list(let box): parts = box.items
            case .string, .dict: parts = try located(offset) { try ValueAccess.iterate(value) }
            default: throw failure("cannot unpack non-iterable \(value.typeName) object", at: offset)
            }
            guard parts.count == names.count else {
                throw failure("cannot unpack \(parts.count) values into \(names.count) names", at: offset)
            }
            for (name, part) in zip(names, parts) { scope.assign(name, part) }
        case .attribute:
            throw failure("invalid loop target", at: offset)
        }
    }

    private func assign(_ target: Statement.Target, _ value: Value, in scope: Scope, at offset: Int) throws {
        switch target {
        case .name, .tuple:
            try bind(target, value, in: scope, at: offset)
        case .attribute(let name, let attribute):
            guard case .namespace(let box)? = scope.lookup(name) else {
                throw failure("cannot assign attribute '\(attribute)' on '\(name)': not a namespace", at: offset)
            }
            box.set(.string(attribute), value)
        }
    }

    private func applyFilters(_ filters: [Statement.FilterCall], to value: Value, scope: Scope) throws -> Value {
        var result = value
        for filter in filters {
            let arguments = try evaluateArguments(filter.arguments, scope)
            let input = result
            result = try located(filter.offset) { try FilterLibrary.apply(filter.name, input, arguments, limit: limit) }
        }
        return result
    }

    // MARK: - Expressions

    private func evaluateArguments(_ arguments: Expression.Arguments, _ scope: Scope) throws -> CallArguments {
        var result = CallArguments()
        for expression in arguments.positional { result.positional.append(try evaluate(expression, scope)) }
        for keyword in arguments.keywords { result.keywords.append((keyword.name, try evaluate(keyword.value, scope))) }
        return result
    }

    func evaluate(_ expression: Expression, _ scope: Scope) throws -> Value {
        let offset = expression.offset
        switch expression.kind {
        case .none: return .none
        case .bool(let flag): return .bool(flag)
        case .integer(let number): return .int(number)
        case .float(let number): return .double(number)
        case .string(let text): return .string(text)
        case .name(let name):
            return scope.lookup(name) ?? .undefined("'\(name)' is undefined")
        case .list(let items):
            return Value.makeList(try items.map { try evaluate($0, scope) })
        case .tuple(let items):
            return Value.makeTuple(try items.map { try evaluate($0, scope) })
        case .dict(let entries):
            let box = DictBox()
            for entry in entries {
                let key = try evaluate(entry.key, scope)
                guard box.set(key, try evaluate(entry.value, scope)) else {
                    throw failure("unhashable dict key of type '\(key.typeName)'", at: entry.key.offset)
                }
            }
            return .dict(box)
        case .attribute(let base, let name):
            let object = try evaluate(base, scope)
            return try located(offset) { try ValueAccess.attribute(object, name) }
        case .subscriptAccess(let base, let index):
            let object = try evaluate(base, scope)
            let key = try evaluate(index, scope)
            return try located(offset) { try ValueAccess.item(object, key) }
        case .slice(let base, let start, let stop, let step):
            let object = try evaluate(base, scope)
            let bounds = try [start, stop, step].map { try $0.map { try evaluate($0, scope) } }
            return try located(offset) { try ValueAccess.slice(object, bounds[0], bounds[1], bounds[2]) }
        case .call(let callee, let arguments):
            return try call(callee, arguments, scope, at: offset)
        case .filter(let operand, let name, let arguments):
            let value = try evaluate(operand, scope)
            let evaluated = try evaluateArguments(arguments, scope)
            return try located(offset) { try FilterLibrary.apply(name, value, evaluated, limit: limit) }
        case .test(let operand, let name, let arguments, let negated):
            let value = try evaluate(operand, scope)
            let evaluated = try evaluateArguments(arguments, scope)
            let passed = try located(offset) { try TestLibrary.apply(name, value, evaluated) }
            return .bool(passed != negated)
        case .negate(let operand):
            let value = try evaluate(operand, scope)
            switch value {
            case .int(let number):
                guard number != Int.min else { throw failure("integer overflow", at: offset) }
                return .int(-number)
            case .bool(let flag): return .int(flag ? -1 : 0)
            case .double(let number): return .double(-number)
            case .undefined(let hint): throw failure(hint, at: offset)
            default: throw failure("bad operand type for unary -: '\(value.typeName)'", at: offset)
            }
        case .plus(let operand):
            let value = try evaluate(operand, scope)
            switch value {
            case .int, .double: return value
            case .bool(let flag): return .int(flag ? 1 : 0)
            case .undefined(let hint): throw failure(hint, at: offset)
            default: throw failure("bad operand type for unary +: '\(value.typeName)'", at: offset)
            }
        case .not(let operand):
            return .bool(!(try evaluate(operand, scope).isTruthy))
        case .and(let left, let right):
            let value = try evaluate(left, scope)
            return value.isTruthy ? try evaluate(right, scope) : value
        case .or(let left, let right):
            let value = try evaluate(left, scope)
            return value.isTruthy ? value : try evaluate(right, scope)
        case .binary(let op, let left, let right):
            let lhs = try evaluate(left, scope)
            let rhs = try evaluate(right, scope)
            return try located(offset) { try Operators.binary(op, lhs, rhs, limit: limit) }
        case .compare(let first, let rest):
            var lhs = try evaluate(first, scope)
            for (op, expression) in rest {
                let rhs = try evaluate(expression, scope)
                let left = lhs
                guard try located(expression.offset, { try Operators.compare(op, left, rhs) }) else { return .bool(false) }
                lhs = rhs
            }
            return .bool(true)
        case .conditional(let then, let condition, let otherwise):
            if try evaluate(condition, scope).isTruthy { return try evaluate(then, scope) }
            guard let otherwise else { return .undefined("the conditional expression had no 'else' branch") }
            return try evaluate(otherwise, scope)
        }
    }

    // MARK: - Calls

    private func call(_ callee: Expression, _ arguments: Expression.Arguments, _ scope: Scope, at offset: Int) throws -> Value {
        if case .attribute(let base, let name) = callee.kind {
            let object = try evaluate(base, scope)
            if case .undefined(let hint) = object { throw failure(hint, at: offset) }
            let evaluated = try evaluateArguments(arguments, scope)
            if let result = try located(offset, { try MethodLibrary.call(object, name, evaluated, limit: limit) }) {
                return result
            }
            let target = try located(offset) { try ValueAccess.attribute(object, name) }
            return try invoke(target, evaluated, at: offset)
        }
        let target = try evaluate(callee, scope)
        return try invoke(target, try evaluateArguments(arguments, scope), at: offset)
    }

    private func invoke(_ target: Value, _ arguments: CallArguments, at offset: Int) throws -> Value {
        switch target {
        case .function(let function): return try callBuiltin(function, arguments, at: offset)
        case .macro(let macro): return try callMacro(macro, arguments, at: offset)
        case .undefined(let hint): throw failure(hint, at: offset)
        default: throw failure("'\(target.typeName)' object is not callable", at: offset)
        }
    }

    private func callMacro(_ macro: Macro, _ arguments: CallArguments, at offset: Int) throws -> Value {
        callDepth += 1
        defer { callDepth -= 1 }
        guard callDepth <= options.maxCallDepth else {
            throw failure("macro calls nested too deeply (over \(options.maxCallDepth))", at: offset)
        }
        guard arguments.positional.count <= macro.parameters.count else {
            throw failure("macro '\(macro.name)' takes not more than \(macro.parameters.count) argument(s)", at: offset)
        }
        for keyword in arguments.keywords where !macro.parameters.contains(where: { $0.name == keyword.name }) {
            throw failure("macro '\(macro.name)' takes no keyword argument '\(keyword.name)'", at: offset)
        }
        let local = Scope(parent: macro.scope)
        for (position, parameter) in macro.parameters.enumerated() {
            if let value = arguments.value(position, parameter.name) {
                local.assign(parameter.name, value)
            } else if let defaultValue = parameter.defaultValue {
                local.assign(parameter.name, try evaluate(defaultValue, local))
            } else {
                local.assign(parameter.name, .undefined("parameter '\(parameter.name)' of macro '\(macro.name)' was not provided"))
            }
        }
        var out = ""
        _ = try execute(macro.body, scope: local, into: &out)
        return .string(out)
    }

    private func callBuiltin(_ function: BuiltinFunction, _ arguments: CallArguments, at offset: Int) throws -> Value {
        switch function {
        case .raiseException:
            let message = arguments.positional.first.map(PythonText.str) ?? "raise_exception() called"
            throw map.error(.raised, message, at: offset)
        case .namespace, .dict:
            let box = DictBox()
            if let initial = arguments.positional.first {
                guard arguments.positional.count == 1, case .dict(let source) = initial else {
                    throw failure("\(function.rawValue)() takes a mapping and keyword arguments", at: offset)
                }
                for (key, value) in source.entries { box.set(key, value) }
            }
            for keyword in arguments.keywords { box.set(.string(keyword.name), keyword.value) }
            return function == .namespace ? .namespace(box) : .dict(box)
        case .range:
            return try located(offset) {
                try arguments.check("range()", accepts: ["start", "stop", "step"])
                var bounds: [Int] = []
                for value in arguments.positional {
                    switch value {
                    case .int(let number): bounds.append(number)
                    case .bool(let flag): bounds.append(flag ? 1 : 0)
                    default: throw EvalFailure("range() arguments must be integers, not \(value.typeName)")
                    }
                }
                let (start, stop, step): (Int, Int, Int)
                switch bounds.count {
                case 1: (start, stop, step) = (0, bounds[0], 1)
                case 2: (start, stop, step) = (bounds[0], bounds[1], 1)
                case 3: (start, stop, step) = (bounds[0], bounds[1], bounds[2])
                default: throw EvalFailure("range() expects 1 to 3 integer arguments")
                }
                guard step != 0 else { throw EvalFailure("range() step must not be zero") }
                let span = step > 0 ? Double(stop) - Double(start) : Double(start) - Double(stop)
                let count = span <= 0 ? 0 : Int((span / Double(abs(step))).rounded(.up))
                guard count <= limit else { throw EvalFailure("range() too large (\(count) elements)") }
                var items: [Value] = []
                items.reserveCapacity(count)
                var current = start
                for _ in 0..<count {
                    items.append(.int(current))
                    current = current &+ step
                }
                return Value.makeList(items)
            }
        case .strftimeNow:
            guard case .string(let format)? = arguments.positional.first, arguments.positional.count == 1 else {
                throw failure("strftime_now() takes one format string", at: offset)
            }
            return .string(Strftime.format(format, date: options.now ?? Date(), timeZone: options.timeZone))
        }
    }
}
