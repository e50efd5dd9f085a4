import Assets
import Foundation
import Testing

/// A fake wheel with a model file, a vocabulary and metadata, plus a catalogue entry for it whose checksums
/// come from the system's `sha256sum`.
private struct Fixture {
    let directory: URL
    let root: URL
    let wheel: URL
    let model: [UInt8]
    let vocab: [UInt8]
    let spec: AssetSpec

    init(modelSHA: String? = nil) throws {
        directory = try TestSupport.temporaryDirectory("store")
        root = directory.appendingPathComponent("home")
        model = TestSupport.bytes(300_000, seed: 1)
        vocab = Array("[PAD]\n[UNK]\nhello\nworld\n".utf8)
        var writer = TestZipWriter()
        writer.add("fake_pkg/data/model.gguf", model, method: .deflated)
        writer.add("fake_pkg/data/vocab.txt", vocab, method: .stored)
        writer.add("fake_pkg/data/extra.json", Array("{}".utf8), method: .deflated)
        writer.add("fake_pkg/code.py", Array("print()".utf8), method: .deflated)
        writer.add("fake_pkg-1.0.dist-info/METADATA", Array("Name: fake-pkg".utf8), method: .stored)
        wheel = directory.appendingPathComponent("fake_pkg-1.0-py3-none-any.whl")
        try Data(writer.finish()).write(to: wheel)

        let modelFile = directory.appendingPathComponent("model.ref")
        try Data(model).write(to: modelFile)
        let reference = try #require(TestSupport.systemSHA256(modelFile))
        spec = AssetSpec(
            name: "fake",
            source: .pip(name: "fake-pkg", version: "1.0", extraArgs: []),
            files: [
                AssetFile("fake_pkg/data/model.gguf", sha256: modelSHA ?? reference, size: Int64(model.count)),
                AssetFile("fake_pkg/data/vocab.txt"),
            ],
            patterns: ["fake_pkg/data/*.json"],
            stripPrefix: "fake_pkg/data/",
            primaryFile: "model.gguf",
            summary: "test asset", licence: "none")
    }

    func store(_ fetcher: FakeFetcher, spec: AssetSpec? = nil, environment: [String: String] = [:]) -> AssetStore {
        AssetStore(root: root, catalog: AssetCatalog([spec ?? self.spec]), fetcher: fetcher, environment: environment)
    }

    func temporaryEntries() -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("tmp").path)) ?? []
    }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("Asset store")
struct AssetStoreTests {
    @Test func installsVerifiesAndWritesManifest() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let fetcher = FakeFetcher(copying: fixture.wheel)
        let store = fixture.store(fetcher)
        #expect(!store.isInstalled("fake"))

        var phases: [AssetProgress.Phase] = []
        let directory = try store.ensure("fake") { phases.append($0.phase) }
        #expect(fetcher.calls == 1)
        #expect(store.isInstalled("fake"))
        #expect(try Data(contentsOf: directory.appendingPathComponent("model.gguf")) == Data(fixture.model))
        #expect(try Data(contentsOf: directory.appendingPathComponent("vocab.txt")) == Data(fixture.vocab))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("extra.json").path))
        // Files the spec does not keep are not installed.
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("code.py").path))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("fake_pkg/code.py").path))
        // Phases in order, each at least once.
        let order: [AssetProgress.Phase] = [.downloading, .unpacking, .verifying, .done]
        #expect(phases.reduce(into: [AssetProgress.Phase]()) { if $0.last != $1 { $0.append($1) } } == order)

        // The manifest on disk records every file with an independently computed checksum.
        let manifestURL = directory.deletingLastPathComponent().appendingPathComponent("manifest.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any])
        #expect(json["name"] as? String == "fake")
        #expect(json["version"] as? String == "1.0")
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(Set(files.compactMap { $0["path"] as? String }) == ["model.gguf", "vocab.txt", "extra.json"])
        for file in files {
            let path = try #require(file["path"] as? String)
            let url = directory.appendingPathComponent(path)
            #expect(file["sha256"] as? String == TestSupport.systemSHA256(url), "\(path)")
            #expect((file["size"] as? NSNumber)?.int64Value == (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value)
        }
        #expect(fixture.temporaryEntries().isEmpty)
        #expect(try store.path("fake", file: "vocab.txt") == directory.appendingPathComponent("vocab.txt"))
        #expect(try store.path("fake", file: "fake_pkg/data/model.gguf") == directory.appendingPathComponent("model.gguf"))
        #expect(throws: AssetError.fileNotInAsset(asset: "fake", file: "code.py")) { try store.path("fake", file: "code.py") }
    }

    @Test func secondEnsureReturnsWithoutFetching() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let fetcher = FakeFetcher(copying: fixture.wheel)
        let store = fixture.store(fetcher)
        let first = try store.ensure("fake")
        var details: [String] = []
        let second = try store.ensure("fake") { details.append($0.detail) }
        #expect(first == second)
        #expect(fetcher.calls == 1)
        #expect(details == ["already installed"])
        // A new store over the same root (another process) sees it too.
        let again = fixture.store(fetcher)
        #expect(again.isInstalled("fake"))
        _ = try again.ensure("fake")
        #expect(fetcher.calls == 1)
    }

    @Test func checksumMismatchInstallsNothing() throws {
        let wrong = String(repeating: "0", count: 64)
        let fixture = try Fixture(modelSHA: wrong)
        defer { fixture.cleanUp() }
        let store = fixture.store(FakeFetcher(copying: fixture.wheel))
        let error = try #require(throws: AssetError.self) { try store.ensure("fake") }
        guard case let .checksumMismatch(asset, file, expected, actual) = error else {
            Issue.record("expected a checksum mismatch, got \(error)")
            return
        }
        #expect(asset == "fake" && file == "fake_pkg/data/model.gguf" && expected == wrong)
        let modelFile = fixture.directory.appendingPathComponent("model.ref")
        #expect(actual == TestSupport.systemSHA256(modelFile))
        #expect(error.description.contains(wrong) && error.description.contains(actual) && error.description.contains("model.gguf"))
        #expect(!error.description.contains("\n"))
        #expect(!store.isInstalled("fake"))
        #expect(!FileManager.default.fileExists(atPath: store.directory(for: "fake").deletingLastPathComponent().path))
        #expect(fixture.temporaryEntries().isEmpty)
    }

    @Test func verifyDetectsTampering() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let store = fixture.store(FakeFetcher(copying: fixture.wheel))
        #expect(throws: AssetError.notInstalled("fake")) { try store.verify("fake") }
        let directory = try store.ensure("fake")
        let manifest = try store.verify("fake")
        #expect(manifest.files.count == 3)
        var tampered = fixture.vocab
        tampered[0] ^= 1
        try Data(tampered).write(to: directory.appendingPathComponent("vocab.txt"))
        let error = try #require(throws: AssetError.self) { try store.verify("fake") }
        guard case let .checksumMismatch(_, file, _, _) = error else {
            Issue.record("expected a checksum mismatch, got \(error)")
            return
        }
        #expect(file == "vocab.txt")
    }

    @Test func leftoversOfInterruptedInstallsAreRemoved() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        // Simulate an install killed half-way: a work directory with a partial file and no asset directory.
        let stale = fixture.root.appendingPathComponent("tmp/fake+dead-process/asset/files")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data([1, 2, 3]).write(to: stale.appendingPathComponent("model.gguf"))
        let other = fixture.root.appendingPathComponent("tmp/other+dead-process")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)

        let store = fixture.store(FakeFetcher(copying: fixture.wheel))
        #expect(!store.isInstalled("fake"))
        #expect(store.list().map(\.state) == [.missing])
        let directory = try store.ensure("fake")
        #expect(try Data(contentsOf: directory.appendingPathComponent("model.gguf")) == Data(fixture.model))
        #expect(fixture.temporaryEntries() == ["other+dead-process"])
        #expect(store.cleanTemporaryFiles() == 1)
        #expect(fixture.temporaryEntries().isEmpty)
    }

    @Test func fetchFailureIsOneClearLineAndInstallsNothing() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let failure = AssetError.fetchFailed(
            asset: "fake", command: "python3 -m pip download --no-deps fake-pkg==1.0",
            lastLine: "ERROR: simulated failure", hint: "no network? the package index must be reachable")
        let store = fixture.store(FakeFetcher(copying: fixture.wheel, failure: failure))
        let error = try #require(throws: AssetError.self) { try store.ensure("fake") }
        let text = error.description
        #expect(!text.contains("\n"))
        for part in ["'fake'", "pip download", "fake-pkg==1.0", "ERROR: simulated failure", "no network?", store.downloadsDirectory.path] {
            #expect(text.contains(part), "\(part) missing from: \(text)")
        }
        let log = fixture.root.appendingPathComponent("logs/fake.log")
        #expect(text.contains(log.path))
        #expect((try? String(contentsOf: log, encoding: .utf8))?.contains("simulated failure") == true)
        #expect(!store.isInstalled("fake"))
        #expect(fixture.temporaryEntries().isEmpty)
    }

    @Test func offlineModeUsesOnlyTheDownloadsDirectory() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let fetcher = FakeFetcher(copying: fixture.wheel)
        let store = fixture.store(fetcher, environment: ["VALUEPROBE_OFFLINE": "1"])
        #expect(store.offline)
        let error = try #require(throws: AssetError.self) { try store.ensure("fake") }
        guard case .offline = error else {
            Issue.record("expected the offline error, got \(error)")
            return
        }
        #expect(error.description.contains(store.downloadsDirectory.path))
        #expect(fetcher.calls == 0)

        // A wheel copied into the downloads directory by hand is installed without any fetch.
        try FileManager.default.createDirectory(at: store.downloadsDirectory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture.wheel, to: store.downloadsDirectory.appendingPathComponent(fixture.wheel.lastPathComponent))
        _ = try store.ensure("fake")
        #expect(fetcher.calls == 0)
        #expect(try store.manifest("fake")?.obtainedWith == "downloads directory")
    }

    @Test func concurrentInstallsFetchOnce() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let fetcher = FakeFetcher(copying: fixture.wheel, delay: 0.3)
        let store = fixture.store(fetcher)
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            results.add(Result { try store.ensure("fake") })
        }
        let urls = try results.all.map { try $0.get() }
        #expect(urls.count == 4 && Set(urls).count == 1)
        #expect(fetcher.calls == 1)
        #expect(try store.verify("fake").files.count == 3)
    }

    @Test func changedSpecificationReinstalls() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let fetcher = FakeFetcher(copying: fixture.wheel)
        _ = try fixture.store(fetcher).ensure("fake")
        var changed = fixture.spec
        changed.patterns = []
        let store = fixture.store(fetcher, spec: changed)
        #expect(try store.status("fake").state == .outdated)
        #expect(!store.isInstalled("fake"))
        let directory = try store.ensure("fake")
        #expect(fetcher.calls == 2)
        #expect(try store.status("fake").state == .installed)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("extra.json").path))
        #expect(fixture.temporaryEntries().isEmpty)
    }

    @Test func missingRequiredFileIsReported() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        var spec = fixture.spec
        spec.files.append(AssetFile("fake_pkg/data/absent.bin"))
        let store = fixture.store(FakeFetcher(copying: fixture.wheel), spec: spec)
        #expect(throws: AssetError.missingFile(asset: "fake", file: "fake_pkg/data/absent.bin", archive: fixture.wheel.lastPathComponent)) {
            try store.ensure("fake")
        }
        #expect(!store.isInstalled("fake"))
    }

    @Test func removeUninstalls() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let store = fixture.store(FakeFetcher(copying: fixture.wheel))
        let directory = try store.ensure("fake")
        try store.remove("fake")
        #expect(!store.isInstalled("fake"))
        #expect(!FileManager.default.fileExists(atPath: directory.path))
        #expect(fixture.temporaryEntries().isEmpty)
    }

    @Test func resolvesModelSpecifications() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let store = fixture.store(FakeFetcher(copying: fixture.wheel))
        // A local file is used as it is, with or without the "local:" prefix.
        let local = fixture.directory.appendingPathComponent("my model.gguf")
        try Data([0x47, 0x47, 0x55, 0x46]).write(to: local)
        #expect(try store.resolveModelFile(local.path).path == local.path)
        #expect(try store.resolveModelFile("local:" + local.path).path == local.path)
        // An asset name installs the asset and returns its GGUF.
        let model = try store.resolveModelFile("fake")
        #expect(model.lastPathComponent == "model.gguf")
        #expect(try Data(contentsOf: model) == Data(fixture.model))
        // Neither a file nor an asset.
        #expect(throws: AssetError.self) { try store.resolveModelFile("/nonexistent/model.gguf") }
        #expect(throws: AssetError.self) { try store.resolveModelFile("no-such-model") }
    }

    @Test func unknownAssetListsKnownNames() throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let store = fixture.store(FakeFetcher(copying: fixture.wheel))
        #expect(throws: AssetError.unknownAsset(name: "nope", known: ["fake"])) { try store.ensure("nope") }
    }

    @Test func cacheRootFollowsEnvironment() {
        #expect(AssetStore.defaultRoot(environment: ["VALUEPROBE_HOME": "/a/b", "XDG_CACHE_HOME": "/x", "HOME": "/h"]).path == "/a/b")
        #expect(AssetStore.defaultRoot(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]).path == "/x/valueprobe")
        #expect(AssetStore.defaultRoot(environment: ["HOME": "/h"]).path == "/h/.cache/valueprobe")
        #expect(AssetStore.defaultRoot(environment: ["VALUEPROBE_HOME": "", "XDG_CACHE_HOME": "relative", "HOME": "/h"]).path == "/h/.cache/valueprobe")
    }
}

/// Collects results from concurrent threads.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<URL, any Error>] = []
    func add(_ result: Result<URL, any Error>) { lock.withLock { results.append(result) } }
    var all: [Result<URL, any Error>] { lock.withLock { results } }
}
