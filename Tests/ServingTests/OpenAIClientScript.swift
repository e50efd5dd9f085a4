import Foundation

/// Runs checks with the official `openai` Python client against a server and returns what it observed as JSON.
/// The interpreter is `$VALUEPROBE_OPENAI_PYTHON`, else the one `scripts/ensure-openai-client` installs (once).
enum OpenAIClientScript {
    /// The checks: each case's observations under its name. The key for the protected server comes from the
    /// environment (`VP_TEST_KEY`), never from the command line.
    static let source = #"""
import base64, json, os, struct, sys, concurrent.futures
import httpx
import openai
from openai import OpenAI

base, protected = sys.argv[1], sys.argv[2]
key = os.environ["VP_TEST_KEY"]
client = OpenAI(base_url=base, api_key="unused", max_retries=0, timeout=120)
out = {"version": openai.__version__}
question = [{"role": "user", "content": "What is the capital of France? Answer in one sentence."}]

def error_of(call):
    try:
        call()
        return {"status": 200}
    except openai.APIStatusError as e:
        body = e.body if isinstance(e.body, dict) else {}
        err = body.get("error", body) if isinstance(body, dict) else {}
        return {"status": e.status_code, "type": err.get("type"), "param": err.get("param"),
                "code": err.get("code"), "message": err.get("message"),
                "retry_after": e.response.headers.get("retry-after")}

r = client.chat.completions.create(model="smollm2", messages=question, temperature=0, max_tokens=24)
out["chat"] = {"text": r.choices[0].message.content, "role": r.choices[0].message.role,
               "finish": r.choices[0].finish_reason, "model": r.model, "object": r.object, "id": r.id,
               "usage": r.usage.model_dump()}

chunks = list(client.chat.completions.create(model="smollm2", messages=question, temperature=0, max_tokens=24,
                                             stream=True, stream_options={"include_usage": True}))
out["stream"] = {"text": "".join(c.choices[0].delta.content or "" for c in chunks if c.choices),
                 "roles": [c.choices[0].delta.role for c in chunks if c.choices and c.choices[0].delta.role],
                 "finish": [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason],
                 "objects": sorted(set(c.object for c in chunks)), "chunks": len(chunks),
                 "usage": chunks[-1].usage.model_dump() if chunks[-1].usage else None}

story = [{"role": "user", "content": "Tell me a short story about a cat."}]
def sample(seed, n=1):
    r = client.chat.completions.create(model="smollm2", messages=story, temperature=0.9, max_tokens=16, seed=seed, n=n)
    return [c.message.content for c in sorted(r.choices, key=lambda c: c.index)]
out["seeded"] = {"n2": sample(7, 2), "seed7": sample(7)[0], "seed7_again": sample(7)[0], "seed8": sample(8)[0]}

r = client.chat.completions.create(model="smollm2", messages=question, temperature=0, max_tokens=8, logprobs=True,
                                   top_logprobs=3)
out["logprobs"] = {"text": r.choices[0].message.content,
                   "content": [{"token": t.token, "logprob": t.logprob, "bytes": t.bytes,
                                "top": [{"token": a.token, "logprob": a.logprob, "bytes": a.bytes} for a in t.top_logprobs]}
                               for t in r.choices[0].logprobs.content]}

r = client.completions.create(model="smollm2", prompt="The capital of France is", temperature=0, max_tokens=8, logprobs=2)
out["completion"] = {"text": r.choices[0].text, "object": r.object, "finish": r.choices[0].finish_reason,
                     "tokens": r.choices[0].logprobs.tokens, "token_logprobs": r.choices[0].logprobs.token_logprobs,
                     "top": r.choices[0].logprobs.top_logprobs, "usage": r.usage.model_dump()}
r = client.completions.create(model="smollm2", prompt=[[1, 2, 3], [4, 5]], temperature=0, max_tokens=2, n=2)
out["completion_ids"] = {"indices": [c.index for c in r.choices], "prompt_tokens": r.usage.prompt_tokens}

r = client.responses.create(model="smollm2", instructions="Answer briefly.", input=question[0]["content"],
                            temperature=0, max_output_tokens=24)
out["responses"] = {"text": r.output_text, "status": r.status, "object": r.object, "id": r.id, "model": r.model,
                    "output_types": [o.type for o in r.output], "usage": r.usage.model_dump()}
events = list(client.responses.create(model="smollm2", instructions="Answer briefly.",
                                      input=[{"role": "user", "content": [{"type": "input_text", "text": question[0]["content"]}]}],
                                      temperature=0, max_output_tokens=24, stream=True))
final = [e.response for e in events if e.type in ("response.completed", "response.incomplete")]
out["responses_stream"] = {"types": [e.type for e in events], "sequence": [e.sequence_number for e in events],
                           "text": "".join(e.delta for e in events if e.type == "response.output_text.delta"),
                           "final_text": final[-1].output_text if final else None,
                           "final_status": final[-1].status if final else None}
r = client.responses.create(model="smollm2", input="Count from one to fifty in words.", temperature=0, max_output_tokens=4)
out["responses_limit"] = {"status": r.status, "reason": r.incomplete_details.reason if r.incomplete_details else None,
                          "output_tokens": r.usage.output_tokens}
city_schema = {"type": "object", "properties": {"city": {"type": "string", "maxLength": 40},
                                               "country": {"type": "string", "maxLength": 40}},
               "required": ["city", "country"], "additionalProperties": False}
r = client.responses.create(model="smollm2", input="Name a large city and its country.", temperature=0,
                            max_output_tokens=60,
                            text={"format": {"type": "json_schema", "name": "city", "schema": city_schema, "strict": True}})
out["responses_schema"] = {"text": r.output_text, "status": r.status, "format": r.text.format.type}
out["responses_errors"] = {
    "schema": error_of(lambda: client.responses.create(model="smollm2", input="x", text={"format": {
        "type": "json_schema", "name": "n", "schema": {"type": "string", "pattern": "a+"}}})),
    "tools": error_of(lambda: client.responses.create(model="smollm2", input="x",
                                                      tools=[{"type": "function", "name": "f", "parameters": {}}])),
    "previous": error_of(lambda: client.responses.create(model="smollm2", input="x", previous_response_id="resp_1")),
    "input": error_of(lambda: client.responses.create(model="smollm2", input=[])),
    "item": error_of(lambda: client.responses.create(model="smollm2",
                                                     input=[{"type": "function_call_output", "call_id": "c", "output": "1"}])),
    "temperature": error_of(lambda: client.responses.create(model="smollm2", input="x", temperature=7)),
}

texts = ["A cat sat on the mat.", "Fairness matters to people."]
default = client.embeddings.create(model="all-minilm-l6-v2", input=texts)
floats = client.embeddings.create(model="all-minilm-l6-v2", input=texts[0], encoding_format="float")
out["embeddings"] = {"default": [d.embedding for d in default.data], "float": floats.data[0].embedding,
                     "model": default.model, "usage": default.usage.model_dump()}
out["models"] = [m.id for m in client.models.list().data]

long_message = [{"role": "user", "content": "word " * 700}]
out["errors"] = {
    "temperature": error_of(lambda: client.chat.completions.create(model="smollm2", messages=question, temperature=5)),
    "messages": error_of(lambda: client.chat.completions.create(model="smollm2", messages=[])),
    "max_tokens": error_of(lambda: client.chat.completions.create(model="smollm2", messages=question, max_tokens=-1)),
    "model": error_of(lambda: client.chat.completions.create(model="gpt-9", messages=question)),
    "context": error_of(lambda: client.chat.completions.create(model="smollm2", messages=long_message, max_tokens=4)),
    "embedding_model": error_of(lambda: client.embeddings.create(model="smollm2", input="x")),
}
raw = httpx.Client(timeout=60)
def raw_error(response):
    try:
        e = response.json()["error"]
    except Exception:
        e = {}
    return {"status": response.status_code, "type": e.get("type"), "param": e.get("param"), "code": e.get("code"),
            "message": e.get("message"), "allow_keys": sorted(response.json().keys()) if e else None}
out["errors"]["bad_json"] = raw_error(raw.post(base + "/chat/completions", content=b"{not json",
                                               headers={"content-type": "application/json"}))
out["errors"]["path"] = raw_error(raw.get(base + "/no/such/thing"))
out["errors"]["method"] = raw_error(raw.get(base + "/chat/completions"))

city = {"type": "object", "properties": {"city": {"type": "string", "maxLength": 30}, "population": {"type": "integer"}},
        "required": ["city", "population"], "additionalProperties": False}
r = client.chat.completions.create(model="smollm2", messages=[{"role": "user", "content": "Describe Paris as JSON."}],
                                   temperature=0, max_tokens=80,
                                   response_format={"type": "json_schema",
                                                    "json_schema": {"name": "city", "strict": True, "schema": city}})
out["structured"] = {"text": r.choices[0].message.content, "finish": r.choices[0].finish_reason,
                     "unsupported": error_of(lambda: client.chat.completions.create(
                         model="smollm2", messages=question, max_tokens=4,
                         response_format={"type": "json_schema",
                                          "json_schema": {"name": "x", "schema": {"type": "string", "pattern": "a+"}}}))}

locked = OpenAI(base_url=protected, api_key=key, max_retries=0, timeout=120)
wrong = OpenAI(base_url=protected, api_key=key + "x", max_retries=0, timeout=120)
r = locked.chat.completions.create(model="smollm2", messages=question, temperature=0, max_tokens=4)
out["auth"] = {"ok": r.choices[0].message.content,
               "wrong": error_of(lambda: wrong.chat.completions.create(model="smollm2", messages=question, max_tokens=4)),
               "missing": raw_error(raw.post(protected + "/chat/completions", json={"messages": question})),
               "health": raw.get(protected.rsplit("/v1", 1)[0] + "/health").status_code}
print(json.dumps(out))
"""#

    /// The python interpreter with `openai` installed.
    static func python() async throws -> String {
        if let p = ProcessInfo.processInfo.environment["VALUEPROBE_OPENAI_PYTHON"], !p.isEmpty { return p }
        let script = repositoryRoot.appendingPathComponent("scripts/ensure-openai-client").path
        let (status, out, err) = try await ChildProcess.run("/bin/bash", [script])
        guard status == 0, let line = out.split(separator: "\n").last else {
            throw TestFailure("scripts/ensure-openai-client failed (\(status)): \(err.suffix(300))")
        }
        return String(line)
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs the checks against `base` and `protected` (a server requiring `key`) and returns the observations.
    static func run(base: URL, protected: URL, key: String) async throws -> [String: Any] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vp-openai-checks-\(UUID().uuidString).py")
        try source.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        var environment = ProcessInfo.processInfo.environment
        environment["VP_TEST_KEY"] = key
        environment["NO_PROXY"] = "127.0.0.1,localhost"
        let (status, out, err) = try await ChildProcess.run(try await python(), [file.path, base.absoluteString, protected.absoluteString],
                                                            environment: environment)
        guard status == 0, let data = out.split(separator: "\n").last.map({ Data($0.utf8) }),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw TestFailure("the openai client checks failed (\(status)): \(err.suffix(1500))") }
        return json
    }
}

/// A child process awaited without blocking a cooperative thread.
enum ChildProcess {
    static func run(_ executable: String, _ arguments: [String],
                    environment: [String: String]? = nil) async throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("vp-child-\(UUID().uuidString).out")
        let err = out.appendingPathExtension("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return (status, (try? String(contentsOf: out, encoding: .utf8)) ?? "", (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
