import Testing
@testable import Inference

/// Compiling JSON Schemas: the supported subset compiles; anything else is an error naming the keyword and its
/// JSON path, never silently ignored.
@Suite struct JSONSchemaCompilerTests {
    func compile(_ text: String) throws -> JSONGrammar {
        try JSONSchemaCompiler.compile(try JSONDocument(parsing: text))
    }

    func error(_ text: String) -> JSONSchemaError? {
        do {
            _ = try compile(text)
            return nil
        } catch let e as JSONSchemaError {
            return e
        } catch {
            return nil
        }
    }

    @Test func theSupportedSubsetCompiles() throws {
        _ = try compile(#"""
            {"type":"object","title":"t","description":"d","additionalProperties":false,
             "properties":{"name":{"type":"string","minLength":1,"maxLength":20},
                           "age":{"type":"integer"},"score":{"type":"number"},"ok":{"type":"boolean"},
                           "none":{"type":"null"},"mood":{"enum":["happy","sad"]},"k":{"const":3},
                           "tags":{"type":"array","items":{"type":"string"},"minItems":1,"maxItems":3},
                           "maybe":{"type":["boolean","null"]}},
             "required":["name","mood"]}
            """#)
    }

    @Test func anUnsupportedKeywordIsNamedWithItsPath() {
        #expect(error(#"{"type":"object","properties":{"name":{"type":"string","pattern":"^a"}}}"#)
            == .unsupportedKeyword(keyword: "pattern", path: "$.properties.name"))
        #expect(error(#"{"anyOf":[{"type":"string"},{"type":"number"}]}"#) == .unsupportedKeyword(keyword: "anyOf", path: "$"))
        #expect(error(#"{"type":"array","items":{"type":"integer","minimum":0}}"#)
            == .unsupportedKeyword(keyword: "minimum", path: "$.items"))
        #expect(error(##"{"$ref":"#/defs/a"}"##)?.keyword == "$ref")
        let message = error(#"{"type":"object","properties":{"a":{"type":"string","format":"email"}}}"#)?.description ?? ""
        #expect(message == "unsupported JSON Schema keyword 'format' at $.properties.a")
    }

    @Test func badValuesOfSupportedKeywordsAreErrors() {
        #expect(error(#"{"type":"array","minItems":3,"maxItems":2}"#)?.keyword == "maxItems")
        #expect(error(#"{"type":"string","maxLength":-1}"#)?.keyword == "maxLength")
        #expect(error(#"{"type":"object","properties":{"a":{"type":"string"}},"required":["b"]}"#)?.keyword == "required")
        #expect(error(#"{"type":"object","additionalProperties":{"type":"string"}}"#)?.keyword == "additionalProperties")
        #expect(error(#"{"type":"string","maxItems":2}"#)?.keyword == "maxItems")
        #expect(error(#"{"type":"date"}"#)?.keyword == "type")
        #expect(error(#"{"enum":[]}"#)?.keyword == "enum")
        #expect(error(#"{"description":"no type"}"#)?.keyword == "type")
        #expect(error(#"["type"]"#)?.keyword == "schema")
    }

    @Test func schemaTextThatIsNotJSONIsAnError() {
        #expect(throws: JSONSchemaError.self) { try JSONDocument(parsing: #"{"type": "object""#) }
        #expect(throws: JSONSchemaError.self) { try JSONDocument(parsing: #"{"type": object}"#) }
    }

    @Test func aResponseFormatReadsOpenAIsShapes() throws {
        let schema = try ResponseFormat(openAI: try JSONDocument(parsing:
            #"{"type":"json_schema","json_schema":{"name":"v","strict":true,"schema":{"type":"object","properties":{"b":{"type":"boolean"},"a":{"type":"string"}}}}}"#))
        guard case .jsonSchema(let name, let document, let strict) = schema else {
            Issue.record("not a json_schema format")
            return
        }
        #expect(name == "v" && strict)
        // Member order is kept, and the document round-trips through its wire form and Codable.
        #expect(document.compactText == #"{"type":"object","properties":{"b":{"type":"boolean"},"a":{"type":"string"}}}"#)
        #expect(try ResponseFormat(openAI: schema.openAIDocument) == schema)
        #expect(try ResponseFormat(openAI: try JSONDocument(parsing: #"{"type":"json_object"}"#)) == .jsonObject)
        #expect(throws: JSONSchemaError.self) { try ResponseFormat(openAI: try JSONDocument(parsing: #"{"type":"xml"}"#)) }
    }
}
