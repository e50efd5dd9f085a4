import Foundation

/// BERT WordPiece (HF `BertTokenizerFast` semantics): ``BertNormalizer``, ``BertPreTokenizer``, then greedy
/// longest-match-first over each word with the `##` continuation prefix. Words longer than
/// ``maxInputCharsPerWord`` scalars, or with a part that matches nothing, become `[UNK]`.
public final class WordPieceTokenizer: Tokenizer {
    public let vocabularySize: Int
    public let specialTokens: SpecialTokens
    /// The normalization applied before splitting.
    public let normalizer: BertNormalizer
    /// Longest word (in Unicode scalars) that is split; longer words become `[UNK]`.
    public let maxInputCharsPerWord: Int
    /// The prefix marking a piece that continues a word.
    public let continuingSubwordPrefix: String

    private let tokens: [String]
    private let tokenIds: [String: Int32]
    private let controlIds: Set<Int32>
    private let specials: SpecialTokenMatcher
    private let unkId: Int32
    /// Longest vocabulary entry, in scalars (bounds the match search).
    private let maxTokenScalars: Int

    /// Builds a tokenizer from vocabulary lines (id = line index; on duplicates the last line wins, as in HF).
    ///
    /// `[CLS]`, `[SEP]`, `[PAD]`, `[MASK]` and `[UNK]` are looked up by name; `[UNK]` is required.
    public init(
        vocabulary: [String], normalizer: BertNormalizer = BertNormalizer(), maxInputCharsPerWord: Int = 100,
        continuingSubwordPrefix: String = "##", unknownToken: String = "[UNK]"
    ) throws {
        guard !vocabulary.isEmpty else { throw TokenizerError.invalidVocabulary("the vocabulary is empty") }
        guard vocabulary.count <= Int(Int32.max) else { throw TokenizerError.invalidVocabulary("too many tokens") }
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(vocabulary.count)
        var longest = 1
        for (id, token) in vocabulary.enumerated() {
            ids[token] = Int32(id)
            longest = max(longest, token.unicodeScalars.count)
        }
        guard let unk = ids[unknownToken] else {
            throw TokenizerError.invalidVocabulary("the unknown token '\(unknownToken)' is not in the vocabulary")
        }
        let cls = ids["[CLS]"]
        let sep = ids["[SEP]"]
        specialTokens = SpecialTokens(
            bos: cls, eos: sep, unk: unk, pad: ids["[PAD]"], addBOS: cls != nil, addEOS: sep != nil)
        controlIds = Set(["[CLS]", "[SEP]", "[PAD]", "[MASK]"].compactMap { ids[$0] })
        specials = SpecialTokenMatcher(
            ["[CLS]", "[SEP]", "[PAD]", "[MASK]", unknownToken].compactMap { name in ids[name].map { (id: $0, text: name) } })
        self.vocabularySize = vocabulary.count
        self.tokens = vocabulary
        self.tokenIds = ids
        self.unkId = unk
        self.normalizer = normalizer
        self.maxInputCharsPerWord = maxInputCharsPerWord
        self.continuingSubwordPrefix = continuingSubwordPrefix
        self.maxTokenScalars = longest
    }

    /// Builds a tokenizer from the text of a `vocab.txt` (one token per line; trailing whitespace trimmed).
    public convenience init(vocabText: String, normalizer: BertNormalizer = BertNormalizer()) throws {
        var lines = vocabText.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var s = Substring(line)
            while let last = s.unicodeScalars.last, last.properties.isWhitespace { s = s.dropLast() }
            return String(s)
        }
        if vocabText.hasSuffix("\n") { lines.removeLast() }
        try self.init(vocabulary: lines, normalizer: normalizer)
    }

    /// Reads a `vocab.txt` file.
    public convenience init(vocabFile path: String, normalizer: BertNormalizer = BertNormalizer()) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TokenizerError.invalidFile(path: path, line: nil, reason: "cannot read the vocabulary file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TokenizerError.invalidFile(path: path, line: nil, reason: "the vocabulary file is not valid UTF-8")
        }
        do {
            try self.init(vocabText: text, normalizer: normalizer)
        } catch let error as TokenizerError {
            throw TokenizerError.invalidFile(path: path, line: nil, reason: error.description)
        }
    }

    // MARK: Encoding

    /// Encodes `text` as BERT input: `[CLS] … [SEP]` when `addSpecialTokens`, keeping at most `maxLength` ids
    /// in total (the text's tokens are cut from the end; the special tokens are kept).
    public func encode(_ text: String, addSpecialTokens: Bool, maxLength: Int? = nil) -> [Int32] {
        var body = encode(text, parseSpecial: true)
        let extra = addSpecialTokens ? (specialTokens.bos == nil ? 0 : 1) + (specialTokens.eos == nil ? 0 : 1) : 0
        if let maxLength {
            let keep = max(0, maxLength - extra)
            if body.count > keep { body.removeLast(body.count - keep) }
        }
        guard addSpecialTokens else { return body }
        var out: [Int32] = []
        out.reserveCapacity(body.count + 2)
        if let bos = specialTokens.bos { out.append(bos) }
        out.append(contentsOf: body)
        if let eos = specialTokens.eos { out.append(eos) }
        return out
    }

    public func encode(_ text: String, parseSpecial: Bool) -> [Int32] {
        var out: [Int32] = []
        guard parseSpecial else {
            encodeText(text, into: &out)
            return out
        }
        var pieces: [(text: String?, id: Int32)] = []
        var utf8 = Array(text.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(buffer)
            specials.segment(
                bytes,
                text: { start, end in
                    pieces.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), -1))
                },
                special: { pieces.append((nil, $0)) })
        }
        for piece in pieces {
            if let text = piece.text { encodeText(text, into: &out) } else { out.append(piece.id) }
        }
        return out
    }

    private func encodeText(_ text: String, into out: inout [Int32]) {
        let normalized = normalizer.normalize(text)
        for word in BertPreTokenizer.split(normalized) {
            encodeWord(word, into: &out)
        }
    }

    /// Greedy longest-match-first split of one word.
    private func encodeWord(_ word: [Unicode.Scalar], into out: inout [Int32]) {
        if word.count > maxInputCharsPerWord {
            out.append(unkId)
            return
        }
        let first = out.count
        var start = 0
        while start < word.count {
            var end = min(word.count, start + maxTokenScalars)
            var found: Int32?
            while end > start {
                var candidate = start > 0 ? continuingSubwordPrefix : ""
                candidate.unicodeScalars.append(contentsOf: word[start..<end])
                if let id = tokenIds[candidate] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else {
                out.removeLast(out.count - first)
                out.append(unkId)
                return
            }
            out.append(id)
            start = end
        }
    }

    // MARK: Decoding and lookup

    /// Joins pieces into words: a piece with the `##` prefix continues the previous word, others start a new
    /// word after a space.
    public func decode(_ ids: [Int32]) -> String {
        var bytes: [UInt8] = []
        var atStart = true
        for id in ids where id >= 0 && Int(id) < vocabularySize {
            bytes.append(contentsOf: pieceBytes(id, atStart: atStart))
            atStart = false
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The token's text without the continuation prefix.
    public func tokenBytes(_ id: Int32) -> [UInt8] {
        let text = tokenText(id)
        if !controlIds.contains(id) && text.hasPrefix(continuingSubwordPrefix) && text != continuingSubwordPrefix {
            return Array(text.utf8.dropFirst(continuingSubwordPrefix.utf8.count))
        }
        return Array(text.utf8)
    }

    /// Word-starting pieces get a separating space unless they open the output.
    public func pieceBytes(_ id: Int32, atStart: Bool) -> [UInt8] {
        let text = tokenText(id)
        let continues = text.hasPrefix(continuingSubwordPrefix) && text != continuingSubwordPrefix
        if atStart || continues { return tokenBytes(id) }
        return [0x20] + tokenBytes(id)
    }

    public func tokenText(_ id: Int32) -> String {
        guard id >= 0, Int(id) < tokens.count else { return "" }
        return tokens[Int(id)]
    }

    public func id(of tokenText: String) -> Int32? { tokenIds[tokenText] }

    /// `[CLS]`, `[SEP]`, `[PAD]` and `[MASK]`.
    public func isControl(_ id: Int32) -> Bool { controlIds.contains(id) }
}
