import Foundation
import Hummingbird

extension OpenAIEndpoints {
    /// Most texts in one embeddings request (OpenAI's limit).
    static let maxEmbeddingInputs = 2048

    /// `POST /v1/embeddings`: unit vectors from the sentence encoder, as float arrays or (`encoding_format:
    /// "base64"`, what the openai Python client asks for by default) little-endian float32 in base64.
    func embeddings(_ request: Request, _ f: RequestFields, context: ServerRequestContext,
                    start: ContinuousClock.Instant) async throws -> Response {
        guard let service = embeddings else {
            throw APIError(status: .notFound, message: "this server has no embedding model", param: "model",
                           code: "model_not_found")
        }
        if let name = try f.string("model") {
            let names = [service.modelID] + service.aliases
            guard names.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else {
                throw APIError.unknownModel(name, known: modelIDs)
            }
        }
        guard f["input"] != nil else { throw APIError.missing("input") }
        let texts: [String]
        do { texts = try f.strings("input") ?? [] } catch {
            throw APIError.invalid("input", "'input' must be a string or an array of strings (token-id input is not supported)")
        }
        guard !texts.isEmpty else { throw APIError.invalid("input", "'input' must hold at least one string") }
        guard texts.count <= Self.maxEmbeddingInputs else {
            throw APIError.invalid("input", "'input' may hold at most \(Self.maxEmbeddingInputs) strings, got \(texts.count)")
        }
        let format = try f.string("encoding_format") ?? "float"
        guard format == "float" || format == "base64" else {
            throw APIError.invalid("encoding_format", "'encoding_format' must be \"float\" or \"base64\", got \"\(format)\"")
        }
        if let d = try f.int("dimensions", in: 1 ... Int64(Int32.max)), d != service.dimension {
            throw APIError.invalid("dimensions", "'dimensions' must be \(service.dimension) for \(service.modelID), got \(d)")
        }
        let ticket = try admit(1)
        defer { ticket.release() }
        let (vectors, tokens) = try await service.embed(texts)
        let data = vectors.enumerated().map { i, v in
            EmbeddingList.Item(index: i, embedding: format == "base64" ? .base64(Self.base64(v)) : .floats(v))
        }
        let usage = EmbeddingList.Usage(promptTokens: tokens, totalTokens: tokens)
        log.record(client: context.client, method: "POST", path: request.uri.path, status: 200, since: start,
                   detail: "inputs=\(texts.count) tokens=\(tokens)")
        return try Self.json(EmbeddingList(data: data, model: service.modelID, usage: usage))
    }

    /// Little-endian float32 bytes in base64.
    static func base64(_ v: [Float]) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(v.count * 4)
        for x in v { withUnsafeBytes(of: x.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        return Data(bytes).base64EncodedString()
    }
}

/// The response of `/v1/embeddings`.
struct EmbeddingList: Encodable, Sendable {
    enum Vector: Encodable, Sendable {
        case floats([Float])
        case base64(String)
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .floats(let v): try c.encode(v)
            case .base64(let s): try c.encode(s)
            }
        }
    }

    struct Item: Encodable, Sendable {
        var object = "embedding"
        var index: Int
        var embedding: Vector
    }

    struct Usage: Encodable, Sendable {
        var promptTokens: Int
        var totalTokens: Int
        enum CodingKeys: String, CodingKey { case promptTokens = "prompt_tokens", totalTokens = "total_tokens" }
    }

    var object = "list"
    var data: [Item]
    var model: String
    var usage: Usage
}
