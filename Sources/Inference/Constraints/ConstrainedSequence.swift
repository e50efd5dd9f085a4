/// One sequence's place in a `TokenConstraint`: masks its logits before sampling and advances with each token.
/// A value per sequence, so a constrained sequence never touches the logits of another.
public struct ConstrainedSequence: Sendable {
    public let constraint: TokenConstraint
    public private(set) var state: JSONAutomaton
    /// The masked copy of the last logits (kept to reuse its memory).
    private var scratch: [Float] = []

    public init(_ constraint: TokenConstraint) {
        self.constraint = constraint
        state = constraint.start()
    }

    /// A copy of `logits` with every token the grammar does not allow here set to −∞.
    public mutating func masked(_ logits: UnsafeBufferPointer<Float>) -> [Float] {
        constraint.mask(in: state).apply(logits, into: &scratch)
        return scratch
    }

    /// Advances past `token` (stop tokens and control tokens leave the state as it is).
    public mutating func advance(_ token: Int32) {
        let bytes = constraint.trie.bytes(of: token)
        guard !bytes.isEmpty else { return }
        var next = state
        if next.feed(bytes) { state = next }
    }

    /// Whether the output so far is complete.
    public var isComplete: Bool { state.canFinish }
}
