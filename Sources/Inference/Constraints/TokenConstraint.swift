import Synchronization

/// A grammar bound to a model's vocabulary: the set of tokens allowed in each automaton state, computed once per
/// state and cached (states that no token can tell apart share an entry). Shared by every sequence that uses the
/// grammar, from any thread.
public final class TokenConstraint: Sendable {
    public let grammar: JSONGrammar
    let trie: TokenTrie
    /// Tokens that end the output (allowed only where the grammar accepts the output as complete).
    let stopTokens: [Int32]
    private let masks = Mutex<[[JSONAutomaton.Frame]: TokenMask]>([:])

    public init(grammar: JSONGrammar, trie: TokenTrie, stopTokens: Set<Int32>) {
        self.grammar = grammar
        self.trie = trie
        self.stopTokens = stopTokens.sorted()
    }

    /// The state before any output.
    public func start() -> JSONAutomaton { JSONAutomaton(grammar: grammar) }

    /// The mask of `state`: the tokens whose bytes continue a valid output, plus the stop tokens where the output
    /// may end here. Should no token fit (a vocabulary missing a byte the grammar needs), the stop tokens are
    /// allowed so that the sequence ends rather than produce text the grammar rejects.
    func mask(in state: JSONAutomaton) -> TokenMask {
        let key = state.maskKey(horizon: trie.longestToken)
        if let cached = masks.withLock({ $0[key] }) { return cached }
        var allowed = trie.allowedTokens(from: state)
        if allowed.isEmpty || state.canFinish { allowed = (allowed + stopTokens).sorted() }
        let mask = TokenMask(allowed: allowed, vocabularySize: trie.vocabularySize)
        masks.withLock { $0[key] = mask }
        return mask
    }

    /// Tokens allowed in `state`, ascending (``mask(in:)``).
    public func allowedTokens(in state: JSONAutomaton) -> [Int32] { mask(in: state).allowed }

    /// Distinct states whose masks are cached (for benchmarks and tests).
    public var cachedStates: Int { masks.withLock { $0.count } }
}

/// The tokens allowed in one state, stored as the shorter of the allowed and the forbidden lists (inside a string
/// nearly every token is allowed).
struct TokenMask: Sendable {
    /// Ascending ids: the forbidden ones when `listsForbidden`, else the allowed ones.
    let ids: [Int32]
    let listsForbidden: Bool
    let vocabularySize: Int

    init(allowed: [Int32], vocabularySize: Int) {
        self.vocabularySize = vocabularySize
        if allowed.count > vocabularySize / 2 {
            ids = Self.complement(of: allowed, in: vocabularySize)
            listsForbidden = true
        } else {
            ids = allowed
            listsForbidden = false
        }
    }

    /// The allowed ids, ascending.
    var allowed: [Int32] { listsForbidden ? Self.complement(of: ids, in: vocabularySize) : ids }

    /// The ids in 0..<size that are not in `ids` (ascending, distinct), ascending.
    static func complement(of ids: [Int32], in size: Int) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(max(0, size - ids.count))
        var next = 0
        for id in ids {
            while next < Int(id) {
                out.append(Int32(next))
                next += 1
            }
            next = Int(id) + 1
        }
        while next < size {
            out.append(Int32(next))
            next += 1
        }
        return out
    }

    /// Writes `logits` into `out` (resized to match) with every forbidden token at −∞.
    func apply(_ logits: UnsafeBufferPointer<Float>, into out: inout [Float]) {
        let n = logits.count
        if out.count != n { out = [Float](repeating: 0, count: n) }
        out.withUnsafeMutableBufferPointer { o in
            if listsForbidden {
                if let src = logits.baseAddress, let dst = o.baseAddress { dst.update(from: src, count: n) }
                for id in ids where Int(id) < n { o[Int(id)] = -.infinity }
            } else {
                for i in 0 ..< n { o[i] = -.infinity }
                for id in ids where Int(id) < n { o[Int(id)] = logits[Int(id)] }
            }
        }
    }
}

extension TokenConstraint: Equatable {
    /// The same constraint object (requests compare their constraints by identity).
    public static func == (a: TokenConstraint, b: TokenConstraint) -> Bool { a === b }
}
