/// SentencePiece-style BPE (GGUF `tokenizer.ggml.model = llama`): spaces become `▁` (U+2581), adjacent symbols
/// whose concatenation is a vocabulary entry merge highest score first, and characters without a token fall
/// back to `<0xXX>` byte tokens (or the unknown token). Matches llama.cpp's SPM tokenizer.
public final class SentencePieceBPETokenizer: Tokenizer {
    public let vocabularySize: Int
    public let specialTokens: SpecialTokens
    /// Whether a space is put in front of the text (and of text following a special token), as SentencePiece does.
    public let addSpacePrefix: Bool

    private let tokens: [String]
    private let types: [TokenType]
    private let tokenIds: [String: Int32]
    private let bytesTable: TokenBytesTable
    /// Symbol id of each ASCII scalar (-1: none).
    private let asciiSymbols: [Int32]
    /// Symbol ids of other scalars: a token id, or a pseudo id ≥ vocabularySize for a character that appears
    /// inside tokens but is not one itself.
    private let otherSymbols: [UInt32: Int32]
    /// Byte-fallback token id per byte, or -1.
    private let byteTokenIds: [Int32]
    private let merges: PairTable
    private let allSpecials: SpecialTokenMatcher
    private let userDefinedSpecials: SpecialTokenMatcher

    private static let escapedSpace: UInt32 = 0x2581

    /// Builds a tokenizer from plain arrays.
    ///
    /// - Parameters:
    ///   - tokens: vocabulary strings (`▁` for spaces), by id.
    ///   - scores: merge scores by id (higher merges first); `nil` = all zero.
    ///   - tokenTypes: GGUF token types by id (`nil` = all normal).
    ///   - specialTokens: special ids; each must be in range.
    ///   - addSpacePrefix: put `▁` in front of the text (GGUF `tokenizer.ggml.add_space_prefix`, default true).
    public init(
        tokens: [String], scores: [Float]? = nil, tokenTypes: [TokenType]? = nil,
        specialTokens: SpecialTokens = SpecialTokens(), addSpacePrefix: Bool = true
    ) throws {
        let types = try VocabularyValidation.types(tokenTypes, count: tokens.count)
        let tokenIds = try VocabularyValidation.index(tokens)
        try VocabularyValidation.check(specialTokens, count: tokens.count)
        if let scores, scores.count < tokens.count {
            throw TokenizerError.invalidVocabulary("\(scores.count) scores for \(tokens.count) tokens")
        }

        var pieces: [[UInt8]] = []
        pieces.reserveCapacity(tokens.count)
        var byteTokenIds = [Int32](repeating: -1, count: 256)
        for (id, text) in tokens.enumerated() {
            switch types[id] {
            case .control, .userDefined, .unknown:
                pieces.append(Array(text.utf8))
            case .byte:
                if let byte = ByteToken.value(text) {
                    pieces.append([byte])
                    if byteTokenIds[Int(byte)] < 0 { byteTokenIds[Int(byte)] = Int32(id) }
                } else {
                    pieces.append(Array(text.utf8))
                }
            default:
                var bytes: [UInt8] = []
                for scalar in text.unicodeScalars {
                    if scalar.value == Self.escapedSpace { bytes.append(0x20) } else { bytes.append(contentsOf: String(scalar).utf8) }
                }
                pieces.append(bytes)
            }
        }
        // A byte token not typed as such (older files) still serves as fallback.
        for byte in 0..<256 where byteTokenIds[byte] < 0 {
            if let id = tokenIds[ByteToken.name(UInt8(byte))] { byteTokenIds[byte] = id }
        }
        bytesTable = TokenBytesTable(pieces) { _ in false }
        self.byteTokenIds = byteTokenIds

        // Symbols: single-scalar tokens, plus pseudo ids for scalars only seen inside longer tokens.
        var asciiSymbols = [Int32](repeating: -1, count: 128)
        var otherSymbols: [UInt32: Int32] = [:]
        var scalarLists: [[UInt32]] = []
        scalarLists.reserveCapacity(tokens.count)
        for (id, text) in tokens.enumerated() {
            let scalars = text.unicodeScalars.map(\.value)
            scalarLists.append(scalars)
            if scalars.count == 1 {
                let v = scalars[0]
                if v < 128 {
                    if asciiSymbols[Int(v)] < 0 { asciiSymbols[Int(v)] = Int32(id) }
                } else if otherSymbols[v] == nil {
                    otherSymbols[v] = Int32(id)
                }
            }
        }
        var nextPseudo = Int32(tokens.count)
        for scalars in scalarLists where scalars.count > 1 {
            for v in scalars {
                if v < 128 {
                    if asciiSymbols[Int(v)] < 0 { asciiSymbols[Int(v)] = nextPseudo; nextPseudo += 1 }
                } else if otherSymbols[v] == nil {
                    otherSymbols[v] = nextPseudo
                    nextPseudo += 1
                }
            }
        }
        func symbolId(_ scalars: ArraySlice<UInt32>) -> Int32? {
            if scalars.count == 1 {
                let v = scalars[scalars.startIndex]
                let id = v < 128 ? asciiSymbols[Int(v)] : (otherSymbols[v] ?? -1)
                return id >= 0 ? id : nil
            }
            var s = String.UnicodeScalarView()
            for v in scalars { if let u = Unicode.Scalar(v) { s.append(u) } }
            return tokenIds[String(s)]
        }

        // Every split of a token into two symbols is a possible merge, ranked by the token's score.
        var table = PairTable(capacity: tokens.count * 4)
        for (id, scalars) in scalarLists.enumerated() where scalars.count > 1 {
            let priority = ~SentencePieceBPETokenizer.orderedBits(scores?[id] ?? 0)
            for cut in 1..<scalars.count {
                guard let left = symbolId(scalars[..<cut]), let right = symbolId(scalars[cut...]) else { continue }
                table.insertIfAbsent(left: left, right: right, priority: priority, result: Int32(id))
            }
        }
        merges = table
        self.asciiSymbols = asciiSymbols
        self.otherSymbols = otherSymbols

        let specials = tokens.indices.filter { types[$0].isSpecialText }.map { (id: Int32($0), text: tokens[$0]) }
        allSpecials = SpecialTokenMatcher(specials)
        userDefinedSpecials = SpecialTokenMatcher(specials.filter { types[Int($0.id)] == .userDefined })

        self.vocabularySize = tokens.count
        self.tokens = tokens
        self.types = types
        self.tokenIds = tokenIds
        self.specialTokens = specialTokens
        self.addSpacePrefix = addSpacePrefix
    }

    /// Maps a float to a `UInt32` with the same order.
    static func orderedBits(_ value: Float) -> UInt32 {
        let bits = value.bitPattern
        return bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
    }

    // MARK: Encoding

    public func encode(_ text: String, parseSpecial: Bool) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(text.utf8.count / 3 + 4)
        var text = text
        text.withUTF8 { bytes in
            var work = Workspace()
            var previousWasSpecial = true
            let matcher = parseSpecial ? allSpecials : userDefinedSpecials
            matcher.segment(
                bytes,
                text: { start, end in
                    encodeFragment(
                        bytes, from: start, to: end, prefixSpace: addSpacePrefix && previousWasSpecial,
                        work: &work, into: &out)
                    previousWasSpecial = false
                },
                special: { id in
                    out.append(id)
                    previousWasSpecial = true
                })
        }
        return out
    }

    private struct Workspace {
        var run = ScalarRun()
        var values: [UInt32] = []
        var symbols: [Int32] = []
        var previous: [Int32] = []
        var next: [Int32] = []
        var heap = PackedMinHeap()
    }

    @inline(__always)
    private func symbol(for value: UInt32) -> Int32 {
        value < 128 ? asciiSymbols[Int(value)] : (otherSymbols[value] ?? -1)
    }

    private func encodeFragment(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, prefixSpace: Bool,
        work: inout Workspace, into out: inout [Int32]
    ) {
        work.run.load(bytes, from: start, to: end)
        work.values.removeAll(keepingCapacity: true)
        if prefixSpace { work.values.append(Self.escapedSpace) }
        for v in work.run.values { work.values.append(v == 0x20 ? Self.escapedSpace : v) }
        let n = work.values.count
        if n == 0 { return }
        if work.symbols.count < n {
            work.symbols = [Int32](repeating: 0, count: n)
            work.previous = [Int32](repeating: 0, count: n)
            work.next = [Int32](repeating: 0, count: n)
        }
        work.heap.removeAll()
        let dead = Int32.min
        for i in 0..<n {
            work.symbols[i] = symbol(for: work.values[i])
            work.previous[i] = Int32(i - 1)
            work.next[i] = i + 1 < n ? Int32(i + 1) : -1
        }
        for i in 0..<(n - 1) {
            if let value = merges.lookup(work.symbols[i], work.symbols[i + 1]) {
                work.heap.push(value & 0xFFFF_FFFF_0000_0000 | UInt64(i))
            }
        }
        while !work.heap.isEmpty {
            let top = work.heap.pop()
            let left = Int(top & 0xFFFF_FFFF)
            let leftId = work.symbols[left]
            if leftId == dead { continue }
            let right = Int(work.next[left])
            if right < 0 { continue }
            guard let value = merges.lookup(leftId, work.symbols[right]), value >> 32 == top >> 32 else { continue }
            work.symbols[left] = Int32(truncatingIfNeeded: value & 0xFFFF_FFFF)
            work.symbols[right] = dead
            let after = work.next[right]
            work.next[left] = after
            if after >= 0 { work.previous[Int(after)] = Int32(left) }
            let before = work.previous[left]
            if before >= 0, let v = merges.lookup(work.symbols[Int(before)], work.symbols[left]) {
                work.heap.push(v & 0xFFFF_FFFF_0000_0000 | UInt64(before))
            }
            if after >= 0, let v = merges.lookup(work.symbols[left], work.symbols[Int(after)]) {
                work.heap.push(v & 0xFFFF_FFFF_0000_0000 | UInt64(left))
            }
        }
        var i = 0
        while i >= 0 {
            let id = work.symbols[i]
            if id >= 0 && Int(id) < vocabularySize {
                out.append(id)
            } else {
                appendFallback(work.values[i], into: &out)
            }
            i = Int(work.next[i])
        }
    }

    /// Byte tokens for a character without a token; the unknown token when a byte token is missing.
    private func appendFallback(_ value: UInt32, into out: inout [Int32]) {
        guard let scalar = Unicode.Scalar(value) else { return }
        let utf8 = Array(String(scalar).utf8)
        if utf8.allSatisfy({ byteTokenIds[Int($0)] >= 0 }) {
            for byte in utf8 { out.append(byteTokenIds[Int(byte)]) }
        } else if let unk = specialTokens.unk {
            out.append(unk)
        }
    }

    // MARK: Decoding and lookup

    public func decode(_ ids: [Int32]) -> String {
        String(decoding: decodeBytes(ids), as: UTF8.self)
    }

    public func tokenBytes(_ id: Int32) -> [UInt8] { bytesTable.bytes(Int(id)) }

    public func pieceBytes(_ id: Int32, atStart: Bool) -> [UInt8] {
        let bytes = bytesTable.bytes(Int(id))
        if atStart && addSpacePrefix && bytes.first == 0x20 && tokenType(id) != .byte {
            return Array(bytes.dropFirst())
        }
        return bytes
    }

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
