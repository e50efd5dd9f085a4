/// Where a generation is in a `JSONGrammar`: a stack of frames (one per open value) fed one byte at a time.
///
/// Whitespace is minimal: none, except one optional space after a `:` or a `,`. Numbers have at most
/// `JSONGrammar.maxNumberDigits` digits. A value ends when its closing byte arrives (numbers and some literals end
/// when the next byte cannot extend them, and that byte goes on to the enclosing value).
public struct JSONAutomaton: Sendable, Hashable {
    enum ObjectPhase: UInt8, Sendable, Hashable {
        case afterOpen, key, expectColon, afterColon, afterColonSpace, afterValue, afterComma, afterCommaSpace
    }

    enum ArrayPhase: UInt8, Sendable, Hashable {
        case afterOpen, afterItem, afterComma, afterCommaSpace
    }

    enum NumberPhase: UInt8, Sendable, Hashable {
        case start, minus, zero, int, dot, frac, exp, expSign, expDigits

        var isTerminal: Bool { self == .zero || self == .int || self == .frac || self == .expDigits }
    }

    enum Frame: Sendable, Hashable {
        case root(done: Bool)
        /// `index`: the next candidate property (schema objects) or, from `expectColon` to `afterColonSpace`, the
        /// property whose value comes next.
        case object(node: Int, phase: ObjectPhase, index: Int)
        case array(node: Int, phase: ArrayPhase, count: Int)
        /// `escape`: 0 none, 1 after a backslash, 2...5 hex digits of a `\u` escape still to come (minus one);
        /// `pending`: UTF-8 continuation bytes still to come.
        case string(node: Int, chars: Int, escape: UInt8, pending: UInt8)
        case number(integer: Bool, phase: NumberPhase, digits: UInt8)
        case literal(source: LiteralSource, prefix: [UInt8])
    }

    let grammar: JSONGrammar
    private(set) var stack: [Frame]

    /// The state before any output.
    public init(grammar: JSONGrammar) {
        self.grammar = grammar
        stack = [.root(done: false)]
    }

    public static func == (a: JSONAutomaton, b: JSONAutomaton) -> Bool { a.stack == b.stack }
    public func hash(into hasher: inout Hasher) { hasher.combine(stack) }

    /// Feeds `bytes`; false (the state then undefined) when they cannot continue a valid output.
    public mutating func feed<S: Sequence>(_ bytes: S) -> Bool where S.Element == UInt8 {
        for b in bytes where !feed(b) { return false }
        return true
    }

    /// Whether `text` as a whole is a complete output the grammar accepts.
    public static func accepts(_ grammar: JSONGrammar, _ text: String) -> Bool {
        var a = JSONAutomaton(grammar: grammar)
        return a.feed(text.utf8) && a.canFinish
    }

    /// Whether the output may end here.
    public var canFinish: Bool {
        var s = self
        while let top = s.stack.last {
            switch top {
            case .root(let done): return done
            case .number(_, let phase, _) where phase.isTerminal: s.pop()
            case .literal(let source, let prefix) where grammar.candidates(source).contains(prefix): s.pop()
            default: return false
            }
        }
        return false
    }

    /// Whether no byte at all can follow (the output is complete and closed).
    var isClosed: Bool { stack == [.root(done: true)] }

    /// Feeds one byte.
    public mutating func feed(_ b: UInt8) -> Bool {
        while let top = stack.last {
            switch consume(top, b) {
            case .accepted: return true
            case .closed:
                pop()
                return true
            case .rejected: return false
            case .passOn: pop()
            }
        }
        return false
    }

    /// `closed`: the byte completed the top value (it is popped); `passOn`: the top value ended before the byte,
    /// which goes to the enclosing value.
    private enum Outcome { case accepted, rejected, passOn, closed }

    private static let space = UInt8(ascii: " "), comma = UInt8(ascii: ","), colon = UInt8(ascii: ":")
    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66) }

    /// Removes the top frame and tells its parent it is complete.
    private mutating func pop() {
        guard let child = stack.popLast(), let parent = stack.last else { return }
        if case .object(let node, .key, let from) = parent {
            var chosen = from
            if case .object(let properties) = grammar.nodes[node], case .literal(_, let prefix) = child {
                chosen = properties.indices.first { $0 >= from && properties[$0].key == prefix } ?? from
            }
            stack[stack.count - 1] = .object(node: node, phase: .expectColon, index: chosen)
        }
    }

    private mutating func replaceTop(_ frame: Frame) { stack[stack.count - 1] = frame }

    /// Whether a value of `node` can begin with `b`.
    func canStart(_ node: Int, _ b: UInt8) -> Bool {
        switch grammar.nodes[node] {
        case .object, .freeObject: b == UInt8(ascii: "{")
        case .array: b == UInt8(ascii: "[")
        case .string: b == Self.quote
        case .number: b == UInt8(ascii: "-") || Self.isDigit(b)
        case .literals(let l): l.contains { $0.first == b }
        case .union(let alternatives): alternatives.contains { canStart($0, b) }
        }
    }

    /// Opens a value of `node` with its first byte `b` (the parent already moved on to what follows the value).
    private mutating func start(_ node: Int, _ b: UInt8) -> Outcome {
        guard canStart(node, b) else { return .rejected }
        switch grammar.nodes[node] {
        case .object, .freeObject:
            stack.append(.object(node: node, phase: .afterOpen, index: 0))
            return .accepted
        case .array:
            stack.append(.array(node: node, phase: .afterOpen, count: 0))
            return .accepted
        case .string:
            stack.append(.string(node: node, chars: 0, escape: 0, pending: 0))
            return .accepted
        case .number(let integer):
            stack.append(.number(integer: integer, phase: .start, digits: 0))
        case .literals:
            stack.append(.literal(source: .node(node), prefix: []))
        case .union(let alternatives):
            guard let alternative = alternatives.first(where: { canStart($0, b) }) else { return .rejected }
            return start(alternative, b)
        }
        return feed(b) ? .accepted : .rejected
    }

    private mutating func consume(_ frame: Frame, _ b: UInt8) -> Outcome {
        switch frame {
        case .root(let done):
            guard !done else { return .rejected }
            replaceTop(.root(done: true))
            return start(grammar.root, b)
        case .object(let node, let phase, let index):
            return consumeObject(node, phase, index, b)
        case .array(let node, let phase, let count):
            guard case .array(let items, let minItems, let maxItems) = grammar.nodes[node] else { return .rejected }
            let nextCount = maxItems == nil ? min(count + 1, minItems) : count + 1
            let full = maxItems.map { count >= $0 } ?? false
            switch phase {
            case .afterOpen:
                if b == UInt8(ascii: "]") { return minItems == 0 ? .closed : .rejected }
                guard !full else { return .rejected }
                replaceTop(.array(node: node, phase: .afterItem, count: nextCount))
                return start(items, b)
            case .afterItem:
                if b == Self.comma, !full { replaceTop(.array(node: node, phase: .afterComma, count: count)); return .accepted }
                if b == UInt8(ascii: "]"), count >= minItems { return .closed }
                return .rejected
            case .afterComma, .afterCommaSpace:
                if b == Self.space, phase == .afterComma {
                    replaceTop(.array(node: node, phase: .afterCommaSpace, count: count))
                    return .accepted
                }
                replaceTop(.array(node: node, phase: .afterItem, count: nextCount))
                return start(items, b)
            }
        case .string(let node, let chars, let escape, let pending):
            guard case .string(let minLength, let maxLength) = grammar.nodes[node] else { return .rejected }
            let cap = maxLength ?? minLength
            let more = min(chars + 1, cap)
            func char(_ next: Frame) -> Outcome {
                if let maxLength, chars >= maxLength { return .rejected }
                replaceTop(next)
                return .accepted
            }
            if pending > 0 {
                guard b & 0xC0 == 0x80 else { return .rejected }
                replaceTop(.string(node: node, chars: chars, escape: 0, pending: pending - 1))
                return .accepted
            }
            if escape == 1 {
                if b == UInt8(ascii: "u") { replaceTop(.string(node: node, chars: chars, escape: 5, pending: 0)); return .accepted }
                guard "\"\\/bfnrt".utf8.contains(b) else { return .rejected }
                replaceTop(.string(node: node, chars: more, escape: 0, pending: 0))
                return .accepted
            }
            if escape >= 2 {
                guard Self.isHex(b) else { return .rejected }
                replaceTop(.string(node: node, chars: escape == 2 ? more : chars, escape: escape == 2 ? 0 : escape - 1, pending: 0))
                return .accepted
            }
            switch b {
            case Self.quote:
                guard chars >= minLength else { return .rejected }
                return .closed
            case Self.backslash:
                if let maxLength, chars >= maxLength { return .rejected }
                replaceTop(.string(node: node, chars: chars, escape: 1, pending: 0))
                return .accepted
            case 0 ..< 0x20: return .rejected
            case 0x20 ..< 0x80: return char(.string(node: node, chars: more, escape: 0, pending: 0))
            case 0xC2 ... 0xDF: return char(.string(node: node, chars: more, escape: 0, pending: 1))
            case 0xE0 ... 0xEF: return char(.string(node: node, chars: more, escape: 0, pending: 2))
            case 0xF0 ... 0xF4: return char(.string(node: node, chars: more, escape: 0, pending: 3))
            default: return .rejected
            }
        case .number(let integer, let phase, let digits):
            let digit = Self.isDigit(b)
            if digit && Int(digits) >= JSONGrammar.maxNumberDigits { return .rejected }
            let d = digits + (digit ? 1 : 0)
            func to(_ p: NumberPhase) -> Outcome {
                replaceTop(.number(integer: integer, phase: p, digits: d))
                return .accepted
            }
            let isE = b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
            switch phase {
            case .start:
                if b == UInt8(ascii: "-") { return to(.minus) }
                return b == 0x30 ? to(.zero) : digit ? to(.int) : .rejected
            case .minus: return b == 0x30 ? to(.zero) : digit ? to(.int) : .rejected
            case .zero, .int:
                if digit && phase == .int { return to(.int) }
                if !integer && b == UInt8(ascii: ".") { return to(.dot) }
                if !integer && isE { return to(.exp) }
                return digit ? .rejected : .passOn
            case .dot: return digit ? to(.frac) : .rejected
            case .frac:
                if digit { return to(.frac) }
                return isE ? to(.exp) : .passOn
            case .exp:
                if b == UInt8(ascii: "+") || b == UInt8(ascii: "-") { return to(.expSign) }
                return digit ? to(.expDigits) : .rejected
            case .expSign: return digit ? to(.expDigits) : .rejected
            case .expDigits: return digit ? to(.expDigits) : .passOn
            }
        case .literal(let source, let prefix):
            let candidates = grammar.candidates(source)
            let extended = prefix + [b]
            let alive = candidates.filter { $0.starts(with: extended) }
            if alive.isEmpty { return candidates.contains(prefix) ? .passOn : .rejected }
            replaceTop(.literal(source: source, prefix: extended))
            // Complete with nothing longer possible: closed (the parent reads the whole literal as it pops it).
            return alive.count == 1 && alive[0] == extended ? .closed : .accepted
        }
    }

    private mutating func consumeObject(_ node: Int, _ phase: ObjectPhase, _ index: Int, _ b: UInt8) -> Outcome {
        let properties: [JSONGrammar.Property]?
        let freeValue: Int?
        switch grammar.nodes[node] {
        case .object(let p):
            properties = p
            freeValue = nil
        case .freeObject(let v):
            properties = nil
            freeValue = v
        default: return .rejected
        }
        func set(_ p: ObjectPhase, _ i: Int) -> Outcome {
            replaceTop(.object(node: node, phase: p, index: i))
            return .accepted
        }
        /// Whether the object may close once properties before `i` are written.
        func mayClose(_ i: Int) -> Bool { properties.map { !$0[i...].contains { $0.required } } ?? true }
        func hasMore(_ i: Int) -> Bool { properties.map { i < $0.count } ?? true }
        func key(_ i: Int) -> Outcome {
            guard b == Self.quote, hasMore(i) else { return .rejected }
            replaceTop(.object(node: node, phase: .key, index: i))
            if properties != nil {
                stack.append(.literal(source: .keys(node: node, from: i), prefix: [b]))
            } else {
                stack.append(.string(node: JSONGrammar.keyNode, chars: 0, escape: 0, pending: 0))
            }
            return .accepted
        }
        func value(_ i: Int) -> Outcome {
            replaceTop(.object(node: node, phase: .afterValue, index: properties == nil ? 0 : i + 1))
            return start(properties.map { $0[i].node } ?? freeValue ?? 0, b)
        }
        switch phase {
        case .afterOpen:
            if b == UInt8(ascii: "}") { return mayClose(index) ? .closed : .rejected }
            return key(index)
        case .key: return .rejected
        case .expectColon: return b == Self.colon ? set(.afterColon, index) : .rejected
        case .afterColon:
            if b == Self.space { return set(.afterColonSpace, index) }
            return value(index)
        case .afterColonSpace: return value(index)
        case .afterValue:
            if b == Self.comma { return hasMore(index) ? set(.afterComma, index) : .rejected }
            if b == UInt8(ascii: "}") { return mayClose(index) ? .closed : .rejected }
            return .rejected
        case .afterComma:
            if b == Self.space { return set(.afterCommaSpace, index) }
            return key(index)
        case .afterCommaSpace: return key(index)
        }
    }

    /// The state as a key for cached token masks: string positions far from their length limits are merged, since
    /// no token of `horizon` bytes or fewer can tell them apart.
    func maskKey(horizon: Int) -> [Frame] {
        stack.map { frame in
            guard case .string(let node, let chars, let escape, let pending) = frame,
                  case .string(let minLength, let maxLength) = grammar.nodes[node] else { return frame }
            let toMin = min(max(minLength - chars, 0), horizon + 1)
            let toMax = maxLength.map { min($0 - chars, horizon + 1) } ?? (horizon + 1)
            return .string(node: node, chars: toMin * 1_000_003 + toMax, escape: escape, pending: pending)
        }
    }
}
