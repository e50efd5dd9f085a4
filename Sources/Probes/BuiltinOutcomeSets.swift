import Foundation

/// The outcome sets shipped with ValueProbe as resources: `outcomes-core` (for each value of `values-core`, two
/// outcomes that uphold it and two that violate it, plus neutral everyday anchors).
public enum BuiltinOutcomeSets {
    /// The folder that holds the built-in outcome-set files.
    public static var directory: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Outcomes", isDirectory: true)
    }

    /// Names of the built-in outcome sets (file names without `.yaml`), sorted.
    public static func list() -> [String] {
        guard let directory,
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Where a built-in outcome set's file is, or nil for an unknown name.
    public static func url(for name: String) -> URL? {
        guard list().contains(name) else { return nil }
        return directory?.appendingPathComponent("\(name).yaml")
    }

    /// Loads and validates a built-in outcome set.
    public static func load(_ name: String) throws(OutcomeSetError) -> OutcomeSet {
        guard let url = url(for: name) else { throw OutcomeSetError.unknownSet(name: name, builtins: list()) }
        return try OutcomeSetLoader.load(contentsOf: url)
    }
}
