/// Checks shared by the tokenizer initialisers.
enum VocabularyValidation {
    /// Token types padded/validated against the vocabulary size.
    static func types(_ types: [TokenType]?, count: Int) throws -> [TokenType] {
        guard count > 0 else { throw TokenizerError.invalidVocabulary("the vocabulary is empty") }
        guard let types else { return [TokenType](repeating: .normal, count: count) }
        guard types.count >= count else {
            throw TokenizerError.invalidVocabulary("\(types.count) token types for \(count) tokens")
        }
        return Array(types.prefix(count))
    }

    /// String → id map; duplicates are an error naming both ids.
    static func index(_ tokens: [String]) throws -> [String: Int32] {
        guard tokens.count <= Int(Int32.max) else { throw TokenizerError.invalidVocabulary("too many tokens") }
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(tokens.count)
        for (id, text) in tokens.enumerated() {
            if let other = ids.updateValue(Int32(id), forKey: text) {
                throw TokenizerError.invalidVocabulary("duplicate token '\(text)' at ids \(other) and \(id)")
            }
        }
        return ids
    }

    /// Every special id must be a valid token id.
    static func check(_ special: SpecialTokens, count: Int) throws {
        let named: [(String, Int32?)] = [
            ("bos", special.bos), ("eos", special.eos), ("eot", special.eot), ("unk", special.unk), ("pad", special.pad),
        ]
        for (name, id) in named {
            if let id, id < 0 || Int(id) >= count {
                throw TokenizerError.invalidVocabulary("\(name) id \(id) is outside 0..<\(count)")
            }
        }
    }
}
