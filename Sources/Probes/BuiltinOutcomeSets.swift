import Foundation

/// The outcome sets shipped with ValueProbe as resources: `outcomes-core` (for each value of `values-core`, two
/// outcomes that uphold it and two that violate it, plus neutral everyday anchors).
public enum BuiltinOutcomeSets {
    static let folder = BundledYAMLFolder(name: "Outcomes")

    /// The folder that holds the built-in outcome-set files.
    public static var directory: URL? { folder.directory }

    /// Names of the built-in outcome sets (file names without `.yaml`), sorted.
    public static func list() -> [String] { folder.list() }

    /// Where a built-in outcome set's file is, or nil for an unknown name.
    public static func url(for name: String) -> URL? { folder.url(for: name) }

    /// Loads and validates a built-in outcome set.
    public static func load(_ name: String) throws(OutcomeSetError) -> OutcomeSet {
        guard let url = url(for: name) else { throw OutcomeSetError.unknownSet(name: name, builtins: list()) }
        return try OutcomeSetLoader.load(contentsOf: url)
    }
}
