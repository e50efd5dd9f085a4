import Synchronization

/// A grammar bound to a model's vocabulary: the set of tokens allowed in each automaton state, computed once per
/// state and cached (states that no token can tell apart share an entry). Shared by every sequence that uses the
/// grammar, from any thread.
public final class TokenConstraint: Sendable {
    public let grammar: JSONGrammar
    let trie: TokenTrie
    /// Tokens that end the output (allowed only where the grammar accepts the output as complete).
    let stopTokens: [Int32]
    private let masks = Mutex<[[JSONAutomaton.Frame]: [Int32]]>([:])

    public init(grammar: JSONGrammar, trie: TokenTrie, stopTokens: Set<Int32>) {
        self.grammar = grammar
        self.trie = trie
        self.stopTokens = stopTokens.sorted()
    }

    /// The state before any output.
    public func start() -> JSONAutomaton { JSONAutomaton(grammar: grammar) }

    /// Tokens allowed in `state`, ascending: those whose bytes continue a valid output, plus the stop tokens where
    /// the output may end here. Should no token fit (a vocabulary missing a byte the grammar needs), the stop tokens
    /// are allowed so that the sequence ends rather than produce text the grammar rejects.
    public func allowedTokens(in state: JSONAutomaton) -> [Int32] {
        let key = state.maskKey(horizon: trie.longestToken)
        var allowed: [Int32]
        if let cached = masks.withLock({ $0[key] }) {
            allowed = cached
        } else {
            allowed = trie.allowedTokens(from: state)
            masks.withLock { $0[key] = allowed }
        }
        if allowed.isEmpty || state.canFinish {
            allowed = (allowed + stopTokens).sorted()
        }
        return allowed
    }

    /// Distinct states whose masks are cached (for benchmarks and tests).
    public var cachedStates: Int { masks.withLock { $0.count } }
}

extension TokenConstraint: Equatable {
    /// The same constraint object (requests compare their constraints by identity).
    public static func == (a: TokenConstraint, b: TokenConstraint) -> Bool { a === b }
}
