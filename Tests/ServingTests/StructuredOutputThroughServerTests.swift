import Foundation
import Inference
import Models
import Probes
import Runs
import Serving
import Testing

/// `response_format` through `valueprobe serve` on the real SmolLM2: JSON Schema and JSON-object outputs on
/// /v1/chat/completions and /v1/completions parse and match, an unsupported schema is a 400 in OpenAI's shape naming
/// the keyword, and the LLM judge asking through the server for its verdict schema gets no unparseable verdict.
@Suite("structured output through valueprobe serve", .serialized)
struct StructuredOutputThroughServerTests {
    static let server = Task<RunningServer, any Error> {
        let model = try TestModel.load()
        let engine = try ServeOptions.makeEngine(model: model, parallel: 4, threads: nil, context: 2048)
        return try await RunningServer.start(
            configuration: ServerConfiguration(modelID: "smollm2", contextSize: engine.contextSize), generation: engine.service)
    }

    static let schema = #"""
        {"type":"object","properties":{"city":{"type":"string","maxLength":30},"population":{"type":"integer"},
         "capital":{"type":"boolean"},"rivers":{"type":"array","items":{"type":"string","maxLength":20},"maxItems":3}},
         "required":["city","population","capital"],"additionalProperties":false}
        """#

    func post(_ path: String, _ json: String) async throws -> (Int, [String: Any]) {
        let server = try await Self.server.value
        let response = try await TestHTTP.send("POST", server.root.appendingPathComponent(path), json: json)
        return (response.status, (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]) ?? [:])
    }

    /// The schema's shape, read by Foundation's strict decoder (not the code under test).
    struct City: Decodable {
        var city: String
        var population: Int
        var capital: Bool
        var rivers: [String]?
    }

    /// Checks `text` against `schema` by hand.
    func checkCity(_ text: String) {
        let data = Data(text.utf8)
        let city = try? JSONDecoder().decode(City.self, from: data)
        #expect(city != nil, "does not match: \(text)")
        let keys = ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]).map { Set($0.keys) }
        #expect(keys?.isSubset(of: ["city", "population", "capital", "rivers"]) == true, "\(text)")
        if let city {
            #expect(city.city.unicodeScalars.count <= 30, "\(text)")
            #expect((city.rivers?.count ?? 0) <= 3, "\(text)")
        }
    }

    @Test("chat with a JSON Schema: every choice, greedy and sampled, parses and matches")
    func chatSchema() async throws {
        for temperature in [0.0, 1.0] {
            let (status, body) = try await post("v1/chat/completions", #"""
                {"messages":[{"role":"user","content":"Tell me about Paris as JSON."}],"n":2,"seed":3,"max_tokens":120,
                 "temperature":\#(temperature),
                 "response_format":{"type":"json_schema","json_schema":{"name":"city","strict":true,"schema":\#(Self.schema)}}}
                """#)
            #expect(status == 200, "\(body)")
            let choices = body["choices"] as? [[String: Any]] ?? []
            #expect(choices.count == 2)
            for choice in choices {
                let text = (choice["message"] as? [String: Any])?["content"] as? String ?? ""
                #expect(choice["finish_reason"] as? String == "stop", "\(text)")
                checkCity(text)
            }
        }
    }

    @Test("completions with a JSON Schema, whole and streamed: the same text, and it matches")
    func completionsSchema() async throws {
        let body = #"""
            {"prompt":"A JSON object describing a capital city:","max_tokens":120,"seed":9,"temperature":0.7,
             "response_format":{"type":"json_schema","json_schema":{"name":"city","schema":\#(Self.schema)}}STREAM}
            """#
        let (status, whole) = try await post("v1/completions", body.replacingOccurrences(of: "STREAM", with: ""))
        #expect(status == 200, "\(whole)")
        let choice = (whole["choices"] as? [[String: Any]])?.first
        let text = choice?["text"] as? String ?? ""
        #expect(choice?["finish_reason"] as? String == "stop", "\(text)")
        checkCity(text)
        let server = try await Self.server.value
        let streamed = try await TestHTTP.send("POST", server.root.appendingPathComponent("v1/completions"),
                                               json: body.replacingOccurrences(of: "STREAM", with: #","stream":true"#))
        #expect(streamed.status == 200)
        var pieces = ""
        for line in String(decoding: streamed.body, as: UTF8.self).split(separator: "\n") where line.hasPrefix("data: {") {
            let event = try JSONSerialization.jsonObject(with: Data(line.dropFirst(6).utf8)) as? [String: Any]
            for c in event?["choices"] as? [[String: Any]] ?? [] { pieces += c["text"] as? String ?? "" }
        }
        #expect(pieces == text)
    }

    @Test("completions with json_object: a JSON object, or a cut-off one with finish_reason length")
    func completionsObject() async throws {
        let (status, body) = try await post("v1/completions", #"""
            {"prompt":"A JSON object describing a dog:","max_tokens":60,"seed":9,"temperature":0.7,
             "response_format":{"type":"json_object"}}
            """#)
        #expect(status == 200, "\(body)")
        let choice = (body["choices"] as? [[String: Any]])?.first
        let text = choice?["text"] as? String ?? ""
        #expect(text.hasPrefix("{"), "\(text)")
        let parsed = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any]
        // SmolLM2 tends to list keys until the limit: then the text is cut off, and says so.
        if choice?["finish_reason"] as? String == "stop" {
            #expect(parsed, "\(text)")
        } else {
            #expect(choice?["finish_reason"] as? String == "length")
            #expect(((body["usage"] as? [String: Any])?["completion_tokens"] as? Int) == 60)
        }
    }

    @Test("an unsupported schema keyword: 400 in OpenAI's shape naming the keyword and its path")
    func unsupportedSchema() async throws {
        let (status, body) = try await post("v1/chat/completions", #"""
            {"messages":[{"role":"user","content":"hi"}],
             "response_format":{"type":"json_schema","json_schema":{"name":"x","schema":{"type":"object","properties":{"a":{"type":"string","format":"date"}}}}}}
            """#)
        #expect(status == 400)
        let error = body["error"] as? [String: Any] ?? [:]
        #expect(error["param"] as? String == "response_format")
        #expect(error["code"] as? String == "unsupported_schema")
        #expect(error["type"] as? String == "invalid_request_error")
        #expect(error["message"] as? String == "'response_format': unsupported JSON Schema keyword 'format' at $.properties.a")
    }

    @Test("a 135M LLM judge through serve with its verdict schema: 0 unparseable verdicts on 10 calibration rows")
    func judgeVerdictsParse() async throws {
        let server = try await Self.server.value
        let judgeModel = try ModelFactory.make(try ModelSpec(parsing: "openai-compatible:\(server.baseURL.absoluteString)#smollm2"))
        let judge = LLMJudge(model: judgeModel)
        #expect(judge.constrainsVerdict)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let set = try CalibrationSet.load(path: root.appendingPathComponent("calibration/judge-calibration.jsonl").path)
        let chosen = set.filtered(to: .dev)
        // Ten rows spread over the split (several modes and items).
        let all = try chosen.resolve()
        let rows = stride(from: 0, to: all.count, by: max(1, all.count / 10)).prefix(10).map { all[$0] }
        #expect(rows.count == 10)
        let evaluation = await JudgeEvaluation.run(rows: rows, judges: [judge], source: "dev sample", replicates: 50,
                                                   concurrency: 4)
        let result = try #require(evaluation.judges.first)
        #expect(result.failures == 0)
        #expect(result.verdicts.count == 10)
        let unparseable = result.verdicts.filter { $0.category == .unparseable }
        #expect(unparseable.isEmpty, "\(unparseable)")
    }
}
