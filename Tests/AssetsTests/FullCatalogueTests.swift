import Assets
import Foundation
import Testing

/// Installs every catalogue asset (about 300 MB of packages). Off by default; run with
/// `VALUEPROBE_TEST_ALL_ASSETS=1 swift test --filter FullCatalogueTests`. Uses `VALUEPROBE_HOME` if set, else a
/// temporary cache that is deleted afterwards. Prints each asset's files with their checksums.
@Suite("Full catalogue")
struct FullCatalogueTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["VALUEPROBE_TEST_ALL_ASSETS"] == "1"))
    func installsEveryAsset() throws {
        var environment = ProcessInfo.processInfo.environment
        var temporary: URL?
        if environment["VALUEPROBE_HOME"] == nil {
            let home = try TestSupport.temporaryDirectory("valueprobe-all")
            environment["VALUEPROBE_HOME"] = home.path
            temporary = home
        }
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let store = AssetStore(environment: environment)
        for spec in store.catalog.specs {
            let directory = try store.ensure(spec.name)
            let manifest = try #require(try store.manifest(spec.name))
            #expect(!manifest.files.isEmpty, "\(spec.name)")
            print("\(spec.name) \(manifest.version) \(manifest.packageFile) files=\(manifest.files.count) bytes=\(manifest.totalSize)")
            for file in manifest.files {
                #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file.path).path), "\(spec.name)/\(file.path)")
                if !file.pinned { print("  \(file.sha256)  \(file.size)  \(file.path)") }
            }
            if let primary = spec.primaryFile {
                #expect(FileManager.default.fileExists(atPath: try store.primaryFile(spec.name).path), "\(spec.name): \(primary)")
            }
        }
        #expect(store.list().allSatisfy { $0.state == .installed })
    }
}
