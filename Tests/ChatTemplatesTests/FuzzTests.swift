import Testing
import ChatTemplates

/// Random, truncated and mutated templates must either render or throw a `TemplateError` — never crash or hang.
@Suite struct FuzzTests {
    /// SplitMix64: a small deterministic generator so failures reproduce.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    static let pieces = [
        "{{", "}}", "{%", "%}", "{#", "#}", "{%-", "-%}", "{{-", "-}}", "(", ")", "[", "]", "{", "}", "'", "\"", "|",
        "-", "+", "*", "/", "//", "%", "~", ",", ".", ":", "=", "==", "!=", "<", ">", " ", "\n", "\\", "if ", "elif ",
        "else", "endif", "for ", " in ", "endfor", "set ", "endset", "macro ", "endmacro", "filter ", "endfilter",
        "raw", "endraw", "break", "continue", "not ", " and ", " or ", " is ", "defined", "none", "true", "loop",
        "loop.index", "messages", "message", "x", "ns", "namespace(a=1)", "range(3)", "1", "0", "-1", "2.5", "'a'",
        "|trim", "|tojson(indent=2)", "|length", "|join(',')", ".strip()", ".split()", "[0]", "[1:]", "[::-1]",
        "raise_exception('r')", "é", "😀", "\u{0}",
    ]

    static let context: [String: TemplateValue] = [
        "messages": [["role": "system", "content": "S"], ["role": "user", "content": "U"], ["role": "assistant", "content": "A"]],
        "x": "text", "add_generation_prompt": true, "bos_token": "<s>", "eos_token": "</s>", "tools": [["type": "function"]],
    ]

    static let options = TemplateOptions(maxLoopIterations: 20_000, maxValueLength: 200_000)

    /// Parses and renders; records an issue if anything but a `TemplateError` escapes.
    static func exercise(_ source: String) {
        do {
            let template = try ChatTemplate(source, options: options)
            _ = try template.render(context)
        } catch is TemplateError {
        } catch {
            Issue.record("non-TemplateError thrown for \(source.debugDescription): \(error)")
        }
    }

    static var corpus: [String] {
        llamaCppCases.map(\.template) + [ModelTemplates.llama31, ModelTemplates.qwen25, ModelTemplates.mistralV3, ModelTemplates.smolLM2]
    }

    @Test func truncatedRealTemplates() {
        var rng = SplitMix64(state: 1)
        for source in Self.corpus {
            let scalars = Array(source.unicodeScalars)
            for _ in 0..<12 {
                let cut = rng.below(scalars.count + 1)
                var prefix = ""
                prefix.unicodeScalars.append(contentsOf: scalars[0..<cut])
                Self.exercise(prefix)
            }
        }
        // Every prefix of one complete template.
        let smol = Array(ModelTemplates.smolLM2.unicodeScalars)
        for cut in 0...smol.count {
            var prefix = ""
            prefix.unicodeScalars.append(contentsOf: smol[0..<cut])
            Self.exercise(prefix)
        }
    }

    @Test func mutatedRealTemplates() {
        var rng = SplitMix64(state: 2)
        for source in Self.corpus {
            for _ in 0..<10 {
                var scalars = Array(source.unicodeScalars)
                for _ in 0..<(1 + rng.below(4)) {
                    let position = rng.below(scalars.count + 1)
                    switch rng.below(3) {
                    case 0 where position < scalars.count: scalars.remove(at: position)
                    case 1:
                        let piece = Self.pieces[rng.below(Self.pieces.count)]
                        scalars.insert(contentsOf: piece.unicodeScalars, at: position)
                    default:
                        if position < scalars.count { scalars[position] = Self.pieces[rng.below(Self.pieces.count)].unicodeScalars.first ?? " " }
                    }
                }
                var mutated = ""
                mutated.unicodeScalars.append(contentsOf: scalars)
                Self.exercise(mutated)
            }
        }
    }

    @Test func randomTokenSoup() {
        var rng = SplitMix64(state: 3)
        for _ in 0..<1_500 {
            var source = ""
            for _ in 0..<(1 + rng.below(30)) { source += Self.pieces[rng.below(Self.pieces.count)] }
            Self.exercise(source)
        }
        // Well-formed shells with random expressions inside.
        for _ in 0..<1_000 {
            var expression = ""
            for _ in 0..<(1 + rng.below(12)) { expression += Self.pieces[rng.below(Self.pieces.count)] }
            Self.exercise("{{ " + expression + " }}")
            Self.exercise("{% if " + expression + " %}a{% else %}b{% endif %}")
            Self.exercise("{% for m in " + expression + " %}{{ loop.index }}{% endfor %}")
        }
    }

    @Test func deepRecursionStaysWithinTheStack() {
        // The deepest nesting the limits allow: nested blocks inside a macro that recurses to the call limit.
        let blocks = 50
        let body = String(repeating: "{% if true %}", count: blocks) + "{{ f(n + 1) }}" + String(repeating: "{% endif %}", count: blocks)
        let source = "{% macro f(n) %}" + body + "{% endmacro %}{{ f(0) }}"
        let error = templateError { _ = try ChatTemplate(source).render([:]) }
        #expect(error?.message.contains("nested too deeply") == true)

        // Plus the tallest expression around each recursive call.
        let wrapped = String(repeating: "[", count: 150) + "f(n + 1)" + String(repeating: "]", count: 150)
        let deepBody = String(repeating: "{% if true %}", count: blocks) + "{{ " + wrapped + " }}" + String(repeating: "{% endif %}", count: blocks)
        let deepest = "{% macro f(n) %}" + deepBody + "{% endmacro %}{{ f(0) }}"
        let deepError = templateError { _ = try ChatTemplate(deepest).render([:]) }
        #expect(deepError?.message.contains("nested too deeply") == true)
    }
}
