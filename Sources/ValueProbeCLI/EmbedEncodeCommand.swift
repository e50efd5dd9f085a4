import ArgumentParser
import Embeddings
import Foundation

/// `valueprobe embed encode`: sentence vectors from the in-process encoder.
struct EmbedEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Encode texts with a sentence encoder and print their vectors.",
        discussion: "Plain output is one line per text: the vector's components separated by spaces. "
            + "The space 'minilm' is all-MiniLM-L6-v2 (384-d, unit length), fetched on first use; "
            + "a directory path names another sentence-transformers BERT model.")

    @Option(help: "The sentence encoder: 'minilm' or a sentence-transformers model directory.") var space = "minilm"
    @Option(help: "Read texts from this file, one per line (after any TEXT arguments).") var input: String?
    @Option(help: "Worker threads (default: all cores).") var threads: Int?
    @Flag(help: "Print a JSON list of {text, vector}.") var json = false
    @Flag(help: "Report the time taken and sentences per second on standard error.") var timing = false
    @Argument(help: "Texts to encode.") var texts: [String] = []

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if texts.isEmpty && input == nil { throw ValidationError("give at least one TEXT or --input FILE") }
    }

    func run() throws {
        var all = texts
        if let input {
            guard let data = FileManager.default.contents(atPath: input) else {
                throw ValidationError("cannot read \(input)")
            }
            guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("\(input) is not UTF-8") }
            var lines = text.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            all += lines
        }
        let encoder: SentenceEncoder
        if space.lowercased() == "minilm" {
            encoder = try SentenceEncoder.miniLM(threads: threads, progress: Terminal.assetProgress)
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: space, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("unknown space '\(space)': use 'minilm' or a sentence-transformers model directory")
            }
            encoder = try SentenceEncoder(directory: URL(fileURLWithPath: space), threads: threads)
        }
        let start = ContinuousClock.now
        let vectors = try encoder.encode(all)
        let elapsed = ContinuousClock.now - start
        if timing {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let tokens = all.reduce(0) { $0 + encoder.tokenize($1).count }
            Terminal.error(String(format: "%d texts, %d tokens, %d threads: %.3f s, %.1f texts/s, %.0f tokens/s",
                                  all.count, tokens, encoder.threadCount, seconds, Double(all.count) / seconds,
                                  Double(tokens) / seconds))
        }
        if json {
            struct Item: Encodable {
                var text: String
                var vector: [Float]
            }
            try Terminal.printJSON(zip(all, vectors).map { Item(text: $0, vector: $1) })
        } else {
            var out = ""
            for v in vectors {
                out += v.map { String(format: "%.7g", $0) }.joined(separator: " ")
                out += "\n"
            }
            Terminal.write(out)
        }
    }
}
