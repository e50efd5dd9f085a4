import ArgumentParser
import Benchmarks
import Foundation
import Inference
import Runs

struct BenchConstrainedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "constrained",
        abstract: "Milliseconds per generated token with a JSON Schema enforced (constrained decoding) against free decoding, on the embedded engine."
    )

    @Option(help: "Model: local:smollm2 (default), local:PATH.gguf or PATH.gguf.") var model: String = "local:smollm2"
    @Option(help: "Worker threads (default: all cores).") var threads: Int?
    @Option(name: .customLong("gen-tokens"), help: "Most tokens generated per run.") var genTokens: Int = 64
    @Option(help: "Measured runs of each kind, alternating (median reported).") var repetitions: Int = 5
    @Option(help: "JSON Schema file to enforce (default: the LLM judge's verdict schema).") var schema: String?
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard genTokens > 0, repetitions >= 1 else { throw ValidationError("--gen-tokens and --repetitions must be positive") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    func run() throws {
        let document: JSONDocument
        if let schema {
            let text: String
            do { text = try String(contentsOfFile: schema, encoding: .utf8) } catch {
                throw ValidationError("\(schema): cannot read the schema file")
            }
            do { document = try JSONDocument(parsing: text) } catch { throw ValidationError("\(schema): \(error)") }
            do { _ = try JSONSchemaCompiler.compile(document) } catch { throw ValidationError("\(schema): \(error)") }
        } else {
            document = JudgeReply.schema
        }
        let lm = try EngineOptions.parse(["--model", model]).load()
        let bench = ConstrainedDecodingBenchmark(schema: document, generatedTokens: genTokens, repetitions: repetitions)
        let result = try bench.run(model: lm, threads: threads ?? WorkerPool.availableCores) { Terminal.error($0) }
        if json {
            try Terminal.printJSON(result)
            return
        }
        print("model: \(result.model)   threads: \(result.threads)   up to \(genTokens) tokens per run, median of \(repetitions)")
        print(String(format: "free decoding:         %7.2f ms/token", result.freeMillisecondsPerToken))
        print(String(format: "constrained decoding:  %7.2f ms/token  (%+.1f %%; %.0f tokens per run, %d cached states)",
                     result.constrainedMillisecondsPerToken, result.slowdown * 100, result.constrainedTokensPerRun,
                     result.cachedStates))
        print(String(format: "first constrained run (empty mask cache): %.2f ms/token; token tree built in %.0f ms",
                     result.coldMillisecondsPerToken, result.trieMilliseconds))
        if let load = result.loadAverage { print(String(format: "load average at the end: %.2f (1 min)", load)) }
    }
}
