import Foundation

/// A folder of YAML files shipped as a resource of this module (the built-in suites, the built-in outcome sets).
struct BundledYAMLFolder: Sendable {
    /// The resource folder's name.
    let name: String

    /// The folder, when the resource bundle has it.
    var directory: URL? { Bundle.module.resourceURL?.appendingPathComponent(name, isDirectory: true) }

    /// The file names without `.yaml`, sorted.
    func list() -> [String] {
        guard let directory,
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Where the file of `name` is, or nil for a name not in the folder.
    func url(for name: String) -> URL? {
        guard list().contains(name) else { return nil }
        return directory?.appendingPathComponent("\(name).yaml")
    }
}
