import Testing
import Tokenizers

/// Byte-level BPE on tiny hand-made vocabularies, checked against a naive O(n²) merge loop.
struct ByteLevelBPETests {
    /// A vocabulary of all 256 byte characters plus tokens created by random merges over `letters`.
    struct RandomBPE {
        var tokens: [String]
        var merges: [String]
        var ranks: [String: Int]
        var index: [String: Int32] = [:]

        init(letters: [String], mergeCount: Int, seed: UInt64) {
            var rng = SeededGenerator(seed: seed)
            tokens = (0...255).map { String(gpt2Character(UInt8($0))) }
            var known = Set(tokens)
            var pool = letters.map(gpt2Spelling)
            merges = []
            ranks = [:]
            var attempts = 0
            while merges.count < mergeCount && attempts < mergeCount * 50 {
                attempts += 1
                let left = pool.randomElement(using: &rng)!
                let right = pool.randomElement(using: &rng)!
                let rule = left + " " + right
                guard ranks[rule] == nil, (left + right).count <= 8 else { continue }
                ranks[rule] = merges.count
                merges.append(rule)
                if !known.contains(left + right) {
                    known.insert(left + right)
                    tokens.append(left + right)
                    pool.append(left + right)
                }
            }
            for (i, token) in tokens.enumerated() { index[token] = Int32(i) }
        }

        /// Repeatedly merges the adjacent pair with the lowest rank (leftmost on ties), rescanning every time.
        func naiveEncode(piece: String) -> [Int32] {
            var symbols = gpt2Spelling(piece).map { String($0) }
            while true {
                var best: (rank: Int, index: Int)?
                for i in 0..<(max(symbols.count, 1) - 1) {
                    if let rank = ranks[symbols[i] + " " + symbols[i + 1]], best == nil || rank < best!.rank {
                        best = (rank, i)
                    }
                }
                guard let (_, i) = best else { break }
                symbols[i] += symbols[i + 1]
                symbols.remove(at: i + 1)
            }
            return symbols.compactMap { index[$0] }
        }
    }

    @Test func heapMergeEqualsNaiveMerge() throws {
        for seed: UInt64 in 1...6 {
            let bpe = RandomBPE(letters: ["a", "b", "c", "d"], mergeCount: 40, seed: seed)
            let tokenizer = try ByteLevelBPETokenizer(tokens: bpe.tokens, merges: bpe.merges, preTokenizer: .gpt2)
            var rng = SeededGenerator(seed: seed * 77)
            for _ in 0..<150 {
                let length = Int.random(in: 1...40, using: &rng)
                let word = String((0..<length).map { _ in "abcd".randomElement(using: &rng)! })
                #expect(tokenizer.encode(word, parseSpecial: false) == bpe.naiveEncode(piece: word), "seed \(seed) \(word)")
            }
        }
    }

    @Test func longTextUsesTheSameMergesAsShortPieces() throws {
        // Texts over 2 KiB go through the per-call piece cache; the result must not change.
        let bpe = RandomBPE(letters: ["a", "b", "c", " a", " b"], mergeCount: 60, seed: 42)
        let tokenizer = try ByteLevelBPETokenizer(tokens: bpe.tokens, merges: bpe.merges, preTokenizer: .gpt2)
        var rng = SeededGenerator(seed: 9)
        let words = (0..<1500).map { _ in String((0..<Int.random(in: 1...6, using: &rng)).map { _ in "abc".randomElement(using: &rng)! }) }
        let text = words.joined(separator: " ")
        #expect(text.utf8.count > 2048)
        let expected = BPEPreTokenizer.gpt2.split(text).flatMap { bpe.naiveEncode(piece: $0) }
        #expect(tokenizer.encode(text, parseSpecial: false) == expected)
        #expect(tokenizer.decode(expected) == text)
    }

    @Test func mergeOrderFollowsRankNotPosition() throws {
        // With "b c" ranked before "a b", "abc" must become a + bc, not ab + c.
        var tokens = (0...255).map { String(gpt2Character(UInt8($0))) }
        tokens += ["bc", "ab", "abc"]
        let tokenizer = try ByteLevelBPETokenizer(tokens: tokens, merges: ["b c", "a b", "a bc"], preTokenizer: .gpt2)
        #expect(tokenizer.encode("abc", parseSpecial: false) == [Int32(tokens.firstIndex(of: "abc")!)])
        let noFinal = try ByteLevelBPETokenizer(tokens: tokens, merges: ["b c", "a b"], preTokenizer: .gpt2)
        #expect(noFinal.encode("abc", parseSpecial: false) == [Int32(Character("a").asciiValue!), Int32(tokens.firstIndex(of: "bc")!)])
        // Equal ranks resolve leftmost first: "aaa" with only "a a" gives aa + a.
        let aa = try ByteLevelBPETokenizer(tokens: tokens + ["aa"], merges: ["a a"], preTokenizer: .gpt2)
        #expect(aa.encode("aaa", parseSpecial: false) == [256 + 3, Int32(Character("a").asciiValue!)])
    }

    @Test func mergesWithUnknownPartsAreIgnoredAndReported() throws {
        let tokens = (0...255).map { String(gpt2Character(UInt8($0))) } + ["ab"]
        let tokenizer = try ByteLevelBPETokenizer(
            tokens: tokens, merges: ["a b", "x yz", "nospace"], preTokenizerName: "mystery", specialTokens: SpecialTokens())
        #expect(tokenizer.preTokenizer == .gpt2)
        #expect(tokenizer.warnings.count == 2)
        #expect(tokenizer.warnings.contains { $0.contains("mystery") })
        #expect(tokenizer.encode("ab", parseSpecial: false) == [256])
    }

    @Test func specialTokensLongestMatchAndParseFlag() throws {
        var tokens = (0...255).map { String(gpt2Character(UInt8($0))) }
        tokens += ["<s>", "<s><x>", "[U]"]
        var types = [TokenType](repeating: .normal, count: 256)
        types += [.control, .control, .userDefined]
        let tokenizer = try ByteLevelBPETokenizer(tokens: tokens, tokenTypes: types, merges: [], preTokenizer: .gpt2)
        let lt = Int32(Character("<").asciiValue!)
        // Longest match wins; control text is plain text unless parseSpecial; user-defined always matches.
        #expect(tokenizer.encode("<s><x>", parseSpecial: true) == [257])
        #expect(tokenizer.encode("a<s>b", parseSpecial: true) == [97, 256, 98])
        #expect(tokenizer.encode("<s>", parseSpecial: false) == [lt, 115, 62])
        #expect(tokenizer.encode("a[U]", parseSpecial: false) == [97, 258])
        #expect(tokenizer.isControl(256) && !tokenizer.isControl(258) && !tokenizer.isControl(97))
        #expect(tokenizer.decode([97, 257, 258]) == "a<s><x>[U]")
        #expect(tokenizer.tokenText(32) == "Ġ" && tokenizer.tokenBytes(32) == [0x20])
        #expect(tokenizer.id(of: "Ġ") == 32 && tokenizer.id(of: " ") == nil)
    }

    @Test func badInputNeverCrashes() throws {
        let tokens = (0...255).map { String(gpt2Character(UInt8($0))) }
        let tokenizer = try ByteLevelBPETokenizer(tokens: tokens, merges: [], preTokenizer: .smollm)
        #expect(tokenizer.decode([-1, 99999, 104, 105]) == "hi")
        #expect(tokenizer.tokenText(-5) == "" && tokenizer.tokenBytes(70000) == [])
        #expect(tokenizer.encode("", parseSpecial: true) == [])
        #expect(tokenizer.decode(tokenizer.encode("\u{0}\u{10FFFF}", parseSpecial: false)) == "\u{0}\u{10FFFF}")
        #expect(throws: TokenizerError.self) { try ByteLevelBPETokenizer(tokens: [], merges: [], preTokenizer: .gpt2) }
        #expect(throws: TokenizerError.self) { try ByteLevelBPETokenizer(tokens: ["a", "a"], merges: [], preTokenizer: .gpt2) }
        #expect(throws: TokenizerError.self) {
            try ByteLevelBPETokenizer(tokens: ["a"], merges: [], preTokenizer: .gpt2, specialTokens: SpecialTokens(bos: 3))
        }
    }

    @Test func addSpecialTokensFollowsFlags() throws {
        let tokens = (0...255).map { String(gpt2Character(UInt8($0))) }
        let tokenizer = try ByteLevelBPETokenizer(
            tokens: tokens, merges: [], preTokenizer: .gpt2,
            specialTokens: SpecialTokens(bos: 1, eos: 2, addBOS: true, addEOS: true))
        #expect(tokenizer.encode("a", addSpecialTokens: true, parseSpecial: false) == [1, 97, 2])
        #expect(tokenizer.encode("a", addSpecialTokens: false, parseSpecial: false) == [97])
    }
}
