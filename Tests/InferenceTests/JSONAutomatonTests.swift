import Testing
@testable import Inference

/// The automaton a schema compiles to: which complete texts it accepts and which it rejects.
@Suite struct JSONAutomatonTests {
    func grammar(_ schema: String) throws -> JSONGrammar {
        try JSONSchemaCompiler.compile(try JSONDocument(parsing: schema))
    }

    static let verdict = #"""
        {"type":"object","properties":{"ok":{"type":"boolean"},"mood":{"enum":["happy","sad"]},
         "note":{"type":"string","maxLength":5},"n":{"type":"integer"},"x":{"type":"number"},
         "tags":{"type":"array","items":{"type":"string"},"maxItems":2},"c":{"type":["boolean","null"]}},
         "required":["ok","mood"]}
        """#

    @Test func acceptsValidCompactObjects() throws {
        let g = try grammar(Self.verdict)
        for text in [
            #"{"ok":true,"mood":"sad"}"#,
            #"{"ok": false, "mood": "happy", "note": "hi"}"#,
            #"{"ok":true,"mood":"sad","note":"","n":-12,"x":3.5e-2,"tags":["a","b"],"c":null}"#,
            #"{"ok":true,"mood":"sad","n":0,"c":false}"#,
            #"{"ok":true,"mood":"sad","note":"é\n\u00e9"}"#,
            #"{"ok":true,"mood":"sad","tags":[]}"#,
        ] {
            #expect(JSONAutomaton.accepts(g, text), "\(text)")
        }
    }

    @Test func rejectsWhatTheSchemaForbids() throws {
        let g = try grammar(Self.verdict)
        for text in [
            #"{"mood":"sad"}"#,                               // required 'ok' missing
            #"{"ok":true}"#,                                  // required 'mood' missing
            #"{"ok":"true","mood":"sad"}"#,                   // wrong type
            #"{"ok":true,"mood":"angry"}"#,                   // not in the enum
            #"{"ok":true,"mood":"sad","note":"toolong"}"#,    // maxLength 5
            #"{"ok":true,"mood":"sad","n":1.5}"#,             // integer
            #"{"ok":true,"mood":"sad","n":012}"#,             // leading zero
            #"{"ok":true,"mood":"sad","tags":["a","b","c"]}"#, // maxItems 2
            #"{"ok":true,"mood":"sad","extra":1}"#,           // undeclared property
            #"{"mood":"sad","ok":true}"#,                     // declared order
            #"{"ok":true,"mood":"sad",}"#,                    // trailing comma
            #"{"ok":true,"mood":"sad"} "#,                    // trailing space
            #"{"ok":true,"mood":"sad"}{}"#,                   // two values
            #"{ "ok":true,"mood":"sad"}"#,                    // space after '{'
            #"{"ok":  true,"mood":"sad"}"#,                   // two spaces
            "{\"ok\":true,\"mood\":\"sad\",\"note\":\"a\u{01}\"}", // control character in a string
            #"{"ok":true,"mood":"sad""#,                      // unfinished
        ] {
            #expect(!JSONAutomaton.accepts(g, text), "\(text)")
        }
    }

    @Test func anyJSONObjectIsBoundedInDepth() {
        let g = JSONSchemaCompiler.anyObject(depth: 2)
        #expect(JSONAutomaton.accepts(g, #"{}"#))
        #expect(JSONAutomaton.accepts(g, #"{"a":[1,"x",null,true],"b":{"c":-0.5}}"#))
        #expect(!JSONAutomaton.accepts(g, #"{"a":{"b":{"c":1}}}"#))  // three levels
        #expect(!JSONAutomaton.accepts(g, #"[1]"#))
        #expect(!JSONAutomaton.accepts(g, #""text""#))
    }

    @Test func anObjectWithNoPropertiesAndNoneAdditionalIsEmpty() throws {
        let empty = try grammar(#"{"type":"object","additionalProperties":false}"#)
        #expect(JSONAutomaton.accepts(empty, "{}"))
        #expect(!JSONAutomaton.accepts(empty, #"{"a":1}"#))
        let open = try grammar(#"{"type":"object"}"#)
        #expect(JSONAutomaton.accepts(open, #"{"a":1}"#))
    }

    @Test func rootScalarsEndWhereTheyMay() throws {
        let number = try grammar(#"{"type":"number"}"#)
        #expect(JSONAutomaton.accepts(number, "12"))
        #expect(JSONAutomaton.accepts(number, "-0.25E+3"))
        #expect(!JSONAutomaton.accepts(number, "12."))
        #expect(!JSONAutomaton.accepts(number, "-"))
        #expect(!JSONAutomaton.accepts(number, String(repeating: "9", count: JSONGrammar.maxNumberDigits + 1)))
        let levels = try grammar(#"{"enum":[1,12,"x"]}"#)
        #expect(JSONAutomaton.accepts(levels, "1") && JSONAutomaton.accepts(levels, "12") && JSONAutomaton.accepts(levels, #""x""#))
        #expect(!JSONAutomaton.accepts(levels, "2") && !JSONAutomaton.accepts(levels, "123"))
    }

    @Test func minimumsAreEnforced() throws {
        let g = try grammar(#"{"type":"array","items":{"type":"string","minLength":2},"minItems":1}"#)
        #expect(JSONAutomaton.accepts(g, #"["ab"]"#))
        #expect(!JSONAutomaton.accepts(g, #"[]"#))
        #expect(!JSONAutomaton.accepts(g, #"["a"]"#))
    }
}
