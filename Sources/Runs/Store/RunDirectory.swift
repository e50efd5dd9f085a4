import Foundation

/// The folder a store file lives in (a run directory): created with its parents when missing.
enum RunDirectory {
    /// Makes sure `directory` exists and is a folder.
    /// - Throws: ``RunStoreError/cannotCreateDirectory(path:reason:)`` when a file is in the way or creation fails.
    static func prepare(_ directory: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw RunStoreError.cannotCreateDirectory(path: directory.path, reason: "it is a file")
            }
            return
        }
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            let reason = (error as NSError).localizedDescription.replacingOccurrences(of: "\n", with: " ")
            throw RunStoreError.cannotCreateDirectory(path: directory.path, reason: reason)
        }
    }
}
