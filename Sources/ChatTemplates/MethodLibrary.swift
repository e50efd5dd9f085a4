/// Python methods callable on values: `text.strip()`, `messages.append(x)`, `message.get('role')`, `loop.cycle(...)`.
enum MethodLibrary {
    /// Calls `object.name(arguments)`; returns nil when `object` has no such method.
    static func call(_ object: Value, _ name: String, _ arguments: CallArguments, limit: Int) throws -> Value? {
        switch object {
        case .string(let text): return try stringMethod(text, name, arguments, limit: limit)
        case .list(let box): return try listMethod(box, name, arguments, limit: limit)
        case .dict(let box): return try dictMethod(box, name, arguments)
        case .loop(let state):
            guard name == "cycle" else { return nil }
            guard !arguments.positional.isEmpty else { throw EvalFailure("loop.cycle() needs at least one value") }
            return arguments.positional[state.index0 % arguments.positional.count]
        default: return nil
        }
    }

    private static func stringMethod(_ text: String, _ name: String, _ arguments: CallArguments, limit: Int) throws -> Value? {
        let what = "str.\(name)()"
        switch name {
        case "strip", "lstrip", "rstrip":
            try arguments.check(what, accepts: ["chars"])
            let chars = try arguments.string(0, "chars", in: what)
            return .string(PythonString.strip(text, chars, leading: name != "rstrip", trailing: name != "lstrip"))
        case "upper", "lower", "title", "capitalize", "swapcase":
            try arguments.check(what, accepts: [])
            switch name {
            case "upper": return .string(text.uppercased())
            case "lower": return .string(text.lowercased())
            case "title": return .string(PythonString.title(text))
            case "capitalize": return .string(PythonString.capitalize(text))
            default:
                return .string(text.unicodeScalars.map { scalar -> String in
                    let piece = String(Character(scalar))
                    return scalar.properties.isUppercase ? piece.lowercased() : piece.uppercased()
                }.joined())
            }
        case "startswith", "endswith":
            try arguments.check(what, accepts: ["prefix"])
            guard let argument = arguments.value(0, "prefix") else { throw EvalFailure("\(what) needs an argument") }
            var candidates: [String] = []
            switch argument {
            case .string(let single): candidates = [single]
            case .list(let box):
                for item in box.items {
                    guard case .string(let candidate) = item else { throw EvalFailure("\(what): tuple items must be strings") }
                    candidates.append(candidate)
                }
            default: throw EvalFailure("\(what) argument must be str or a tuple of str, not \(argument.typeName)")
            }
            let scalars = Array(text.unicodeScalars)
            return .bool(candidates.contains { candidate in
                let pattern = Array(candidate.unicodeScalars)
                guard pattern.count <= scalars.count else { return false }
                return name == "startswith" ? Array(scalars.prefix(pattern.count)) == pattern : Array(scalars.suffix(pattern.count)) == pattern
            })
        case "split", "rsplit":
            try arguments.check(what, accepts: ["sep", "maxsplit"])
            let separator = try arguments.string(0, "sep", in: what)
            let maxSplit = try arguments.int(1, "maxsplit", in: what) ?? -1
            if name == "rsplit" && maxSplit >= 0 {
                let reversedText = PythonString.string(text.unicodeScalars.reversed())
                let reversedSeparator = separator.map { PythonString.string($0.unicodeScalars.reversed()) }
                let parts = try PythonString.split(reversedText, reversedSeparator, maxSplit: maxSplit)
                return Value.makeList(parts.reversed().map { .string(PythonString.string($0.unicodeScalars.reversed())) })
            }
            return Value.makeList(try PythonString.split(text, separator, maxSplit: maxSplit).map(Value.string))
        case "splitlines":
            try arguments.check(what, accepts: ["keepends"])
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
            if lines.last == "" { lines.removeLast() }
            return Value.makeList(lines.map(Value.string))
        case "replace":
            try arguments.check(what, accepts: ["old", "new", "count"])
            guard let old = try arguments.string(0, "old", in: what), let new = try arguments.string(1, "new", in: what) else {
                throw EvalFailure("\(what) needs two string arguments")
            }
            let count = try arguments.int(2, "count", in: what) ?? -1
            return .string(try PythonString.replace(text, old, new, count: count, limit: limit))
        case "find", "rfind", "count", "index":
            try arguments.check(what, accepts: ["sub"])
            guard let needle = try arguments.string(0, "sub", in: what) else { throw EvalFailure("\(what) needs a string argument") }
            if name == "count" { return .int(PythonString.count(text, needle)) }
            let position = PythonString.find(text, needle, reverse: name == "rfind")
            if name == "index" && position < 0 { throw EvalFailure("substring not found") }
            return .int(position)
        case "join":
            try arguments.check(what, accepts: ["iterable"])
            guard let items = arguments.value(0, "iterable") else { throw EvalFailure("\(what) needs an argument") }
            var parts: [String] = []
            for item in try ValueAccess.iterate(items) {
                guard case .string(let part) = item else { throw EvalFailure("sequence item: expected str instance, \(item.typeName) found") }
                parts.append(part)
            }
            let joined = parts.joined(separator: text)
            if joined.unicodeScalars.count > limit { throw EvalFailure("value too large") }
            return .string(joined)
        case "removeprefix", "removesuffix":
            try arguments.check(what, accepts: ["affix"])
            guard let affix = try arguments.string(0, "affix", in: what) else { throw EvalFailure("\(what) needs a string argument") }
            let scalars = Array(text.unicodeScalars)
            let pattern = Array(affix.unicodeScalars)
            guard !pattern.isEmpty, pattern.count <= scalars.count else { return .string(text) }
            if name == "removeprefix", Array(scalars.prefix(pattern.count)) == pattern {
                return .string(PythonString.string(scalars.dropFirst(pattern.count)))
            }
            if name == "removesuffix", Array(scalars.suffix(pattern.count)) == pattern {
                return .string(PythonString.string(scalars.dropLast(pattern.count)))
            }
            return .string(text)
        case "isdigit", "isalpha", "isalnum", "isspace", "islower", "isupper":
            try arguments.check(what, accepts: [])
            let scalars = Array(text.unicodeScalars)
            switch name {
            case "isdigit": return .bool(!scalars.isEmpty && scalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit })
            case "isalpha": return .bool(!scalars.isEmpty && scalars.allSatisfy { $0.properties.isAlphabetic })
            case "isalnum": return .bool(!scalars.isEmpty && scalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil })
            case "isspace": return .bool(!scalars.isEmpty && scalars.allSatisfy(PythonString.isSpace))
            case "islower": return .bool(text.contains { $0.isLowercase } && text == text.lowercased())
            default: return .bool(text.contains { $0.isUppercase } && text == text.uppercased())
            }
        default:
            return nil
        }
    }

    private static func listMethod(_ box: ListBox, _ name: String, _ arguments: CallArguments, limit: Int) throws -> Value? {
        let what = "list.\(name)()"
        switch name {
        case "append":
            try arguments.check(what, accepts: ["object"])
            guard let item = arguments.value(0, "object") else { throw EvalFailure("\(what) needs an argument") }
            guard box.items.count < limit else { throw EvalFailure("value too large") }
            box.items.append(item)
            return Value.none
        case "extend":
            try arguments.check(what, accepts: ["iterable"])
            guard let items = arguments.value(0, "iterable") else { throw EvalFailure("\(what) needs an argument") }
            let added = try ValueAccess.iterate(items)
            guard box.items.count + added.count <= limit else { throw EvalFailure("value too large") }
            box.items.append(contentsOf: added)
            return Value.none
        case "insert":
            try arguments.check(what, accepts: ["index", "object"])
            guard let index = try arguments.int(0, "index", in: what), let item = arguments.value(1, "object") else {
                throw EvalFailure("\(what) needs an index and a value")
            }
            guard box.items.count < limit else { throw EvalFailure("value too large") }
            let resolved = index < 0 ? max(0, index + box.items.count) : min(index, box.items.count)
            box.items.insert(item, at: resolved)
            return Value.none
        case "pop":
            try arguments.check(what, accepts: ["index"])
            guard !box.items.isEmpty else { throw EvalFailure("pop from empty list") }
            let index = try arguments.int(0, "index", in: what) ?? -1
            let resolved = index < 0 ? index + box.items.count : index
            guard resolved >= 0, resolved < box.items.count else { throw EvalFailure("pop index out of range") }
            return box.items.remove(at: resolved)
        case "index", "count":
            try arguments.check(what, accepts: ["value"])
            guard let needle = arguments.value(0, "value") else { throw EvalFailure("\(what) needs an argument") }
            if name == "count" { return .int(box.items.filter { Operators.equal($0, needle) }.count) }
            guard let position = box.items.firstIndex(where: { Operators.equal($0, needle) }) else {
                throw EvalFailure("value is not in list")
            }
            return .int(position)
        case "reverse":
            try arguments.check(what, accepts: [])
            box.items.reverse()
            return Value.none
        case "copy":
            try arguments.check(what, accepts: [])
            return Value.makeList(box.items)
        default:
            return nil
        }
    }

    private static func dictMethod(_ box: DictBox, _ name: String, _ arguments: CallArguments) throws -> Value? {
        let what = "dict.\(name)()"
        switch name {
        case "get":
            try arguments.check(what, accepts: ["key", "default"])
            guard let key = arguments.value(0, "key") else { throw EvalFailure("\(what) needs a key") }
            return box.get(key) ?? arguments.value(1, "default") ?? Value.none
        case "items":
            try arguments.check(what, accepts: [])
            return Value.makeList(box.entries.map { Value.makeTuple([$0.key, $0.value]) })
        case "keys":
            try arguments.check(what, accepts: [])
            return Value.makeList(box.keys)
        case "values":
            try arguments.check(what, accepts: [])
            return Value.makeList(box.entries.map(\.value))
        case "pop":
            try arguments.check(what, accepts: ["key", "default"])
            guard let key = arguments.value(0, "key") else { throw EvalFailure("\(what) needs a key") }
            if let removed = box.remove(key) { return removed }
            if let fallback = arguments.value(1, "default") { return fallback }
            throw EvalFailure("KeyError: \(PythonText.repr(key))")
        case "setdefault":
            try arguments.check(what, accepts: ["key", "default"])
            guard let key = arguments.value(0, "key") else { throw EvalFailure("\(what) needs a key") }
            if let existing = box.get(key) { return existing }
            let fallback = arguments.value(1, "default") ?? Value.none
            guard box.set(key, fallback) else { throw EvalFailure("unhashable type: '\(key.typeName)'") }
            return fallback
        case "update":
            if arguments.positional.count > 1 { throw EvalFailure("\(what) takes at most 1 positional argument") }
            if let other = arguments.positional.first {
                guard case .dict(let source) = other else { throw EvalFailure("\(what) needs a mapping") }
                for (key, value) in source.entries { box.set(key, value) }
            }
            for keyword in arguments.keywords { box.set(.string(keyword.name), keyword.value) }
            return Value.none
        case "copy":
            try arguments.check(what, accepts: [])
            return .dict(box.copy())
        default:
            return nil
        }
    }
}
