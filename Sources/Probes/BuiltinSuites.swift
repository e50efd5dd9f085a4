import Foundation

/// The suites shipped with ValueProbe as resources: `khamassi2024` (the paper's probes, reconstructed) and
/// `values-core` (twelve everyday values with explicit, implicit, control and causal items).
public enum BuiltinSuites {
    /// The folder that holds the built-in suite files.
    public static var directory: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("Suites", isDirectory: true)
    }

    /// Names of the built-in suites (file names without `.yaml`), sorted.
    public static func list() -> [String] {
        guard let directory,
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Where a built-in suite's file is, or nil for an unknown name.
    public static func url(for name: String) -> URL? {
        guard list().contains(name) else { return nil }
        return directory?.appendingPathComponent("\(name).yaml")
    }

    /// Loads and validates a built-in suite.
    public static func load(_ name: String) throws(SuiteError) -> ProbeSuite {
        guard let url = url(for: name) else { throw SuiteError.unknownSuite(name: name, builtins: list()) }
        return try SuiteLoader.load(contentsOf: url)
    }
}
