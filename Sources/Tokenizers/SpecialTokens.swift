/// Ids of the tokenizer's special tokens and whether BOS/EOS are added when encoding with special tokens.
public struct SpecialTokens: Sendable, Equatable {
    /// Beginning-of-sequence id (BERT: `[CLS]`).
    public var bos: Int32?
    /// End-of-sequence id (BERT: `[SEP]`).
    public var eos: Int32?
    /// End-of-turn id for chat models (`<|im_end|>`, `<|eot_id|>`, `<end_of_turn>`, `<|end|>`).
    public var eot: Int32?
    /// Unknown-token id.
    public var unk: Int32?
    /// Padding id.
    public var pad: Int32?
    /// Whether ``Tokenizer/encode(_:addSpecialTokens:parseSpecial:)`` puts ``bos`` in front.
    public var addBOS: Bool
    /// Whether ``Tokenizer/encode(_:addSpecialTokens:parseSpecial:)`` puts ``eos`` at the end.
    public var addEOS: Bool

    /// Creates a set of special-token ids; all optional.
    public init(
        bos: Int32? = nil, eos: Int32? = nil, eot: Int32? = nil, unk: Int32? = nil, pad: Int32? = nil,
        addBOS: Bool = false, addEOS: Bool = false
    ) {
        self.bos = bos
        self.eos = eos
        self.eot = eot
        self.unk = unk
        self.pad = pad
        self.addBOS = addBOS
        self.addEOS = addEOS
    }

    /// Ids that end generation: EOS and EOT (deduplicated, EOS first).
    public var endOfGenerationIds: [Int32] {
        var ids: [Int32] = []
        if let eos { ids.append(eos) }
        if let eot, eot != eos { ids.append(eot) }
        return ids
    }
}
