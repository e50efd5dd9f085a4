/// Turns a stream of token ids into text without ever emitting a broken UTF-8 sequence.
///
/// Byte-level tokens can end in the middle of a character (`Ã`, `ðŁĻĤ`); their bytes are held back until the
/// character is complete. Bytes that can never become valid UTF-8 are emitted as U+FFFD at once.
public struct StreamingDetokenizer: Sendable {
    private let tokenizer: any Tokenizer
    private var pending: [UInt8] = []
    private var atStart = true

    /// Creates a detokenizer for ids produced by `tokenizer`.
    public init(tokenizer: any Tokenizer) {
        self.tokenizer = tokenizer
    }

    /// Adds token `id` and returns the text that is now complete (possibly empty).
    public mutating func push(_ id: Int32) -> String {
        if tokenizer.isControl(id) {
            pending.append(contentsOf: tokenizer.tokenBytes(id))
        } else {
            pending.append(contentsOf: tokenizer.pieceBytes(id, atStart: atStart))
            atStart = false
        }
        let complete = UTF8Completeness.completePrefixLength(pending)
        guard complete > 0 else { return "" }
        let text = String(decoding: pending[..<complete], as: UTF8.self)
        pending.removeFirst(complete)
        return text
    }

    /// Returns whatever is still held back, with U+FFFD for incomplete sequences, and resets the state.
    public mutating func flush() -> String {
        let text = String(decoding: pending, as: UTF8.self)
        pending.removeAll()
        atStart = true
        return text
    }
}
