import Foundation
import Runs
import Synchronization

/// The runs under a directory: every run store (`valueprobe.sqlite`) in the directory itself or up to two levels
/// below it (`runs/SUITE-RUNID/valueprobe.sqlite`). Stores are opened once and kept; the directory is scanned
/// again on every ``refresh()``, so runs started while the viewer is open appear.
public final class RunCatalog: Sendable {
    /// A store or run that cannot be shown, and why (one line).
    public struct Problem: Sendable, Equatable, Codable {
        /// The store file or run.
        public var path: String
        /// What is wrong.
        public var message: String
    }

    private struct State {
        var stores: [String: RunStore] = [:]
        var failed: [String: String] = [:]
        var runs: [String: CatalogedRun] = [:]
        var order: [String] = []
        var problems: [Problem] = []
    }

    /// The directory scanned.
    public let root: URL
    private let state = Mutex(State())

    /// How deep below `root` stores are looked for.
    public static let searchDepth = 2

    /// A catalog of the runs under `root`; nothing is read until ``refresh()``.
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// Scans the directory, opens stores not seen before and re-reads the list of runs of every store.
    /// - Throws: ``ViewerError`` when `root` is not a readable directory.
    public func refresh() throws {
        let files = try Self.storeFiles(under: root)
        var stores: [(path: String, store: RunStore)] = []
        var problems: [Problem] = []
        for file in files {
            let path = file.path
            let known: (RunStore?, String?) = state.withLock { ($0.stores[path], $0.failed[path]) }
            if let store = known.0 {
                stores.append((path, store))
                continue
            }
            if let message = known.1 {
                problems.append(Problem(path: path, message: message))
                continue
            }
            do {
                let store = try RunStore.open(directory: file.deletingLastPathComponent())
                // Indexes for paging and filtering; a store we may not write is still shown, just slower.
                try? store.prepareForBrowsing()
                state.withLock { $0.stores[path] = store }
                stores.append((path, store))
            } catch {
                let message = "\(error)"
                state.withLock { $0.failed[path] = message }
                problems.append(Problem(path: path, message: message))
            }
        }
        var runs: [String: CatalogedRun] = [:]
        var order: [(created: String, id: String)] = []
        for (path, store) in stores {
            let listed: [StoredRun]
            do {
                listed = try store.runs()
            } catch {
                problems.append(Problem(path: path, message: "\(error)"))
                continue
            }
            for run in listed {
                if let earlier = runs[run.id] {
                    problems.append(Problem(path: path, message: "run \(run.id) is also stored in \(earlier.directory.path); showing that one"))
                    continue
                }
                runs[run.id] = CatalogedRun(id: run.id, manifest: run.manifest, directory: store.directory, store: store)
                order.append((run.created, run.id))
            }
        }
        let sorted = order.sorted { ($0.created, $0.id) > ($1.created, $1.id) }.map(\.id)
        state.withLock { s in
            s.runs = runs
            s.order = sorted
            s.problems = problems
        }
    }

    /// The runs found by the last ``refresh()``, newest first.
    public var runs: [CatalogedRun] {
        state.withLock { s in s.order.compactMap { s.runs[$0] } }
    }

    /// Stores or runs that could not be read at the last ``refresh()``.
    public var problems: [Problem] { state.withLock { $0.problems } }

    /// The run with id `id`, refreshing once when it is not known yet.
    public func run(id: String) throws -> CatalogedRun? {
        if let found = state.withLock({ $0.runs[id] }) { return found }
        try refresh()
        return state.withLock { $0.runs[id] }
    }

    /// Store files under `root`, sorted by path (hidden directories are skipped).
    static func storeFiles(under root: URL) throws -> [URL] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ViewerError.notADirectory(path: root.path)
        }
        var found: [URL] = []
        func visit(_ directory: URL, depth: Int) {
            let file = directory.appendingPathComponent(RunStore.fileName)
            if fm.fileExists(atPath: file.path) { found.append(file) }
            guard depth < searchDepth,
                  let children = try? fm.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.isDirectoryKey],
                                                             options: [.skipsHiddenFiles])
            else { return }
            for child in children.sorted(by: { $0.path < $1.path }) {
                let values = try? child.resourceValues(forKeys: [.isDirectoryKey])
                if values?.isDirectory == true { visit(child, depth: depth + 1) }
            }
        }
        visit(root, depth: 0)
        return found
    }
}
