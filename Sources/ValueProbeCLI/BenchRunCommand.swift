import ArgumentParser
import Assets
import Benchmarks
import Foundation
import Runs

struct BenchRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Wall time and tokens/s of the default `valueprobe run` (khamassi2024, default settings) in a temporary directory."
    )

    @Option(help: "Sequences the embedded engine generates together (default: run's default on this machine).")
    var parallel: Int?
    @Option(help: "Worker threads of the embedded engine (default: all cores).")
    var threads: Int?
    @Option(help: "Samples per prompt (default: the suite's quick plan, as `valueprobe run`).")
    var samples: Int?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let parallel, parallel < 1 || parallel > 1024 { throw ValidationError("--parallel must be between 1 and 1024, got \(parallel)") }
        if let samples, samples < 1 { throw ValidationError("--samples must be at least 1, got \(samples)") }
    }

    func run() async throws {
        var configuration = RunBenchmark.defaultRun
        if let samples { configuration.samples = samples }
        if let parallel { configuration.parallel = parallel }
        let bench = RunBenchmark(configuration: configuration, threads: threads)
        let display = TerminalProgress()
        let result = try await bench.run(progress: { display.update($0.progressBar) })
        display.finish()
        if json {
            try Terminal.printJSON(result)
            return
        }
        print(String(format: "default run (%@, %d samples, --parallel %d, %d threads): %.1f s wall, %d generated tokens, %.1f tokens/s",
                     result.suite as NSString, result.samples, result.parallel, result.threads, result.wallSeconds,
                     result.generatedTokens, result.generatedTokensPerSecond))
        if let load = result.loadAverage { print(String(format: "load average at the end: %.2f (1 min)", load)) }
    }
}
