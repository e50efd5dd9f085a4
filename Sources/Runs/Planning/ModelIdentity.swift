import Assets
import Foundation
import Models

/// Which model a run's responses came from, recorded in the manifest. Holds names, sizes and checksums only —
/// never an API key, a header or an environment value.
public struct ModelIdentity: Codable, Sendable, Equatable, Hashable {
    /// The spec as written in the configuration (normalised by `ModelSpec.description`).
    public var spec: String
    /// `local`, `openai`, `openai-compatible`, `anthropic`, `gemini` or `ollama`.
    public var provider: String
    /// The model name the backend is asked for, or the local model's name or path.
    public var name: String
    /// The GGUF file name (local models).
    public var file: String?
    /// The GGUF file size in bytes (local models).
    public var size: Int64?
    /// The GGUF file's SHA-256 (local models): from the asset manifest when it is a built-in model, else hashed.
    public var sha256: String?
    /// The model names the backend reported in its answers (OpenAI's `model`, Gemini's `modelVersion`, …), in the
    /// order first seen; nil until the run has answers. A remote alias (`gpt-4o`) resolves to a dated model here.
    public var reportedModels: [String]?
    /// The `system_fingerprint` values the backend reported, in the order first seen (OpenAI-compatible servers).
    public var systemFingerprints: [String]?

    /// Creates an identity.
    public init(spec: String, provider: String, name: String, file: String? = nil, size: Int64? = nil,
                sha256: String? = nil) {
        self.spec = spec
        self.provider = provider
        self.name = name
        self.file = file
        self.size = size
        self.sha256 = sha256
    }

    /// The identity of `spec`. For a built-in local model the checksum comes from the installed asset's manifest
    /// (the model is fetched first if needed); a local file path is hashed (once per run: the manifest keeps it).
    public static func resolve(_ spec: ModelSpec, assets: AssetStore = AssetStore()) throws -> ModelIdentity {
        switch spec {
        case .local(let name):
            if let asset = LocalModels.builtin[name.lowercased()] {
                _ = try LocalModels.path(for: spec)
                if let identity = try fromAssetManifest(spec: spec, asset: asset, assets: assets) { return identity }
            }
            let path = try LocalModels.path(for: spec)
            let url = URL(fileURLWithPath: path)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes[.size] as? NSNumber)?.int64Value
            return ModelIdentity(spec: spec.description, provider: "local", name: name, file: url.lastPathComponent,
                                 size: size, sha256: try SHA256.hashFile(at: url))
        case .openAI(let model):
            return ModelIdentity(spec: spec.description, provider: "openai", name: model)
        case .openAICompatible(_, let model):
            return ModelIdentity(spec: spec.description, provider: "openai-compatible", name: model)
        case .anthropic(let model):
            return ModelIdentity(spec: spec.description, provider: "anthropic", name: model)
        case .gemini(let model):
            return ModelIdentity(spec: spec.description, provider: "gemini", name: model)
        case .ollama(let model):
            return ModelIdentity(spec: spec.description, provider: "ollama", name: model)
        }
    }

    /// The identity from an installed asset's manifest, nil when the asset is not installed or lists no GGUF file.
    private static func fromAssetManifest(spec: ModelSpec, asset: String, assets: AssetStore) throws -> ModelIdentity? {
        guard let manifest = try assets.manifest(asset) else { return nil }
        let primary = try assets.spec(asset).primaryFile
        let file = manifest.files.first { $0.path == primary || $0.packagePath == primary }
            ?? manifest.files.first { $0.path.lowercased().hasSuffix(".gguf") }
        guard let file else { return nil }
        guard case .local(let name) = spec else { return nil }
        return ModelIdentity(spec: spec.description, provider: "local", name: name,
                             file: URL(fileURLWithPath: file.path).lastPathComponent, size: file.size,
                             sha256: file.sha256)
    }
}
