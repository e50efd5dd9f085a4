import ArgumentParser
import Assets
import Foundation
import Models
import Probes
import Reports
import Runs

/// `valueprobe prefs`: pairwise preferences between outcomes, fitted into utilities (logic in `Runs.PrefsRunner`).
struct PrefsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prefs",
        abstract: "Measure a model's preferences between outcomes and fit utilities (Thurstonian), per value.",
        discussion: """
            Asks "which implied state of the world would you prefer?" for pairs of outcomes in both orders, fits a \
            utility per outcome with bootstrap intervals, and reports held-out log loss and accuracy, transitivity \
            (P_cycle, hard cycles), decisiveness, order consistency and, per value, whether outcomes that uphold it \
            are preferred to those that violate it. The embedded engine (local:…) gives exact label probabilities; \
            remote models are sampled K times per order. Answers are stored in DIR/prefs.sqlite as they arrive: \
            re-running the same command continues the run; Ctrl-C stops. See docs/preferences.md.
            """
    )

    @Argument(help: "Built-in outcome set (\(BuiltinOutcomeSets.list().joined(separator: ", "))) or an outcome-set YAML file.")
    var set = "outcomes-core"

    @Option(help: "Model spec: local:smollm2 (default), local:PATH.gguf, openai:MODEL, openai-compatible:URL#MODEL, anthropic:MODEL, gemini:MODEL, ollama:MODEL.")
    var model = ModelSpec.defaultLocal.description

    @Option(help: "Pairs asked in the first round (default: 4 per outcome, at most all pairs; at least outcomes - 1).")
    var pairs: Int?

    @Option(help: "K: sampled answers per pair and order for remote models; the weight of each exact answer on the embedded engine.")
    var samples = 5

    @Option(help: "Seed of the pair choice, the sampled answers and the analysis.")
    var seed: UInt64 = 0

    @Flag(help: "Add rounds of the pairs the current fit is least sure about.")
    var active = false

    @Option(name: .customLong("active-rounds"), help: "Rounds added by --active.")
    var activeRounds = 2

    @Option(help: "Sampling temperature of sampled answers.")
    var temperature = 1.0

    @Option(name: .customLong("max-tokens"), help: "Most tokens of a sampled answer.")
    var maxTokens = 10

    @Option(help: "Bootstrap replicates for the intervals.")
    var replicates = 1000

    @Option(help: "Most requests in flight per remote model.")
    var concurrency = RunConfiguration.defaultConcurrency

    @Option(help: "Sequences the embedded engine evaluates together (default: \(RunConfiguration.defaultParallel) on this machine).")
    var parallel: Int?

    @Option(help: "Worker threads of the embedded engine (default: all cores).")
    var threads: Int?

    @Option(help: "Run directory (default: runs/prefs-SET-RUNID).")
    var out: String?

    @Flag(help: "Print the result as one JSON object on stdout.")
    var json = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let parallel, parallel < 1 || parallel > 1024 {
            throw ValidationError("--parallel must be between 1 and 1024, got \(parallel)")
        }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1, got \(concurrency)") }
    }

    func run() async throws {
        let outcomeSet: OutcomeSet
        do { outcomeSet = try OutcomeSetLoader.load(nameOrPath: set) } catch { throw ValidationError(error.description) }
        let spec: ModelSpec
        do { spec = try ModelSpec(parsing: model) } catch { throw ValidationError(error.description) }
        let configuration = PrefsConfiguration(
            outcomeSet: set, model: spec.description, pairs: pairs, samples: samples, seed: seed, active: active,
            activeRounds: activeRounds, temperature: temperature, maxTokens: maxTokens, replicates: replicates)
        do { try configuration.validate(outcomeCount: outcomeSet.outcomes.count) } catch {
            throw ValidationError(error.description)
        }
        let makeModel = RunModels.standard(threads: threads, concurrency: concurrency, parallel: parallel,
                                           progress: { Terminal.assetProgress($0) })
        let chatModel = try makeModel(spec)
        let identity = try ModelIdentity.resolve(spec)
        let directory = out.map { URL(fileURLWithPath: $0) }
            ?? PrefsRunner.defaultDirectory(configuration: configuration, outcomeSet: outcomeSet)
        Terminal.error("prefs: \(outcomeSet.id) (\(outcomeSet.outcomes.count) outcomes) on \(spec): \(directory.path)")

        let display = TerminalProgress()
        let runner = PrefsRunner(
            directory: directory, configuration: configuration, outcomeSet: outcomeSet, model: chatModel,
            identity: identity, progress: { progress in
                display.update(ProgressBar(label: progress.round == 0 ? "questions" : "round \(progress.round)",
                                           completed: Double(progress.done), total: Double(progress.total)))
            })
        let task = Task { try await runner.run() }
        let interrupt = Interrupt.install { task.cancel() }
        let result: PrefsResult
        do {
            result = try await task.value
        } catch is CancellationError {
            display.finish()
            throw ExitCode(130)
        }
        interrupt.cancel()
        display.finish()
        let page = try PrefsReportHTML.write(result, to: directory)
        if json {
            try Terminal.printJSON(result)
        } else {
            // Piped output is not cut to a terminal's width.
            let width = isatty(1) != 0 ? TerminalProgress.terminalWidth() : 160
            Terminal.write(PrefsSummaryText.render(result, width: width) + "\n")
            Terminal.error("chart: \(page.path)")
        }
        if result.tally.errors > 0 {
            Terminal.error("\(result.tally.errors) question(s) failed; re-run the same command to ask them again")
        }
    }
}
