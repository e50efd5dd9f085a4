import Testing
import Tokenizers

/// SentencePiece-style BPE on tiny vocabularies, checked against a naive highest-score-first merge loop.
struct SentencePieceBPETests {
    struct RandomVocabulary {
        var tokens: [String]
        var scores: [Float]
        var types: [TokenType]
        var index: [String: Int32] = [:]

        init(seed: UInt64, withByteTokens: Bool = true) {
            var rng = SeededGenerator(seed: seed)
            tokens = ["<unk>", "<s>", "</s>"]
            types = [.unknown, .control, .control]
            if withByteTokens {
                for byte in 0...255 {
                    let hex = String(byte, radix: 16, uppercase: true)
                    tokens.append("<0x" + (hex.count == 1 ? "0" : "") + hex + ">")
                    types.append(.byte)
                }
            }
            var known = Set(tokens)
            for base in ["▁", "a", "b", "c"] {
                tokens.append(base)
                known.insert(base)
                types.append(.normal)
            }
            var pool = ["▁", "a", "b", "c"]
            while tokens.count < (withByteTokens ? 259 : 3) + 4 + 40 {
                let word = pool.randomElement(using: &rng)! + pool.randomElement(using: &rng)!
                guard word.count <= 7, !known.contains(word) else { continue }
                known.insert(word)
                tokens.append(word)
                types.append(.normal)
                pool.append(word)
            }
            // Scores: a few deliberate ties to exercise the leftmost-first rule.
            scores = tokens.indices.map { _ in Float(Int.random(in: -12...0, using: &rng)) }
            for (i, token) in tokens.enumerated() { index[token] = Int32(i) }
        }

        func id(_ text: String) -> Int32? { index[text] }

        /// llama.cpp's algorithm written naively: rescan all adjacent pairs each step.
        func naiveEncode(_ text: String, prefixSpace: Bool) -> [Int32] {
            let escaped = (prefixSpace ? " " : "") + text
            var symbols = escaped.unicodeScalars.map { $0 == " " ? "▁" : String($0) }
            while true {
                var best: (score: Float, index: Int)?
                for i in 0..<(max(symbols.count, 1) - 1) {
                    if let id = id(symbols[i] + symbols[i + 1]), best == nil || scores[Int(id)] > best!.score {
                        best = (scores[Int(id)], i)
                    }
                }
                guard let (_, i) = best else { break }
                symbols[i] += symbols[i + 1]
                symbols.remove(at: i + 1)
            }
            var out: [Int32] = []
            for symbol in symbols {
                if let id = id(symbol) {
                    out.append(id)
                } else {
                    for byte in symbol.utf8 {
                        let hex = String(byte, radix: 16, uppercase: true)
                        if let id = id("<0x" + (hex.count == 1 ? "0" : "") + hex + ">") { out.append(id) } else { out.append(0) }
                    }
                }
            }
            return out
        }
    }

    @Test func heapMergeEqualsNaiveMerge() throws {
        for seed: UInt64 in 1...6 {
            let vocabulary = RandomVocabulary(seed: seed)
            let tokenizer = try SentencePieceBPETokenizer(
                tokens: vocabulary.tokens, scores: vocabulary.scores, tokenTypes: vocabulary.types,
                specialTokens: SpecialTokens(bos: 1, eos: 2, unk: 0, addBOS: true))
            var rng = SeededGenerator(seed: seed * 31)
            for _ in 0..<120 {
                let length = Int.random(in: 1...30, using: &rng)
                let text = String((0..<length).map { _ in "abc  é".randomElement(using: &rng)! })
                #expect(tokenizer.encode(text, parseSpecial: false) == vocabulary.naiveEncode(text, prefixSpace: true), "\(text)")
                #expect(tokenizer.decode(tokenizer.encode(text, parseSpecial: false)) == text)
            }
        }
    }

    @Test func byteFallbackAndUnknown() throws {
        let vocabulary = RandomVocabulary(seed: 5)
        let tokenizer = try SentencePieceBPETokenizer(
            tokens: vocabulary.tokens, scores: vocabulary.scores, tokenTypes: vocabulary.types,
            specialTokens: SpecialTokens(unk: 0), addSpacePrefix: false)
        // "é" has no token: its UTF-8 bytes C3 A9 become <0xC3> <0xA9> (ids 3 + byte).
        #expect(tokenizer.encode("é", parseSpecial: false) == [3 + 0xC3, 3 + 0xA9])
        #expect(tokenizer.decode([3 + 0xC3, 3 + 0xA9]) == "é")
        #expect(tokenizer.tokenBytes(3 + 0x41) == [0x41])

        let noBytes = RandomVocabulary(seed: 5, withByteTokens: false)
        let plain = try SentencePieceBPETokenizer(
            tokens: noBytes.tokens, scores: noBytes.scores, tokenTypes: noBytes.types,
            specialTokens: SpecialTokens(unk: 0), addSpacePrefix: false)
        #expect(plain.encode("é", parseSpecial: false) == [0])
    }

    @Test func spacePrefixFollowsSpecialTokens() throws {
        let vocabulary = RandomVocabulary(seed: 3)
        let tokenizer = try SentencePieceBPETokenizer(
            tokens: vocabulary.tokens, scores: vocabulary.scores, tokenTypes: vocabulary.types,
            specialTokens: SpecialTokens(bos: 1, eos: 2, unk: 0, addBOS: true))
        let ab = vocabulary.naiveEncode("ab", prefixSpace: true)
        let c = vocabulary.naiveEncode("c", prefixSpace: false)
        #expect(tokenizer.encode("<s>ab", parseSpecial: true) == [1] + ab)
        #expect(tokenizer.encode("c<s>ab", parseSpecial: true) == vocabulary.naiveEncode("c", prefixSpace: true) + [1] + ab)
        #expect(tokenizer.encode("<s>", parseSpecial: false) != [1])
        #expect(tokenizer.encode("ab", addSpecialTokens: true, parseSpecial: false) == [1] + ab)
        // The prefixed space is dropped when decoding, after a leading BOS too.
        #expect(tokenizer.decode([1] + ab) == "<s>ab")
        var stream = StreamingDetokenizer(tokenizer: tokenizer)
        let streamed = ab.map { stream.push($0) }.joined() + stream.flush()
        #expect(streamed == "ab")
        #expect(!c.isEmpty)
    }

    @Test func invalidInputsThrow() {
        #expect(throws: TokenizerError.self) { try SentencePieceBPETokenizer(tokens: ["a", "b"], scores: [0]) }
        #expect(throws: TokenizerError.self) { try SentencePieceBPETokenizer(tokens: ["a"], tokenTypes: []) }
    }
}
