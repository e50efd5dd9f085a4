import Assets
import Foundation

/// The hand-written exemplar sentences of the `semantic` judge, one group per signal (``SemanticFeatures/groups``).
///
/// Shipped as the `Runs` resource `semantic-exemplars.json`; a head records the SHA-256 of the exemplar file it
/// was fitted with, and the judge refuses a head fitted with other exemplars.
public struct SemanticExemplars: Sendable, Equatable {
    /// Exemplar sentences per group name.
    public var groups: [String: [String]]
    /// SHA-256 of the file's bytes (lower-case hex).
    public var sha256: String

    /// Creates exemplars from their parts.
    public init(groups: [String: [String]], sha256: String) {
        self.groups = groups
        self.sha256 = sha256
    }

    private struct File: Decodable {
        var groups: [String: [String]]
    }

    /// Parses an exemplar file (`{"groups": {"concern": ["…", …], …}}`).
    /// - Throws: ``JudgeError/semantic(_:)`` naming `path` when the bytes are not such a file or a group of
    ///   ``SemanticFeatures/groups`` is missing or empty.
    public static func parse(bytes: [UInt8], path: String) throws -> SemanticExemplars {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(bytes))
        } catch {
            throw JudgeError.semantic("\(path): not an exemplar file ({\"groups\": {name: [sentences]}}): \(error)")
        }
        for group in SemanticFeatures.groups where (file.groups[group] ?? []).isEmpty {
            throw JudgeError.semantic("\(path): exemplar group '\(group)' is missing or empty")
        }
        return SemanticExemplars(groups: file.groups, sha256: SHA256.hash(bytes))
    }

    /// Reads an exemplar file.
    public static func load(path: String) throws -> SemanticExemplars {
        try parse(bytes: try SemanticResource.bytes(path: path), path: path)
    }

    /// The exemplars shipped with ValueProbe.
    public static func builtin() throws -> SemanticExemplars {
        try load(path: try SemanticResource.builtinPath("semantic-exemplars"))
    }
}
