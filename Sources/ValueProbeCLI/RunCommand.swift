import ArgumentParser
import Assets
import Dispatch
import Foundation
import Models
import Probes
import Reports
import Runs
import Synchronization

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a probe suite on one or more models, storing every response as it arrives.",
        discussion: """
            Every sample (item × paraphrase × model × repeat) is asked at most once and stored in \
            DIR/valueprobe.sqlite the moment its answer arrives. Re-running the same command continues the same \
            run: only unanswered samples are asked. Changing anything that affects results (models, samples, \
            temperature, top-p, max tokens, seed, primary judge, suite content) starts a new run; adding \
            a further --judge continues it and judges its stored responses. Ctrl-C stops; re-run \
            to continue.

            With no options it runs the built-in khamassi2024 suite on the embedded SmolLM2 model (fetched on \
            first use) with the suite's quick plan — 2 samples per prompt, 2 of its 8 scenarios per value, main \
            wordings only, with the hint ladder — which takes about three minutes on two cores; --full runs the \
            suite's full plan (every scenario and paraphrase, 10 samples). Options given explicitly always win. \
            A suite's forced-choice items (--suite choices) are asked beside its items, every choice in every \
            question form and order: exactly once on local models, --samples times on remote ones.
            """
    )

    @Option(help: "Built-in suite name (khamassi2024, values-core, choices) or a suite file (YAML or JSON).")
    var suite = "khamassi2024"

    @Option(name: .customLong("model"),
            help: "Model spec; repeat to compare models: local:smollm2 (default), local:PATH.gguf, openai:MODEL, openai-compatible:URL#MODEL, anthropic:MODEL, gemini:MODEL, ollama:MODEL.")
    var models: [String] = []

    @Option(help: "Samples per prompt and paraphrase (default: the suite's; its quick plan's unless --full).")
    var samples: Int?

    @Option(help: "Sampling temperature (default: the suite's, 1.0 for the built-in suites).")
    var temperature: Double?

    @Option(name: .customLong("top-p"), help: "Nucleus sampling threshold in (0, 1] (default: the backend's).")
    var topP: Double?

    @Option(name: .customLong("max-tokens"), help: "Most tokens per response (default: the suite's, 1024 for the built-in suites, so that answers are rarely cut off).")
    var maxTokens: Int?

    @Option(help: "Ask only the first N scenarios of each value (default: the suite's quick plan unless --full, else all).")
    var scenarios: Int?

    @Flag(help: "Run the suite's full plan (every scenario and paraphrase, the suite's samples) instead of its quick plan.")
    var full = false

    @Option(help: "Run seed; every sample's seed is derived from it.")
    var seed: UInt64 = 0

    @Option(name: .customLong("judge"),
            help: "Judge: semantic (MiniLM sentence embeddings with a head fitted on hand-labelled answers), rubric (keyword patterns), or llm:MODEL-SPEC (e.g. llm:openai:gpt-4o-mini). Repeat to judge every response with several judges: the first is the primary judge (its verdicts give the headline), the others are compared with it (agreement in the reports). Default: \(JudgeFactory.defaultSpec).")
    var judges: [String] = []

    @Option(name: .customLong("judge-consistency"),
            help: "Ask every LLM judge again about the first N judged samples, once with the same seed and once with another, and report the share of verdicts that agree; 0 = off.")
    var judgeConsistency = 0

    @Option(help: "Most requests in flight per remote model.")
    var concurrency = RunConfiguration.defaultConcurrency

    @Option(help: "Sequences the embedded engine generates together in its continuous batch; the run keeps that many requests in flight. Does not change results. Default: \(RunConfiguration.defaultParallel) on this machine (16 up to 4 cores, 4 per core beyond, at most 64).")
    var parallel: Int?

    @Option(help: "Worker threads of the embedded engine (default: all cores).")
    var threads: Int?

    @Option(help: "Run directory (default: runs/SUITE-RUNID).")
    var out: String?

    @Flag(name: .customLong("retry-errors"), help: "Ask again the samples whose backend call failed.")
    var retryErrors = false

    @Flag(help: "Print the outcome as one JSON object on stdout.")
    var json = false

    func validate() throws {
        if judgeConsistency < 0 { throw ValidationError("--judge-consistency must be 0 or more, got \(judgeConsistency)") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let parallel, parallel < 1 || parallel > 1024 {
            throw ValidationError("--parallel must be between 1 and 1024, got \(parallel)")
        }
    }

    func run() async throws {
        // The embedded engine is installed first: an `llm:local:…` judge needs it too.
        let makeModel = RunModels.standard(threads: threads, concurrency: concurrency, parallel: parallel,
                                           progress: { Terminal.assetProgress($0) })
        let judgeSpecs = judges.isEmpty ? [JudgeFactory.defaultSpec] : judges
        let judgeInstances = try judgeSpecs.map { try JudgeFactory.make(spec: $0) }
        var configuration = RunConfiguration(
            suite: suite, models: models.isEmpty ? [ModelSpec.defaultLocal.description] : models, samples: samples,
            temperature: temperature, topP: topP, maxTokens: maxTokens, seed: seed,
            concurrency: concurrency, parallel: parallel ?? RunConfiguration.defaultParallel,
            scenariosPerValue: scenarios, scope: full ? .full : .quick)
        // The judges' own spelling of their specs names the run, so that verdicts and run agree.
        configuration.judge = judgeInstances[0].spec
        configuration.additionalJudges = judgeInstances.dropFirst().map(\.spec)
        do { try configuration.validate() } catch { throw ValidationError(error.description) }
        let loaded = try SuiteLoader.load(nameOrPath: suite)
        let runID = RunIdentity.runID(configuration: configuration, suite: loaded)
        let directory = URL(fileURLWithPath: out ?? "runs/\(loaded.id)-\(runID)")
        Terminal.error("run \(runID): \(directory.path)")
        let planned = try RunPlanner.plan(suite: loaded, configuration: configuration).count
        let choices = try ChoicePlanner.plan(suite: loaded, configuration: configuration.resolved(for: loaded),
                                             runID: runID)
        Terminal.error(PlanSummary.line(configuration: configuration, suite: loaded, plannedSamples: planned,
                                        plannedChoices: choices))

        let display = TerminalProgress()
        let runner = Runner(
            directory: directory, configuration: configuration, suite: loaded, judge: judgeInstances[0],
            additionalJudges: Array(judgeInstances.dropFirst()), consistencySamples: judgeConsistency,
            makeModel: makeModel, retryErrors: retryErrors, progress: { display.update($0.progressBar) })
        let task = Task { try await runner.run() }
        let interrupt = Interrupt.install { task.cancel() }
        let outcome = try await task.value
        interrupt.cancel()
        display.finish()

        // The interrupt handler has said how to continue.
        if outcome.cancelled { throw ExitCode(130) }
        if json {
            try Terminal.printJSON(outcome)
        } else {
            let report = try RunReporting.finish(runDirectory: directory, runID: outcome.runID)
            Terminal.write(report.table + "\n")
            let page = try RunReportHTML.write(runDirectory: directory, runID: outcome.runID)
            Terminal.error("reports: " + (report.files + [page]).map(\.path).joined(separator: ", "))
        }
        let failed = outcome.counts.failed + (outcome.choices?.failed ?? 0)
        if failed > 0 {
            Terminal.error("\(failed) sample(s) failed; re-run with --retry-errors to ask them again")
        }
        if outcome.judgeFailures > 0, let first = outcome.firstJudgeFailure {
            Terminal.error("\(outcome.judgeFailures) judge call(s) failed (re-run to judge them), first: \(first)")
        }
    }
}
