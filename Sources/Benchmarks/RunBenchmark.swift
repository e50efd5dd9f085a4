import Foundation
import Models
import Runs

/// The wall time of a whole `valueprobe run` with the CLI's defaults (the khamassi2024 suite's quick plan on the
/// embedded SmolLM2 — the suite's samples, scenarios and tokens — seed 0, the default `semantic` judge) in a
/// temporary directory: model loading,
/// generation through the continuous batch, judging, storing and the reports, as the CLI does them.
public struct RunBenchmark: Sendable {
    /// What is run; the CLI's default run unless changed.
    public var configuration: RunConfiguration
    /// Worker threads of the embedded engine (nil = every core).
    public var threads: Int?

    public init(configuration: RunConfiguration = RunBenchmark.defaultRun, threads: Int? = nil) {
        self.configuration = configuration
        self.threads = threads
    }

    /// `valueprobe run` with no options.
    public static var defaultRun: RunConfiguration {
        RunConfiguration(suite: "khamassi2024", models: [ModelSpec.defaultLocal.description], seed: 0,
                         judge: JudgeFactory.defaultSpec, parallel: RunConfiguration.defaultParallel, scope: .quick)
    }

    public struct Result: Codable, Sendable {
        public var suite: String
        public var samples: Int
        public var parallel: Int
        public var threads: Int
        /// From the start to the written reports, seconds.
        public var wallSeconds: Double
        public var promptTokens: Int
        public var generatedTokens: Int
        /// Generated tokens per second of wall time.
        public var generatedTokensPerSecond: Double
        /// The 1-minute load average at the end (other work on the machine skews the figures).
        public var loadAverage: Double?
    }

    /// Runs the configuration in a fresh temporary directory (removed afterwards).
    public func run(progress: Runner.ProgressHandler? = nil) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("valueprobe-bench-run-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let start = DispatchTime.now().uptimeNanoseconds
        var configuration = self.configuration
        let makeModel = RunModels.standard(threads: threads, concurrency: configuration.concurrency,
                                           parallel: configuration.effectiveParallel)
        let judge = try JudgeFactory.make(spec: configuration.judge)
        configuration.judge = judge.spec
        let runner = Runner(directory: directory, configuration: configuration, judge: judge, makeModel: makeModel,
                            progress: progress)
        let outcome = try await runner.run()
        _ = try RunReporting.finish(runDirectory: directory, runID: outcome.runID)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let store = try RunStore.open(directory: directory)
        let responses = try store.samples(run: outcome.runID).compactMap(\.response)
        let generated = responses.reduce(0) { $0 + ($1.completionTokens ?? 0) }
        return Result(suite: configuration.suite, samples: responses.count, parallel: configuration.effectiveParallel,
                      threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, wallSeconds: seconds,
                      promptTokens: responses.reduce(0) { $0 + ($1.promptTokens ?? 0) }, generatedTokens: generated,
                      generatedTokensPerSecond: Double(generated) / seconds, loadAverage: LoadAverage.current())
    }
}
