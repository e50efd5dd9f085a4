import Foundation
import Inference
import Testing
@testable import Models

/// `ChatRequest.responseFormat` on the wire to OpenAI-compatible servers: OpenAI's shape, the schema's properties in
/// their declared order, absent for free text; backends that cannot honour it say so.
@Suite struct ResponseFormatWireTests {
    let model = OpenAICompatibleModel(model: "m", baseURL: URL(string: "http://127.0.0.1:1/v1")!, apiKey: nil)

    @Test func aJSONSchemaIsSentInOpenAIsShapeWithItsOrder() throws {
        let schema = try JSONDocument(parsing: #"{"type":"object","properties":{"zeta":{"type":"boolean"},"alpha":{"type":"string"}},"required":["zeta"]}"#)
        let request = ChatRequest(messages: [.init(role: "user", content: "q")],
                                  responseFormat: .jsonSchema(name: "verdict", schema: schema, strict: true))
        let body = try model.makeHTTPRequest(request).body
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let format = try #require(object["response_format"] as? [String: Any])
        #expect(format["type"] as? String == "json_schema")
        let spec = try #require(format["json_schema"] as? [String: Any])
        #expect(spec["name"] as? String == "verdict" && spec["strict"] as? Bool == true)
        #expect((spec["schema"] as? [String: Any])?["required"] as? [String] == ["zeta"])
        let text = String(decoding: body, as: UTF8.self)
        let zeta = try #require(text.range(of: "\"zeta\""))
        let alpha = try #require(text.range(of: "\"alpha\""))
        #expect(zeta.lowerBound < alpha.lowerBound)
        #expect(object["model"] as? String == "m")
    }

    @Test func jsonObjectAndTextOnTheWire() throws {
        let json = try model.makeHTTPRequest(ChatRequest(messages: [], responseFormat: .jsonObject)).body
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        #expect((object?["response_format"] as? [String: Any])?["type"] as? String == "json_object")
        for format in [nil, ResponseFormat.text] {
            let plain = try model.makeHTTPRequest(ChatRequest(messages: [], responseFormat: format)).body
            #expect((try JSONSerialization.jsonObject(with: plain) as? [String: Any])?["response_format"] == nil)
        }
        #expect(model.honoursResponseFormat)
    }

    @Test func aChatRequestWithAFormatSurvivesCodable() throws {
        let schema = try JSONDocument(parsing: #"{"type":"object","properties":{"b":{"type":"integer"},"a":{"type":"null"}}}"#)
        let request = ChatRequest(messages: [.init(role: "user", content: "q")],
                                  responseFormat: .jsonSchema(name: "n", schema: schema, strict: false))
        let decoded = try JSONDecoder().decode(ChatRequest.self, from: try JSONEncoder().encode(request))
        #expect(decoded == request)
    }
}
