/// The regex-based splitting applied before byte-level BPE merges, selected by GGUF `tokenizer.ggml.pre`.
///
/// Each case is implemented by a hand-written scanner that reproduces the regex exactly (alternatives tried in
/// order at each position, greedy quantifiers, the `\s+(?!\S)` lookahead).
public enum BPEPreTokenizer: String, Sendable, CaseIterable {
    /// GPT-2: `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`.
    case gpt2
    /// SmolLM / StarCoder: every `\p{N}` is its own piece, then the GPT-2 pattern on the rest.
    case smollm
    /// Llama 3: `(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`.
    case llama3 = "llama-bpe"
    /// Qwen 2: the Llama 3 pattern with single digits (`\p{N}`).
    case qwen2

    /// Maps a GGUF `tokenizer.ggml.pre` name (llama.cpp's aliases included) to a scanner, or `nil` if unknown.
    public init?(ggufName name: String) {
        switch name {
        case "gpt2", "gpt-2", "phi-2", "jina-es", "jina-de", "jina-v2-es", "jina-v2-de", "mpt", "olmo", "jais",
            "exaone4", "roberta-bpe", "jina-v1-en", "jina-v2-code":
            self = .gpt2
        case "smollm", "starcoder", "refact", "command-r", "codeshell", "exaone", "minerva-7b":
            self = .smollm
        case "llama-bpe", "llama3", "llama-v3", "falcon3", "pixtral", "dbrx", "smaug-bpe":
            self = .llama3
        case "qwen2", "deepseek-r1-qwen", "megrez", "stablelm2":
            self = .qwen2
        default:
            return nil
        }
    }

    /// Whether a piece that is itself a vocabulary entry is emitted without running merges (HF `ignore_merges`).
    var ignoresMerges: Bool { self == .llama3 }

    /// The pieces `text` is split into before merging (for inspection and tests; encoding does not allocate these).
    public func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var run = ScalarRun()
            run.load(bytes, from: 0, to: bytes.count)
            var ends: [Int32] = []
            split(run, ends: &ends)
            var pieces: [String] = []
            pieces.reserveCapacity(ends.count)
            var start = 0
            for end in ends {
                let byteEnd = Int(run.offsets[Int(end)])
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<byteEnd]), as: UTF8.self))
                start = byteEnd
            }
            return pieces
        }
    }

    /// Splits scalars `0..<run.count` of `run` into pieces, appending each piece's end scalar index to `ends`.
    func split(_ run: ScalarRun, ends: inout [Int32]) {
        run.classes.withUnsafeBufferPointer { classes in
            run.values.withUnsafeBufferPointer { values in
                let n = classes.count
                switch self {
                case .gpt2:
                    PatternScanner.gpt2(classes, values, from: 0, to: n, ends: &ends)
                case .smollm:
                    var start = 0
                    for i in 0..<n where classes[i] & ScalarClass.number != 0 {
                        if start < i { PatternScanner.gpt2(classes, values, from: start, to: i, ends: &ends) }
                        ends.append(Int32(i + 1))
                        start = i + 1
                    }
                    if start < n { PatternScanner.gpt2(classes, values, from: start, to: n, ends: &ends) }
                case .llama3:
                    PatternScanner.llama3(classes, values, from: 0, to: n, maxDigits: 3, ends: &ends)
                case .qwen2:
                    PatternScanner.llama3(classes, values, from: 0, to: n, maxDigits: 1, ends: &ends)
                }
            }
        }
    }
}
