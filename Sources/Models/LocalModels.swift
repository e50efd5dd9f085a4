import Assets
import Foundation
import Inference

/// Embedded GGUF models: built-in names resolve to assets fetched on first use; anything else is a file path.
public enum LocalModels {
    /// Built-in model names → the asset that holds the GGUF file (its primary file).
    public static let builtin: [String: String] = ["smollm2": "smollm2"]

    /// The GGUF file for a `.local` spec, fetching a built-in model if needed.
    public static func path(for spec: ModelSpec, progress: AssetProgressHandler? = nil) throws -> String {
        guard case .local(let name) = spec else {
            throw ModelSpecError(spec: spec.description, reason: "not a local model")
        }
        if let asset = builtin[name.lowercased()] {
            return try AssetStore().primaryFile(asset, progress: progress).path
        }
        guard FileManager.default.fileExists(atPath: name) else {
            let known = builtin.keys.sorted().joined(separator: ", ")
            throw ModelSpecError(spec: spec.description, reason: "no such file, and not a built-in model (built-in: \(known))", isSyntax: false)
        }
        return name
    }

    /// Loads a `.local` model.
    public static func load(_ spec: ModelSpec, progress: AssetProgressHandler? = nil) throws -> LanguageModel {
        try LanguageModel(path: path(for: spec, progress: progress))
    }
}
