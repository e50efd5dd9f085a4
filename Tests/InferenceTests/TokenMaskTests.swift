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
        for (id, value) in masked.enumerated() {
            let allowed = ["true", "tr", "false"].contains(id < Self.vocabulary.count ? Self.vocabulary[id] : "")
            #expect(value == (allowed ? logits[id] : -.infinity), "token \(id)")
        }
        sequence.advance(9)  // "tr"
        sequence.advance(10)  // "ue"
        #expect(sequence.isComplete)
    }
}
