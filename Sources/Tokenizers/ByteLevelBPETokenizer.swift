/// Byte-level BPE (GGUF `tokenizer.ggml.model = gpt2`): GPT-2 byte map, a regex-equivalent pre-tokenizer and
/// rank-ordered merges, giving the same ids as llama.cpp and HF `tokenizers`.
public final class ByteLevelBPETokenizer: Tokenizer {
    public let vocabularySize: Int
    public let specialTokens: SpecialTokens
    /// The pre-tokenizer in use.
    public let preTokenizer: BPEPreTokenizer
    /// Non-fatal problems found while building (unknown pre-tokenizer name, unusable merges, …).
    public let warnings: [String]

    private let tokens: [String]
    private let types: [TokenType]
    private let tokenIds: [String: Int32]
    private let bytesTable: TokenBytesTable
    /// Id of the single-character token for each byte, or -1.
    private let byteIds: [Int32]
    private let merges: PairTable
    private let allSpecials: SpecialTokenMatcher
    private let userDefinedSpecials: SpecialTokenMatcher

    /// Builds a tokenizer from plain arrays.
    ///
    /// - Parameters:
    ///   - tokens: vocabulary strings in GPT-2 byte-mapped form, indexed by id.
    ///   - tokenTypes: GGUF token types by id (`nil` = all normal); must have at least `tokens.count` entries.
    ///   - merges: `"left right"` strings; rank = index. Merges whose parts or result are not in the vocabulary
    ///     are ignored (reported in ``warnings``).
    ///   - preTokenizer: the splitting rule.
    ///   - specialTokens: special ids; each must be in range.
    public convenience init(
        tokens: [String], tokenTypes: [TokenType]? = nil, merges: [String],
        preTokenizer: BPEPreTokenizer, specialTokens: SpecialTokens = SpecialTokens()
    ) throws {
        try self.init(
            tokens: tokens, tokenTypes: tokenTypes, merges: merges, resolved: preTokenizer,
            specialTokens: specialTokens, warnings: [])
    }

    /// Builds a tokenizer, choosing the pre-tokenizer by its GGUF `tokenizer.ggml.pre` name. Unknown names fall
    /// back to ``BPEPreTokenizer/gpt2`` with a message in ``warnings``.
    public convenience init(
        tokens: [String], tokenTypes: [TokenType]? = nil, merges: [String],
        preTokenizerName: String, specialTokens: SpecialTokens = SpecialTokens()
    ) throws {
        var warnings: [String] = []
        let pre: BPEPreTokenizer
        if let known = BPEPreTokenizer(ggufName: preTokenizerName) {
            pre = known
        } else {
            pre = .gpt2
            warnings.append("unknown pre-tokenizer '\(preTokenizerName)'; using gpt2")
        }
        try self.init(
            tokens: tokens, tokenTypes: tokenTypes, merges: merges, resolved: pre,
            specialTokens: specialTokens, warnings: warnings)
    }

    private init(
        tokens: [String], tokenTypes: [TokenType]?, merges mergeStrings: [String], resolved pre: BPEPreTokenizer,
        specialTokens: SpecialTokens, warnings initialWarnings: [String]
    ) throws {
        var warnings = initialWarnings
        let types = try VocabularyValidation.types(tokenTypes, count: tokens.count)
        let tokenIds = try VocabularyValidation.index(tokens)
        try VocabularyValidation.check(specialTokens, count: tokens.count)

        var pieces: [[UInt8]] = []
        pieces.reserveCapacity(tokens.count)
        for (id, text) in tokens.enumerated() {
            switch types[id] {
            case .control, .userDefined, .unknown:
                pieces.append(Array(text.utf8))
            case .byte:
                pieces.append(ByteToken.value(text).map { [$0] } ?? ByteLevelEncoding.decode(text))
            default:
                pieces.append(ByteLevelEncoding.decode(text))
            }
        }
        bytesTable = TokenBytesTable(pieces) { id in
            switch types[id] {
            case .control, .userDefined, .unknown, .byte: return false
            default: return true
            }
        }

        var byteIds = [Int32](repeating: -1, count: 256)
        for byte in 0..<256 {
            let text = ByteLevelEncoding.encode([UInt8(byte)])
            if let id = tokenIds[text] { byteIds[byte] = id }
        }
        self.byteIds = byteIds

        var table = PairTable(capacity: mergeStrings.count)
        var unusable = 0
        for (rank, merge) in mergeStrings.enumerated() {
            guard let (left, right) = MergeRule.split(merge),
                let leftId = tokenIds[left], let rightId = tokenIds[right],
                let resultId = tokenIds[left + right]
            else {
                unusable += 1
                continue
            }
            table.insertIfAbsent(left: leftId, right: rightId, priority: UInt32(rank), result: resultId)
        }
        if unusable > 0 {
            warnings.append("\(unusable) merges name tokens missing from the vocabulary; ignored")
        }
        merges = table

        let specials = tokens.indices.filter { types[$0].isSpecialText }.map { (id: Int32($0), text: tokens[$0]) }
        allSpecials = SpecialTokenMatcher(specials)
        userDefinedSpecials = SpecialTokenMatcher(specials.filter { types[Int($0.id)] == .userDefined })

        self.vocabularySize = tokens.count
        self.tokens = tokens
        self.types = types
        self.tokenIds = tokenIds
        self.preTokenizer = pre
        self.specialTokens = specialTokens
        self.warnings = warnings
    }

    // MARK: Encoding

    public func encode(_ text: String, parseSpecial: Bool) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(text.utf8.count / 3 + 4)
        var text = text
        text.withUTF8 { bytes in
            var work = Workspace()
            work.cache = PieceCache(textBytes: bytes.count)
            let matcher = parseSpecial ? allSpecials : userDefinedSpecials
            matcher.segment(
                bytes,
                text: { start, end in encodeText(bytes, from: start, to: end, work: &work, into: &out) },
                special: { out.append($0) })
        }
        return out
    }

    private struct Workspace {
        var run = ScalarRun()
        var ends: [Int32] = []
        var symbols: [Int32] = []
        var previous: [Int32] = []
        var next: [Int32] = []
        var heap = PackedMinHeap()
        var cache: PieceCache?
    }

    private func encodeText(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, work: inout Workspace, into out: inout [Int32]
    ) {
        work.run.load(bytes, from: start, to: end)
        work.ends.removeAll(keepingCapacity: true)
        preTokenizer.split(work.run, ends: &work.ends)
        var pieceStart = Int(work.run.offsets[0])
        for scalarEnd in work.ends {
            let pieceEnd = Int(work.run.offsets[Int(scalarEnd)])
            let piece = UnsafeBufferPointer(rebasing: bytes[pieceStart..<pieceEnd])
            if piece.count > 1 && piece.count <= PieceCache.maxBytes, work.cache != nil {
                if work.cache?.lookup(piece, into: &out) == true {
                    pieceStart = pieceEnd
                    continue
                }
                let first = out.count
                mergePiece(piece, work: &work, into: &out)
                work.cache?.store(piece, out[first...])
            } else {
                mergePiece(piece, work: &work, into: &out)
            }
            pieceStart = pieceEnd
        }
    }

    /// Runs the rank-ordered merges over one pre-token's bytes. Bytes without a single-character token are
    /// dropped before merging, as HF `tokenizers` does when the model has no unknown token.
    private func mergePiece(_ piece: UnsafeBufferPointer<UInt8>, work: inout Workspace, into out: inout [Int32]) {
        let count = piece.count
        if count == 0 { return }
        if count == 1 {
            let id = byteIds[Int(piece[0])]
            if id >= 0 { out.append(id) }
            return
        }
        if preTokenizer.ignoresMerges {
            let whole = bytesTable.lookup(piece)
            if whole >= 0 {
                out.append(whole)
                return
            }
        }
        if work.symbols.count < count {
            work.symbols = [Int32](repeating: 0, count: count)
            work.previous = [Int32](repeating: 0, count: count)
            work.next = [Int32](repeating: 0, count: count)
        }
        work.heap.removeAll()
        let dead = Int32.min
        work.symbols.withUnsafeMutableBufferPointer { symbols in
            work.previous.withUnsafeMutableBufferPointer { previous in
                work.next.withUnsafeMutableBufferPointer { next in
                    var n = 0
                    for k in 0..<count {
                        let id = byteIds[Int(piece[k])]
                        if id >= 0 {
                            symbols[n] = id
                            n += 1
                        }
                    }
                    if n == 0 { return }
                    for i in 0..<n {
                        previous[i] = Int32(i - 1)
                        next[i] = i + 1 < n ? Int32(i + 1) : -1
                    }
                    for i in 0..<max(0, n - 1) {
                        if let value = merges.lookup(symbols[i], symbols[i + 1]) {
                            work.heap.push(value & 0xFFFF_FFFF_0000_0000 | UInt64(i))
                        }
                    }
                    while !work.heap.isEmpty {
                        let top = work.heap.pop()
                        let left = Int(top & 0xFFFF_FFFF)
                        let leftId = symbols[left]
                        if leftId == dead { continue }
                        let right = Int(next[left])
                        if right < 0 { continue }
                        guard let value = merges.lookup(leftId, symbols[right]),
                            value >> 32 == top >> 32
                        else { continue }
                        symbols[left] = Int32(truncatingIfNeeded: value & 0xFFFF_FFFF)
                        symbols[right] = dead
                        let after = next[right]
                        next[left] = after
                        if after >= 0 { previous[Int(after)] = Int32(left) }
                        let before = previous[left]
                        if before >= 0, let v = merges.lookup(symbols[Int(before)], symbols[left]) {
                            work.heap.push(v & 0xFFFF_FFFF_0000_0000 | UInt64(before))
                        }
                        if after >= 0, let v = merges.lookup(symbols[left], symbols[Int(after)]) {
                            work.heap.push(v & 0xFFFF_FFFF_0000_0000 | UInt64(left))
                        }
                    }
                    var i = 0
                    while i >= 0 {
                        out.append(symbols[i])
                        i = Int(next[i])
                    }
                }
            }
        }
    }

    // MARK: Decoding and lookup

    public func decode(_ ids: [Int32]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 4)
        for id in ids { bytesTable.append(Int(id), to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func tokenBytes(_ id: Int32) -> [UInt8] { bytesTable.bytes(Int(id)) }

    public func tokenText(_ id: Int32) -> String {
        guard id >= 0, Int(id) < tokens.count else { return "" }
        return tokens[Int(id)]
    }

    public func id(of tokenText: String) -> Int32? { tokenIds[tokenText] }

    public func isControl(_ id: Int32) -> Bool { tokenType(id) == .control }

    /// The GGUF type of token `id` (``TokenType/undefined`` when out of range).
    public func tokenType(_ id: Int32) -> TokenType {
        guard id >= 0, Int(id) < types.count else { return .undefined }
        return types[Int(id)]
    }
}
