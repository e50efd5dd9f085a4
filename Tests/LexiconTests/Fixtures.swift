import Assets
import Foundation
import Lexicon

/// The real WordNet 3.0 database, fetched through the asset store (Debian's `wordnet-base`) and loaded once per
/// test process.
enum RealWordNet {
    private static let loaded: Result<WordNet, any Error> = Result { try WordNet(store: AssetStore()) }

    static func load() throws -> WordNet { try loaded.get() }
}

/// A fresh temporary directory, removed by the caller with `cleanup`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// Runs `body` and returns the `LexiconError` it throws (nil when it throws none or another error).
func lexiconError(_ body: () throws -> Void) -> LexiconError? {
    do {
        try body()
        return nil
    } catch let e as LexiconError {
        return e
    } catch {
        return nil
    }
}
