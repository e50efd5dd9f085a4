/// Jinja's tests (`value is name(args)`).
enum TestLibrary {
    static let names: Set<String> = [
        "defined", "undefined", "none", "boolean", "true", "false", "integer", "float", "number", "string",
        "mapping", "iterable", "sequence", "callable", "sameas", "odd", "even", "divisibleby", "eq", "equalto",
        "ne", "lt", "lessthan", "le", "gt", "greaterthan", "ge", "in", "lower", "upper", "escaped",
    ]

    static func apply(_ name: String, _ value: Value, _ arguments: CallArguments) throws -> Bool {
        func argument() throws -> Value {
            guard let other = arguments.value(0, "other") ?? arguments.value(0, "value") ?? arguments.value(0, "seq") ?? arguments.value(0, "num") else {
                throw EvalFailure("test '\(name)' needs an argument")
            }
            return other
        }
        switch name {
        case "defined": return !value.isUndefined
        case "undefined": return value.isUndefined
        case "none": if case .none = value { return true } else { return false }
        case "boolean": if case .bool = value { return true } else { return false }
        case "true": if case .bool(true) = value { return true } else { return false }
        case "false": if case .bool(false) = value { return true } else { return false }
        case "integer": if case .int = value { return true } else { return false }
        case "float": if case .double = value { return true } else { return false }
        case "number":
            switch value {
            case .int, .double, .bool: return true
            default: return false
            }
        case "string": if case .string = value { return true } else { return false }
        case "mapping": if case .dict = value { return true } else { return false }
        case "iterable", "sequence":
            switch value {
            case .list, .dict, .string, .undefined: return true
            default: return false
            }
        case "callable":
            switch value {
            case .function, .macro: return true
            default: return false
            }
        case "escaped": return false
        case "sameas":
            let other = try argument()
            switch (value, other) {
            case (.list(let a), .list(let b)): return a === b
            case (.dict(let a), .dict(let b)), (.namespace(let a), .namespace(let b)): return a === b
            case (.list, _), (.dict, _), (.namespace, _): return false
            default: return Operators.equal(value, other) && value.typeName == other.typeName
            }
        case "odd", "even":
            guard case .int(let number) = value else {
                if case .bool(let flag) = value { return (flag ? 1 : 0) % 2 == (name == "odd" ? 1 : 0) }
                throw EvalFailure("test '\(name)' needs an integer, not \(value.typeName)")
            }
            return abs(number % 2) == (name == "odd" ? 1 : 0)
        case "divisibleby":
            guard case .int(let number) = value, case .int(let divisor) = try argument() else {
                throw EvalFailure("test 'divisibleby' needs integers")
            }
            guard divisor != 0 else { throw EvalFailure("integer division or modulo by zero") }
            return divisor == -1 || number % divisor == 0
        case "eq", "equalto": return Operators.equal(value, try argument())
        case "ne": return !Operators.equal(value, try argument())
        case "lt", "lessthan": return try Operators.compare(.less, value, try argument())
        case "le": return try Operators.compare(.lessEqual, value, try argument())
        case "gt", "greaterthan": return try Operators.compare(.greater, value, try argument())
        case "ge": return try Operators.compare(.greaterEqual, value, try argument())
        case "in": return try Operators.contains(try argument(), value)
        case "lower", "upper":
            guard case .string(let text) = value else { return false }
            return name == "lower" ? text == text.lowercased() : text == text.uppercased()
        default:
            throw EvalFailure("unknown test '\(name)'")
        }
    }
}
