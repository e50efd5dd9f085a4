import ArgumentParser
import Assets
import Benchmarks
import Foundation
import Inference

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed (medians), side by side with peer tools when they are installed.",
        subcommands: [BenchEngineCommand.self, BenchRunCommand.self, BenchServeCommand.self, BenchEmbedCommand.self, BenchJudgeCommand.self,
                      BenchConstrainedCommand.self]
    )
}

struct BenchEngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engine",
        abstract: "Prompt-processing and decoding tokens/s of the embedded engine, one sequence and a batch (and llama-bench, llama-batched-bench when on PATH)."
    )

    @Option(help: "Model: local:smollm2 (default), local:PATH.gguf or PATH.gguf.") var model: String = "local:smollm2"
    @Option(help: "Thread counts to measure, comma-separated (default: 1 and all cores).") var threads: String?
    @Option(name: .customLong("prompt-tokens"), help: "Prompt length for pp.") var promptTokens: Int = 128
    @Option(name: .customLong("gen-tokens"), help: "Tokens decoded for tg.") var genTokens: Int = 64
    @Option(help: "Measured runs per figure (median reported).") var repetitions: Int = 5
    @Option(help: "Sequences of the batched section (0 skips it): their prompts (--prompt-tokens each) are processed together, then all decode --gen-tokens together.")
    var sequences: Int = 16
    @Option(name: .customLong("batch-repetitions"), help: "Measured runs per batched figure (median reported).")
    var batchRepetitions: Int = 2
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard promptTokens > 0, genTokens > 0, repetitions >= 1, batchRepetitions >= 1 else {
            throw ValidationError("--prompt-tokens, --gen-tokens, --repetitions and --batch-repetitions must be positive")
        }
        guard sequences >= 0, sequences <= 1024 else { throw ValidationError("--sequences must be between 0 and 1024, got \(sequences)") }
        _ = try threadCounts()
    }

    func threadCounts() throws -> [Int] {
        guard let threads else { return Array(Set([1, WorkerPool.availableCores])).sorted() }
        let parts = threads.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 1 }) else {
            throw ValidationError("--threads must be a comma-separated list of positive integers, got '\(threads)'")
        }
        return parts.map { $0! }
    }

    func run() throws {
        let options = try EngineOptions.parse(["--model", model])
        let lm = try options.load()
        let bench = EngineBenchmark(promptTokens: promptTokens, generatedTokens: genTokens, repetitions: repetitions)
        let peer = LlamaBenchPeer.find()
        var rows: [BenchRow] = []
        let counts = try threadCounts(), display = TerminalProgress()
        var measured = 0
        for t in counts {
            let ours = try bench.run(model: lm, threads: t) { line in
                measured += 1
                display.update(ProgressBar(label: "bench", completed: Double(measured), total: Double(counts.count * repetitions),
                                           unit: .count("runs"), detail: line))
            }
            var row = BenchRow(ours: ours, peer: nil)
            if let peer {
                display.status("threads \(t): running llama-bench for comparison…")
                do {
                    row.peer = try peer.run(model: lm.file.path, threads: t, promptTokens: promptTokens,
                                            generatedTokens: genTokens, repetitions: repetitions)
                } catch {
                    Terminal.error("llama-bench failed: \(error)")
                }
            }
            rows.append(row)
        }
        display.finish()
        var batched: [BatchedBenchRow] = []
        let batchedPeer = sequences > 0 ? LlamaBatchedBenchPeer.find() : nil
        if sequences > 0 {
            let bench = BatchedEngineBenchmark(sequences: sequences, promptTokens: promptTokens, generatedTokens: genTokens,
                                               repetitions: batchRepetitions)
            for t in try threadCounts() {
                let ours = try bench.run(model: lm, threads: t) { Terminal.error($0) }
                var row = BatchedBenchRow(ours: ours, peer: nil)
                if let batchedPeer {
                    Terminal.error("threads \(t): running llama-batched-bench for comparison…")
                    do {
                        row.peer = try batchedPeer.run(model: lm.file.path, threads: t, sequences: sequences,
                                                       promptTokens: promptTokens, generatedTokens: genTokens,
                                                       repetitions: batchRepetitions)
                    } catch {
                        Terminal.error("llama-batched-bench failed: \(error)")
                    }
                }
                batched.append(row)
            }
        }
        if json {
            try Terminal.printJSON(BenchReport(model: lm.displayName, file: lm.file.path, fileBytes: lm.file.fileSize, rows: rows,
                                           batched: batched, loadAverage: LoadAverage.current()))
            return
        }
        print("model: \(lm.displayName) (\(lm.file.fileSize / 1_000_000) MB)   runs: median of \(repetitions)")
        print("threads  test      valueprobe t/s   llama.cpp t/s   ratio")
        for r in rows {
            for (test, mine, theirs) in [("pp\(promptTokens)", r.ours.promptTokensPerSecond, r.peer?.promptTokensPerSecond),
                                         ("tg\(genTokens)", r.ours.decodeTokensPerSecond, r.peer?.decodeTokensPerSecond)] {
                let peerText = theirs.map { String(format: "%13.1f", $0) } ?? "            -"
                let ratio = theirs.map { String(format: "%6.2fx", mine / $0) } ?? "     -"
                print(String(format: "%7d  %-8@  %14.1f  %@  %@", r.ours.threads, test as NSString, mine, peerText as NSString, ratio as NSString))
            }
        }
        if let rss = rows.last?.ours.residentBytes { print("resident memory: \(rss / 1_000_000) MB") }
        if peer == nil { print("(llama-bench not on PATH: no side-by-side figures)") }
        if !batched.isEmpty {
            print("\nbatched: \(sequences) sequences, pp\(promptTokens) each, then tg\(genTokens) each; aggregate tokens/s, median of \(batchRepetitions)")
            print("threads  test          valueprobe t/s   llama.cpp t/s   ratio")
            for r in batched {
                for (test, mine, theirs) in [("pp\(promptTokens)×\(sequences)", r.ours.promptTokensPerSecond, r.peer?.promptTokensPerSecond),
                                             ("tg\(genTokens)×\(sequences)", r.ours.decodeTokensPerSecond, r.peer?.decodeTokensPerSecond),
                                             ("engine", r.ours.engineTokensPerSecond, nil)] {
                    let peerText = theirs.map { String(format: "%13.1f", $0) } ?? "            -"
                    let ratio = theirs.map { String(format: "%6.2fx", mine / $0) } ?? "     -"
                    print(String(format: "%7d  %-12@  %14.1f  %@  %@", r.ours.threads, test as NSString, mine, peerText as NSString, ratio as NSString))
                }
            }
            print("(engine: the whole BatchEngine with default sampling, prompt + generated tokens per second of wall time)")
            if batchedPeer == nil { print("(llama-batched-bench not on PATH: no side-by-side batched figures)") }
        }
        if let load = LoadAverage.current() { print(String(format: "load average during the run: %.2f (1 min)", load)) }
    }
}

struct BatchedBenchRow: Encodable {
    var ours: BatchedEngineBenchmark.Result
    var peer: LlamaBatchedBenchPeer.Result?
}

struct BenchRow: Encodable {
    var ours: EngineBenchmark.Result
    var peer: LlamaBenchPeer.Result?
}

struct BenchReport: Encodable {
    var model: String
    var file: String
    var fileBytes: Int
    var rows: [BenchRow]
    var batched: [BatchedBenchRow]
    /// The 1-minute load average when the benchmark ended (other work on the machine skews figures).
    var loadAverage: Double?
}
