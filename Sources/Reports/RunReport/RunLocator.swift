import Foundation
import Runs

/// Finds a stored run from what a user typed: a run directory, or a run id under the runs folder.
public enum RunLocator {
    /// Where a run lives.
    public struct Location: Sendable, Equatable {
        /// The run directory (holding `valueprobe.sqlite`).
        public var directory: URL
        /// The run id, when the text or the directory name said which (nil = the directory's latest run).
        public var runID: String?
    }

    /// Resolves `text`:
    /// 1. a directory holding a run store → that directory (its latest run, or `runID` when given);
    /// 2. otherwise a run id: the directory in `runsFolder` named `ID` or `SUITE-ID` (as `valueprobe run` names
    ///    them), with run `ID`.
    /// - Throws: ``RunLocatorError`` naming what was tried when nothing matches or several directories match.
    public static func locate(_ text: String, runID: String? = nil,
                              runsFolder: URL = URL(fileURLWithPath: "runs")) throws -> Location {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let direct = URL(fileURLWithPath: text)
        if fm.fileExists(atPath: direct.path, isDirectory: &isDirectory), isDirectory.boolValue {
            guard fm.fileExists(atPath: direct.appendingPathComponent(RunStore.fileName).path) else {
                throw RunLocatorError(path: direct.path, reason: "not a run directory (no \(RunStore.fileName))")
            }
            return Location(directory: direct, runID: runID)
        }
        let id = text.trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, !id.contains("/") else {
            throw RunLocatorError(path: text, reason: "no such run directory")
        }
        let entries = (try? fm.contentsOfDirectory(atPath: runsFolder.path)) ?? []
        let matches = entries.filter { $0 == id || $0.hasSuffix("-\(id)") }.sorted()
            .map { runsFolder.appendingPathComponent($0) }
            .filter { fm.fileExists(atPath: $0.appendingPathComponent(RunStore.fileName).path) }
        guard let first = matches.first else {
            throw RunLocatorError(path: text, reason: "no run directory of that name, and no run with that id in \(runsFolder.path)")
        }
        guard matches.count == 1 else {
            throw RunLocatorError(path: text, reason: "the id matches \(matches.count) run directories (\(matches.map(\.lastPathComponent).joined(separator: ", "))); give the directory")
        }
        return Location(directory: first, runID: runID ?? (first.lastPathComponent == id ? nil : id))
    }

    /// The data source of the located run.
    public static func source(_ text: String, runID: String? = nil,
                              runsFolder: URL = URL(fileURLWithPath: "runs")) throws -> RunStoreDataSource {
        let location = try locate(text, runID: runID, runsFolder: runsFolder)
        return try RunStoreDataSource(directory: location.directory, runID: location.runID)
    }
}

/// A run could not be found; the description is one line naming what was given.
public struct RunLocatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the user gave.
    public var path: String
    /// Why it does not name a run.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    public var description: String { "\(path): \(reason)" }
}
