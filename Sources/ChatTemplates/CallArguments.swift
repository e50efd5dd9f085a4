/// Evaluated arguments of a filter, test, method or function call, with Python-style binding helpers.
struct CallArguments {
    var positional: [Value] = []
    var keywords: [(name: String, value: Value)] = []

    /// The argument at `position`, or the keyword `name`, or nil.
    func value(_ position: Int, _ name: String) -> Value? {
        if position < positional.count { return positional[position] }
        return keywords.first { $0.name == name }?.value
    }

    /// Fails when more positional arguments, or other keywords, than `names` were given.
    func check(_ what: String, accepts names: [String]) throws {
        if positional.count > names.count {
            throw EvalFailure("\(what) takes at most \(names.count) argument(s) (\(positional.count) given)")
        }
        for keyword in keywords where !names.contains(keyword.name) {
            throw EvalFailure("\(what) got an unexpected keyword argument '\(keyword.name)'")
        }
    }

    func string(_ position: Int, _ name: String, in what: String) throws -> String? {
        guard let value = value(position, name) else { return nil }
        switch value {
        case .string(let text): return text
        case .none, .undefined: return nil
        default: throw EvalFailure("\(what): argument '\(name)' must be a string, not \(value.typeName)")
        }
    }

    func int(_ position: Int, _ name: String, in what: String) throws -> Int? {
        guard let value = value(position, name) else { return nil }
        switch value {
        case .int(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        case .none, .undefined: return nil
        default: throw EvalFailure("\(what): argument '\(name)' must be an integer, not \(value.typeName)")
        }
    }

    func bool(_ position: Int, _ name: String) -> Bool? {
        value(position, name).map(\.isTruthy)
    }
}
