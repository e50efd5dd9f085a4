import Assets
import Foundation

/// The Python interpreter that runs the embedding peers (NumPy, gensim, sentence-transformers) for
/// `valueprobe bench embed`, and which of those libraries it can import.
///
/// The interpreter is `--python PATH`, else `$VALUEPROBE_PEERS_PYTHON`, else the virtual environment that
/// `scripts/peers/install-python-peers` makes (`<asset cache>/peers/python/bin/python`).
public struct EmbeddingBenchmarkPeer: Sendable {
    /// The interpreter.
    public let python: String
    /// Importable peer modules and their versions (`numpy`, `gensim`, `sentence_transformers`).
    public let modules: [String: String]
    private let script: URL

    /// The interpreter to use: the explicit path, else the environment variable, else the default virtual
    /// environment under `store`'s root.
    public static func interpreter(explicit: String?, store: AssetStore,
                                   environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let configured = environment["VALUEPROBE_PEERS_PYTHON"], !configured.isEmpty { return configured }
        return store.root.appendingPathComponent("peers/python/bin/python").path
    }

    /// Probes `python`: nil (with the reason) when it cannot run; otherwise the peer with the modules it imports.
    public static func probe(python: String, scratch: URL) -> Result<EmbeddingBenchmarkPeer, PeerError> {
        guard FileManager.default.isExecutableFile(atPath: python) else {
            return .failure(PeerError("no Python interpreter at \(python) (run scripts/peers/install-python-peers, or pass --python)"))
        }
        let script = scratch.appendingPathComponent("embedding_peers.py")
        do {
            try Data(EmbeddingBenchmarkPeerScript.source.utf8).write(to: script)
            let peer = EmbeddingBenchmarkPeer(python: python, modules: [:], script: script)
            let found = try peer.call("probe", arguments: nil, threads: 1, scratch: scratch)
            var modules: [String: String] = [:]
            for (name, version) in found { modules[name] = version as? String ?? "?" }
            return .success(EmbeddingBenchmarkPeer(python: python, modules: modules, script: script))
        } catch let error as PeerError {
            return .failure(error)
        } catch {
            return .failure(PeerError("\(python): \(error.localizedDescription)"))
        }
    }

    /// Runs `task` of the peer script with `arguments` (written as JSON) and the thread count set in the
    /// environment; returns the JSON object the script prints.
    func call(_ task: String, arguments: [String: Any]?, threads: Int, scratch: URL) throws -> [String: Any] {
        var argv = [script.path, task]
        if let arguments {
            let file = scratch.appendingPathComponent("\(task)-\(threads).json")
            try JSONSerialization.data(withJSONObject: arguments).write(to: file)
            argv.append(file.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = argv
        var environment = ProcessInfo.processInfo.environment
        for key in ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS", "RAYON_NUM_THREADS"] {
            environment[key] = String(threads)
        }
        // The model is loaded from its directory: never look for it on a hub.
        environment["HF_HUB_OFFLINE"] = "1"
        environment["TRANSFORMERS_OFFLINE"] = "1"
        environment["TOKENIZERS_PARALLELISM"] = threads > 1 ? "true" : "false"
        environment["PYTHONHASHSEED"] = "0"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read stderr concurrently so that a chatty peer cannot fill the pipe and block.
        let errorBox = ErrorText()
        let reader = Thread { errorBox.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderrText = errorBox.wait()
        guard process.terminationStatus == 0 else {
            let last = stderrText.split(separator: "\n").last.map(String.init) ?? ""
            throw PeerError("python \(task) exited with status \(process.terminationStatus): \(last)")
        }
        guard let line = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
              let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw PeerError("python \(task) printed no JSON object")
        }
        return object
    }
}

/// The standard error text of a peer process, filled by a reader thread.
private final class ErrorText: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var text = ""

    func set(_ data: Data) {
        text = String(decoding: data, as: UTF8.self)
        done.signal()
    }

    func wait() -> String {
        done.wait()
        return text
    }
}
