import ArgumentParser
import Foundation
import Viewer

struct ViewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Browse runs in a local web app: runs, filters, every sample of an item, run comparisons.",
        discussion: """
            Serves the runs stored under DIR (a run directory, or a directory of them such as runs/) at \
            http://127.0.0.1:PORT/ until Ctrl-C. The same data is available as JSON under /api (see \
            docs/viewer.md). Nothing is sent anywhere: the app's pages, scripts and styles come from this process.
            """
    )

    @Argument(help: "Directory holding the runs (default: runs).")
    var directory = "runs"

    @Option(help: "Port to listen on (0 = any free port).")
    var port = ViewerServer.defaultPort

    @Option(help: "Address to bind to. Anything but a loopback address exposes your runs to the network.")
    var host = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be in 0...65535, got \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
    }

    func run() async throws {
        let url = URL(fileURLWithPath: directory)
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            Terminal.error("warning: serving on \(host): anyone who can reach this address can read these runs")
        }
        try await ViewerServer(directory: url, host: host, port: port).run { address in
            Terminal.error("viewing runs in \(url.standardizedFileURL.path) at \(address.absoluteString) (Ctrl-C stops)")
        }
    }
}
