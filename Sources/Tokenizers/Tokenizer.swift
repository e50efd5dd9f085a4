/// A text ⇄ token-id codec.
///
/// Every tokenizer in this module is immutable after construction and safe to share between tasks.
/// `encode` never adds BOS/EOS by itself; use ``encode(_:addSpecialTokens:parseSpecial:)`` for that.
public protocol Tokenizer: Sendable {
    /// Number of token ids (`0..<vocabularySize` are valid).
    var vocabularySize: Int { get }

    /// Splits `text` into token ids.
    ///
    /// - Parameter parseSpecial: when `true`, the text of control tokens (e.g. `<|im_start|>`) is recognised
    ///   and mapped to their ids; when `false` such text is encoded as ordinary characters.
    ///   User-defined tokens are always recognised (as llama.cpp does).
    func encode(_ text: String, parseSpecial: Bool) -> [Int32]

    /// Turns ids back into text. Control tokens contribute their text; invalid UTF-8 is replaced by U+FFFD;
    /// ids out of range are skipped.
    func decode(_ ids: [Int32]) -> String

    /// The raw bytes token `id` stands for (control tokens: their text). Empty for ids out of range.
    func tokenBytes(_ id: Int32) -> [UInt8]

    /// The token's vocabulary string exactly as stored (e.g. `Ġthe` for byte-level BPE). Empty when out of range.
    func tokenText(_ id: Int32) -> String

    /// The id whose stored vocabulary string is exactly `tokenText`.
    func id(of tokenText: String) -> Int32?

    /// BOS/EOS/EOT/UNK/PAD ids and whether BOS/EOS are added around an encoded text.
    var specialTokens: SpecialTokens { get }

    /// Whether `id` is a control token (type 3), such as `<|im_end|>`.
    func isControl(_ id: Int32) -> Bool

    /// The bytes to emit for `id` when it is the first text-producing token of an output.
    /// SentencePiece tokenizers drop the space they prefixed during encoding; others return ``tokenBytes(_:)``.
    func pieceBytes(_ id: Int32, atStart: Bool) -> [UInt8]
}

extension Tokenizer {
    public func pieceBytes(_ id: Int32, atStart: Bool) -> [UInt8] {
        tokenBytes(id)
    }

    /// Encodes `text` and, when `addSpecialTokens` is true, adds BOS in front and EOS at the end as the
    /// tokenizer's ``SpecialTokens/addBOS`` and ``SpecialTokens/addEOS`` flags say.
    public func encode(_ text: String, addSpecialTokens: Bool, parseSpecial: Bool) -> [Int32] {
        let body = encode(text, parseSpecial: parseSpecial)
        guard addSpecialTokens else { return body }
        let special = specialTokens
        var out: [Int32] = []
        out.reserveCapacity(body.count + 2)
        if special.addBOS, let bos = special.bos { out.append(bos) }
        out.append(contentsOf: body)
        if special.addEOS, let eos = special.eos { out.append(eos) }
        return out
    }

    /// Decodes `ids` to raw bytes, applying the ``pieceBytes(_:atStart:)`` rule to the first non-control token.
    public func decodeBytes(_ ids: [Int32]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 4)
        var atStart = true
        for id in ids {
            if isControl(id) {
                bytes.append(contentsOf: tokenBytes(id))
            } else {
                bytes.append(contentsOf: pieceBytes(id, atStart: atStart))
                atStart = false
            }
        }
        return bytes
    }
}
