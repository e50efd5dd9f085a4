import Hummingbird

extension OpenAIEndpoints {
    /// One entry of `/v1/models`.
    struct ModelObject: Encodable, Sendable {
        var id: String
        var object = "model"
        var created = 0
        var ownedBy = "valueprobe"
        enum CodingKeys: String, CodingKey { case id, object, created, ownedBy = "owned_by" }
    }

    struct ModelList: Encodable, Sendable {
        var object = "list"
        var data: [ModelObject]
    }

    /// `GET /v1/models`.
    func models() throws -> Response {
        try Self.json(ModelList(data: modelIDs.map { ModelObject(id: $0) }))
    }

    /// `GET /v1/models/{id}`.
    func model(named name: String) throws -> Response {
        let chatNames = [configuration.modelID] + configuration.modelAliases
        if chatNames.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
            return try Self.json(ModelObject(id: configuration.modelID))
        }
        if let e = embeddings, ([e.modelID] + e.aliases).contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) {
            return try Self.json(ModelObject(id: e.modelID))
        }
        throw APIError.unknownModel(name, known: modelIDs)
    }

    struct Health: Encodable, Sendable {
        var status = "ok"
        var model: String
        var slots: Int
        var admitted: Int
        var capacity: Int
    }

    /// `GET /health`: answers while the server runs, with the engine's slots and the sequences admitted now.
    func health() throws -> Response {
        try Self.json(Health(model: configuration.modelID, slots: generation.parallelism, admitted: admission.count,
                             capacity: admission.capacity))
    }
}
