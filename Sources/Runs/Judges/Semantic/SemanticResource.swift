import Assets
import Foundation

/// The files the `semantic` judge reads: a path, or one of the resources shipped in the `Runs` bundle.
enum SemanticResource {
    /// The bytes of the file at `path`; a read failure names the file.
    static func bytes(path: String) throws -> [UInt8] {
        do {
            return try WholeFile.read(path)
        } catch {
            throw JudgeError.semantic("\(path): \(error.reason)")
        }
    }

    /// The path of the shipped resource `NAME.json`.
    static func builtinPath(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Resources") else {
            throw JudgeError.semantic("the resource \(name).json is missing from the Runs bundle")
        }
        return url.path
    }
}
