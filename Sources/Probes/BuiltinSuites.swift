import Foundation

/// The suites shipped with ValueProbe as resources: `khamassi2024` (the paper's probes, reconstructed) and
/// `values-core` (twelve everyday values with explicit, implicit, control and causal items).
public enum BuiltinSuites {
    static let folder = BundledYAMLFolder(name: "Suites")

    /// The folder that holds the built-in suite files.
    public static var directory: URL? { folder.directory }

    /// Names of the built-in suites (file names without `.yaml`), sorted.
    public static func list() -> [String] { folder.list() }

    /// Where a built-in suite's file is, or nil for an unknown name.
    public static func url(for name: String) -> URL? { folder.url(for: name) }

    /// Loads and validates a built-in suite.
    public static func load(_ name: String) throws(SuiteError) -> ProbeSuite {
        guard let url = url(for: name) else { throw SuiteError.unknownSuite(name: name, builtins: list()) }
        return try SuiteLoader.load(contentsOf: url)
    }
}
