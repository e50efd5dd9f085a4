import Foundation
import Probes

/// Which suite a run used: its declared id, title and version, where it was loaded from, and the hash of its
/// content (``SuiteHash``), which is what the run id depends on.
public struct SuiteIdentity: Codable, Sendable, Equatable, Hashable {
    /// The suite's declared id, e.g. `khamassi2024`.
    public var id: String
    /// The suite's title.
    public var title: String
    /// The suite's declared version.
    public var version: String
    /// SHA-256 of the suite's canonical JSON.
    public var hash: String
    /// The built-in name or path the run was given.
    public var locator: String

    /// Creates an identity.
    public init(id: String, title: String, version: String, hash: String, locator: String) {
        self.id = id
        self.title = title
        self.version = version
        self.hash = hash
        self.locator = locator
    }

    /// The identity of `suite`, loaded from `locator`. A suite file's path is recorded as an absolute path, so
    /// that reports made from another directory can load the suite again; built-in names are kept as they are.
    public init(suite: ProbeSuite, locator: String) {
        self.init(id: suite.id, title: suite.title, version: suite.version, hash: SuiteHash.hash(of: suite),
                  locator: SuiteIdentity.absoluteLocator(locator))
    }

    /// `locator` as an absolute, standardised path when it names an existing file and no built-in suite.
    static func absoluteLocator(_ locator: String) -> String {
        guard !BuiltinSuites.list().contains(locator), FileManager.default.fileExists(atPath: locator) else {
            return locator
        }
        return URL(fileURLWithPath: locator).standardizedFileURL.path
    }
}
