import Foundation

/// Python semantics of Jinja's operators: arithmetic, comparison, equality and membership.
enum Operators {
    /// Numeric view of a value (`bool` counts as an int, as in Python).
    private enum Number {
        case int(Int)
        case double(Double)

        init?(_ value: Value) {
            switch value {
            case .int(let number): self = .int(number)
            case .bool(let flag): self = .int(flag ? 1 : 0)
            case .double(let number): self = .double(number)
            default: return nil
            }
        }

        var asDouble: Double {
            switch self {
            case .int(let number): return Double(number)
            case .double(let number): return number
            }
        }
    }

    static func undefinedFailure(_ value: Value) -> EvalFailure? {
        if case .undefined(let hint) = value { return EvalFailure(hint) }
        return nil
    }

    private static func unsupported(_ symbol: String, _ lhs: Value, _ rhs: Value) -> EvalFailure {
        if let failure = undefinedFailure(lhs) ?? undefinedFailure(rhs) { return failure }
        if case .string = lhs, symbol == "+" {
            return EvalFailure("can only concatenate str (not \"\(rhs.typeName)\") to str")
        }
        return EvalFailure("unsupported operand type(s) for \(symbol): '\(lhs.typeName)' and '\(rhs.typeName)'")
    }

    static func binary(_ op: Expression.BinaryOperator, _ lhs: Value, _ rhs: Value, limit: Int) throws -> Value {
        switch op {
        case .concat:
            let text = PythonText.str(lhs) + PythonText.str(rhs)
            try checkLength(text.unicodeScalars.count, limit: limit)
            return .string(text)
        case .add:
            switch (lhs, rhs) {
            case (.string(let left), .string(let right)):
                try checkLength(left.unicodeScalars.count + right.unicodeScalars.count, limit: limit)
                return .string(left + right)
            case (.list(let left), .list(let right)) where left.isTuple == right.isTuple:
                try checkLength(left.items.count + right.items.count, limit: limit)
                return .list(ListBox(left.items + right.items, isTuple: left.isTuple))
            default:
                return try arithmetic(op, lhs, rhs)
            }
        case .multiply:
            switch (lhs, rhs) {
            case (.string(let text), _) where Number(rhs) != nil && !(rhs.isDouble):
                return .string(try repeatText(text, rhs, limit: limit))
            case (_, .string(let text)) where Number(lhs) != nil && !(lhs.isDouble):
                return .string(try repeatText(text, lhs, limit: limit))
            case (.list(let box), _) where Number(rhs) != nil && !(rhs.isDouble):
                return Value.makeList(try repeatItems(box.items, rhs, limit: limit))
            case (_, .list(let box)) where Number(lhs) != nil && !(lhs.isDouble):
                return Value.makeList(try repeatItems(box.items, lhs, limit: limit))
            default:
                return try arithmetic(op, lhs, rhs)
            }
        default:
            if case .string = lhs, op == .modulo {
                throw EvalFailure("string formatting with '%' is not supported")
            }
            return try arithmetic(op, lhs, rhs)
        }
    }

    private static func checkLength(_ length: Int, limit: Int) throws {
        if length > limit { throw EvalFailure("value too large (\(length) > \(limit) elements)") }
    }

    private static func count(_ value: Value) -> Int {
        if case .int(let number) = value { return number }
        if case .bool(let flag) = value { return flag ? 1 : 0 }
        return 0
    }

    private static func repeatText(_ text: String, _ times: Value, limit: Int) throws -> String {
        let n = max(0, count(times))
        let (total, overflow) = text.unicodeScalars.count.multipliedReportingOverflow(by: n)
        try checkLength(overflow ? Int.max : total, limit: limit)
        return String(repeating: text, count: n)
    }

    private static func repeatItems(_ items: [Value], _ times: Value, limit: Int) throws -> [Value] {
        let n = max(0, count(times))
        let (total, overflow) = items.count.multipliedReportingOverflow(by: n)
        try checkLength(overflow ? Int.max : total, limit: limit)
        var result: [Value] = []
        result.reserveCapacity(total)
        for _ in 0..<n { result.append(contentsOf: items) }
        return result
    }

    private static func arithmetic(_ op: Expression.BinaryOperator, _ lhs: Value, _ rhs: Value) throws -> Value {
        guard let left = Number(lhs), let right = Number(rhs) else { throw unsupported(op.rawValue, lhs, rhs) }
        if case .int(let a) = left, case .int(let b) = right {
            return try integerArithmetic(op, a, b)
        }
        let a = left.asDouble
        let b = right.asDouble
        switch op {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide:
            guard b != 0 else { throw EvalFailure("division by zero") }
            return .double(a / b)
        case .floorDivide:
            guard b != 0 else { throw EvalFailure("float floor division by zero") }
            return .double((a / b).rounded(.down))
        case .modulo:
            guard b != 0 else { throw EvalFailure("float modulo by zero") }
            var result = a.truncatingRemainder(dividingBy: b)
            if result != 0 && (result < 0) != (b < 0) { result += b }
            return .double(result)
        case .power:
            if a == 0 && b < 0 { throw EvalFailure("zero cannot be raised to a negative power") }
            return .double(pow(a, b))
        case .concat:
            return .string(PythonText.str(lhs) + PythonText.str(rhs))
        }
    }

    private static func overflow() -> EvalFailure { EvalFailure("integer overflow") }

    private static func integerArithmetic(_ op: Expression.BinaryOperator, _ a: Int, _ b: Int) throws -> Value {
        switch op {
        case .add:
            let (sum, overflowed) = a.addingReportingOverflow(b)
            if overflowed { throw overflow() }
            return .int(sum)
        case .subtract:
            let (difference, overflowed) = a.subtractingReportingOverflow(b)
            if overflowed { throw overflow() }
            return .int(difference)
        case .multiply:
            let (product, overflowed) = a.multipliedReportingOverflow(by: b)
            if overflowed { throw overflow() }
            return .int(product)
        case .divide:
            guard b != 0 else { throw EvalFailure("division by zero") }
            return .double(Double(a) / Double(b))
        case .floorDivide:
            guard b != 0 else { throw EvalFailure("integer division or modulo by zero") }
            if a == Int.min && b == -1 { throw overflow() }
            var quotient = a / b
            if (a % b != 0) && ((a < 0) != (b < 0)) { quotient -= 1 }
            return .int(quotient)
        case .modulo:
            guard b != 0 else { throw EvalFailure("integer division or modulo by zero") }
            if b == -1 { return .int(0) }
            var remainder = a % b
            if remainder != 0 && ((remainder < 0) != (b < 0)) { remainder += b }
            return .int(remainder)
        case .power:
            if b < 0 { return .double(pow(Double(a), Double(b))) }
            var result = 1
            var base = a
            var exponent = b
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (product, overflowed) = result.multipliedReportingOverflow(by: base)
                    if overflowed { throw overflow() }
                    result = product
                }
                exponent >>= 1
                if exponent > 0 {
                    let (square, overflowed) = base.multipliedReportingOverflow(by: base)
                    if overflowed { throw overflow() }
                    base = square
                }
            }
            return .int(result)
        case .concat:
            return .string(String(a) + String(b))
        }
    }

    /// Python `==`, deep for containers. Undefined equals only undefined (as Jinja's `Undefined.__eq__`).
    static func equal(_ lhs: Value, _ rhs: Value, depth: Int = 0) -> Bool {
        if depth > PythonText.maxDepth { return false }
        switch (lhs, rhs) {
        case (.undefined, .undefined), (.none, .none): return true
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.list(let a), .list(let b)):
            if a === b { return true }
            guard a.isTuple == b.isTuple, a.items.count == b.items.count else { return false }
            return zip(a.items, b.items).allSatisfy { equal($0, $1, depth: depth + 1) }
        case (.dict(let a), .dict(let b)), (.namespace(let a), .namespace(let b)):
            if a === b { return true }
            guard a.count == b.count else { return false }
            for (key, value) in a.entries {
                guard let other = b.get(key), equal(value, other, depth: depth + 1) else { return false }
            }
            return true
        case (.macro(let a), .macro(let b)): return a === b
        case (.function(let a), .function(let b)): return a == b
        default:
            guard let a = Number(lhs), let b = Number(rhs) else { return false }
            if case .int(let x) = a, case .int(let y) = b { return x == y }
            return a.asDouble == b.asDouble
        }
    }

    /// Python ordering (`<`): numbers, strings (by code point) and lists (lexicographically).
    static func less(_ lhs: Value, _ rhs: Value, symbol: String = "<", depth: Int = 0) throws -> Bool {
        if depth > PythonText.maxDepth { throw EvalFailure("comparison nested too deeply") }
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)):
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value }
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a.items, b.items) where !equal(x, y) {
                return try less(x, y, symbol: symbol, depth: depth + 1)
            }
            return a.items.count < b.items.count
        default:
            guard let a = Number(lhs), let b = Number(rhs) else {
                if let failure = undefinedFailure(lhs) ?? undefinedFailure(rhs) { throw failure }
                throw EvalFailure("'\(symbol)' not supported between instances of '\(lhs.typeName)' and '\(rhs.typeName)'")
            }
            if case .int(let x) = a, case .int(let y) = b { return x < y }
            return a.asDouble < b.asDouble
        }
    }

    static func compare(_ op: Expression.CompareOperator, _ lhs: Value, _ rhs: Value) throws -> Bool {
        switch op {
        case .equal: return equal(lhs, rhs)
        case .notEqual: return !equal(lhs, rhs)
        case .less: return try less(lhs, rhs, symbol: "<")
        case .greater: return try less(rhs, lhs, symbol: ">")
        case .lessEqual: return try !less(rhs, lhs, symbol: "<=")
        case .greaterEqual: return try !less(lhs, rhs, symbol: ">=")
        case .contains: return try contains(rhs, lhs)
        case .notContains: return try !contains(rhs, lhs)
        }
    }

    /// Python `item in container`.
    static func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .string(let text):
            guard case .string(let needle) = item else {
                throw EvalFailure("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return needle.isEmpty || text.unicodeScalars.firstRange(of: needle.unicodeScalars) != nil
        case .list(let box): return box.items.contains { equal($0, item) }
        case .dict(let box), .namespace(let box): return box.get(item) != nil
        case .undefined: return false
        default: throw EvalFailure("argument of type '\(container.typeName)' is not iterable")
        }
    }
}

extension Value {
    var isDouble: Bool {
        if case .double = self { return true }
        return false
    }
}
