import Synchronization
import Tokenizers

/// A model's token trie (built on first use) and its `TokenConstraint`s by grammar, so that every request with
/// the same schema shares one mask cache.
public final class ConstraintCache: Sendable {
    private struct State {
        var trie: TokenTrie?
        var constraints: [JSONGrammar: TokenConstraint] = [:]
    }

    private let state = Mutex(State())
    /// Grammars kept at once (the least recent ones beyond this are dropped).
    static let capacity = 64

    public init() {}

    /// The constraint of `grammar` over `tokenizer`'s vocabulary, ending with `stopTokens`.
    public func constraint(for grammar: JSONGrammar, tokenizer: any Tokenizer, stopTokens: Set<Int32>) -> TokenConstraint {
        if let found = state.withLock({ $0.constraints[grammar] }) { return found }
        let trie = state.withLock { $0.trie } ?? TokenTrie(tokenizer: tokenizer)
        return state.withLock { s in
            if s.trie == nil { s.trie = trie }
            if let found = s.constraints[grammar] { return found }
            if s.constraints.count >= Self.capacity { s.constraints.removeAll() }
            let made = TokenConstraint(grammar: grammar, trie: s.trie ?? trie, stopTokens: stopTokens)
            s.constraints[grammar] = made
            return made
        }
    }
}
