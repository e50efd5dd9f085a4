import Testing
@testable import Inference

/// Token masks on a tiny vocabulary: exactly the tokens whose bytes continue a valid output are allowed, and the
/// end-of-sequence token only where the output is complete.
@Suite struct TokenMaskTests {
    static let vocabulary: [String] = [
        "{", "}", "\"", "a", "\"a\"", ":", "1", "12", "true", "tr", "ue", "{\"", ",", " ", "x", "\"a\":", "}}", "",
        "false", "null", "b", "\"b\"",
    ]
    static let eos: Int32 = 22

    func constraint(_ schema: String) throws -> TokenConstraint {
        let tokens: [[UInt8]?] = Self.vocabulary.map { Array($0.utf8) } + [nil]  // id 22: end of sequence (control)
        let trie = TokenTrie(tokens: tokens)
        return TokenConstraint(grammar: try JSONSchemaCompiler.compile(try JSONDocument(parsing: schema)), trie: trie,
                               stopTokens: [Self.eos])
    }

    func names(_ ids: [Int32]) -> Set<String> {
        Set(ids.map { $0 == Self.eos ? "<eos>" : Self.vocabulary[Int($0)] })
    }

    func state(_ c: TokenConstraint, after text: String) -> JSONAutomaton {
        var s = c.start()
        let fed = s.feed(text.utf8)
        #expect(fed)
        return s
    }

    @Test func masksAllowExactlyTheContinuingTokens() throws {
        let c = try constraint(#"{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"boolean"}},"required":["a"]}"#)
        #expect(names(c.allowedTokens(in: c.start())) == ["{", "{\""])
        #expect(names(c.allowedTokens(in: state(c, after: "{"))) == ["\"", "\"a\"", "\"a\":"])
        #expect(names(c.allowedTokens(in: state(c, after: "{\"a\""))) == [":"])
        #expect(names(c.allowedTokens(in: state(c, after: "{\"a\":"))) == ["1", "12", " "])
        #expect(names(c.allowedTokens(in: state(c, after: "{\"a\":1"))) == ["1", "12", ",", "}"])
        #expect(names(c.allowedTokens(in: state(c, after: "{\"a\":1,"))) == ["\"", "\"b\"", " "])
        #expect(names(c.allowedTokens(in: state(c, after: "{\"a\":1,\"b\":"))) == ["true", "tr", "false", " "])
        #expect(names(c.allowedTokens(in: state(c, after: "{\"a\":1,\"b\":tr"))) == ["ue"])
        // Complete: only the end of the sequence.
        #expect(names(c.allowedTokens(in: state(c, after: "{\"a\":1,\"b\":true}"))) == ["<eos>"])
        #expect(c.cachedStates > 0)
    }

    @Test func insideAStringPlainTokensCountTheirCharacters() throws {
        // "é" is two bytes, one character; a lone lead byte or a quote needs the automaton.
        let words = ["\"", "ab", "abc", "é", "\u{00}", "\",", "\"}", "\\n", "x"]
        var tokens: [[UInt8]?] = words.map { Array($0.utf8) }
        tokens.append([0xC3])
        tokens.append([0xA9])
        tokens.append(nil)  // end of sequence
        let eos = Int32(tokens.count - 1)
        #expect(TokenTrie.plainCharacters(Array("é".utf8)) == 1 && TokenTrie.plainCharacters([0xC3]) == -1)
        let c = TokenConstraint(grammar: try JSONSchemaCompiler.compile(try JSONDocument(parsing:
            #"{"type":"object","properties":{"s":{"type":"string","maxLength":3}},"required":["s"]}"#)),
            trie: TokenTrie(tokens: tokens), stopTokens: [eos])
        func allowed(_ text: String) -> Set<String> {
            var s = c.start()
            let fed = s.feed(text.utf8)
            #expect(fed)
            return Set(c.allowedTokens(in: s).map { Int($0) < words.count ? words[Int($0)] : "<\($0)>" })
        }
        // Room for 3: every plain token of at most 3 characters, the closing quote and its followers, a lead byte.
        #expect(allowed(#"{"s":""#) == ["\"", "ab", "abc", "é", "\"}", "\\n", "x", "<9>"])
        // Room for 1.
        #expect(allowed(#"{"s":"ab"#) == ["\"", "é", "\"}", "\\n", "x", "<9>"])
        // Full: only the end of the string.
        #expect(allowed(#"{"s":"abé"#) == ["\"", "\"}"])
        // After a lone lead byte: only its continuation.
        var s = c.start()
        let fed = s.feed(Array(#"{"s":""#.utf8) + [0xC3])
        #expect(fed)
        #expect(c.allowedTokens(in: s) == [10])
    }

    @Test func theEndIsAllowedWhereARootNumberMayStop() throws {
        let c = try constraint(#"{"type":"integer"}"#)
        #expect(names(c.allowedTokens(in: c.start())) == ["1", "12"])
        #expect(names(c.allowedTokens(in: state(c, after: "1"))) == ["1", "12", "<eos>"])
    }

    @Test func maskingLeavesAllowedLogitsAndForbidsTheRest() throws {
        let c = try constraint(#"{"type":"boolean"}"#)
        var sequence = ConstrainedSequence(c)
        let logits = (0 ..< Self.vocabulary.count + 1).map { Float($0) }
        let masked = logits.withUnsafeBufferPointer { sequence.masked($0) }
        // Mostly-allowed masks are stored as their forbidden tokens: the same logits come out.
        var inverse = [Float]()
        let everything = TokenMask(allowed: (0 ..< 20).map(Int32.init), vocabularySize: logits.count)
        #expect(everything.listsForbidden && everything.ids == [20, 21, 22])
        #expect(everything.allowed == (0 ..< 20).map(Int32.init))
        logits.withUnsafeBufferPointer { everything.apply($0, into: &inverse) }
        #expect(inverse == logits.enumerated().map { $0.offset < 20 ? $0.element : -.infinity })
        for (id, value) in masked.enumerated() {
            let allowed = ["true", "tr", "false"].contains(id < Self.vocabulary.count ? Self.vocabulary[id] : "")
            #expect(value == (allowed ? logits[id] : -.infinity), "token \(id)")
        }
        sequence.advance(9)  // "tr"
        sequence.advance(10)  // "ue"
        #expect(sequence.isComplete)
    }
}
