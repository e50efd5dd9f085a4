import Foundation

/// llama.cpp's `llama-server`, started on the same GGUF file with the same slots and threads, for side-by-side
/// serving figures. Found on PATH (or at `$LLAMA_SERVER`).
public struct LlamaServerPeer: Sendable {
    public let executable: String

    public static func find() -> LlamaServerPeer? {
        PeerExecutable.find("llama-server", environmentVariable: "LLAMA_SERVER").map { LlamaServerPeer(executable: $0) }
    }

    /// A running llama-server; `stop()` ends it.
    public final class Running: @unchecked Sendable {
        let process: Process
        public let port: Int
        /// While the peer runs, SIGINT/SIGTERM of this process end the peer too (it would outlive us otherwise).
        private let signalSources: [any DispatchSourceSignal]

        init(process: Process, port: Int) {
            self.process = process
            self.port = port
            let pid = process.processIdentifier
            signalSources = [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    kill(pid, SIGKILL)
                    exit(128 + number)
                }
                source.resume()
                return source
            }
        }

        private func restoreSignals() {
            for source in signalSources { source.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }

        /// SIGTERM, then SIGKILL if it has not exited within 3 s (llama-server may wait for idle connections).
        public func stop() async {
            defer { restoreSignals() }
            guard process.isRunning else { return }
            process.terminate()
            for _ in 0 ..< 30 where process.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }

        deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    }

    /// Starts `llama-server -m model --parallel P -c P·context -t threads --port PORT` on loopback and waits
    /// (up to two minutes) until its `/health` answers 200.
    public func start(model: String, parallel: Int, contextPerSlot: Int, threads: Int) async throws -> Running {
        let port = try FreePort.find()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-m", model, "--parallel", String(parallel), "-c", String(parallel * contextPerSlot),
                             "-t", String(threads), "--host", "127.0.0.1", "--port", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let running = Running(process: process, port: port)
        let client = BlockingHTTPClient(port: port, timeoutSeconds: 5)
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw PeerError("llama-server exited with status \(process.terminationStatus) while starting") }
            if (try? client.get("/health"))?.status == 200 { return running }
            try await Task.sleep(for: .milliseconds(250))
        }
        await running.stop()
        throw PeerError("llama-server did not become healthy within 120 s")
    }
}
