import Testing
import ChatTemplates

/// Malformed templates and failing renders throw a one-line `TemplateError` at the right `line:column`.
/// Positions are counted by hand from each template text (1-based, in characters).
@Suite struct ErrorTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        let template: String
        let line: Int
        let column: Int
        let fragment: String
        var testDescription: String { template }
    }

    static let syntaxErrors: [Expectation] = [
        Expectation(template: "Hello {{ name", line: 1, column: 7, fragment: "missing '}}'"),
        Expectation(template: "{% if x %}yes", line: 1, column: 1, fragment: "unterminated 'if' block"),
        Expectation(template: "line1\n{% for m in messages %}{{ m }}", line: 2, column: 1, fragment: "unterminated 'for' block"),
        Expectation(template: "{% macro m() %}body", line: 1, column: 1, fragment: "unterminated 'macro' block"),
        Expectation(template: "{% if a %}{% else %}{% elif b %}{% endif %}", line: 1, column: 21, fragment: "unexpected 'elif'"),
        Expectation(template: "{{ x | nosuch }}", line: 1, column: 8, fragment: "unknown filter 'nosuch'"),
        Expectation(template: "{{ x is nosuch }}", line: 1, column: 9, fragment: "unknown test 'nosuch'"),
        Expectation(template: "a\n  {% endif %}", line: 2, column: 3, fragment: "unexpected 'endif'"),
        Expectation(template: "{% endfor %}", line: 1, column: 1, fragment: "unexpected 'endfor'"),
        Expectation(template: "{% frobnicate %}", line: 1, column: 1, fragment: "unknown or unsupported tag 'frobnicate'"),
        Expectation(template: "{{ 'abc }}", line: 1, column: 4, fragment: "unterminated string literal"),
        Expectation(template: "x\n\n{# comment", line: 3, column: 1, fragment: "unterminated comment"),
        Expectation(template: "{{ 1 + }}", line: 1, column: 8, fragment: "unexpected '}}' in expression"),
        Expectation(template: "{{ a b }}", line: 1, column: 6, fragment: "expected '}}', found 'b'"),
        Expectation(template: "{% break %}", line: 1, column: 1, fragment: "'break' outside of a loop"),
        Expectation(template: "{{ 99999999999999999999 }}", line: 1, column: 4, fragment: "integer literal too large"),
        Expectation(template: "{{ x @ y }}", line: 1, column: 6, fragment: "unexpected character '@'"),
        Expectation(template: "{% set %}", line: 1, column: 8, fragment: "expected a name"),
        Expectation(template: "{% for x of y %}{% endfor %}", line: 1, column: 10, fragment: "expected 'in'"),
        Expectation(template: "{% raw %}never closed", line: 1, column: 1, fragment: "unterminated 'raw' block"),
        Expectation(template: "{{ f(a=1, 2) }}", line: 1, column: 11, fragment: "positional argument follows keyword argument"),
        Expectation(template: "{% if x %}\n  {{ x | upper }\n{% endif %}", line: 2, column: 3, fragment: "missing '}}'"),
    ]

    @Test(arguments: syntaxErrors)
    func syntaxErrorIsLocated(_ expectation: Expectation) {
        let error = templateError { _ = try ChatTemplate(expectation.template) }
        #expect(error?.kind == .syntax)
        #expect(error?.line == expectation.line)
        #expect(error?.column == expectation.column)
        #expect(error?.message.contains(expectation.fragment) == true, "\(error?.message ?? "no error")")
        #expect(error?.description.contains("\(expectation.line):\(expectation.column)") == true)
        #expect(error?.description.contains("\n") == false)
    }

    static let runtimeErrors: [Expectation] = [
        Expectation(template: "{{ 'a' + 1 }}", line: 1, column: 8, fragment: "can only concatenate str (not \"int\") to str"),
        Expectation(template: "{{ 1 + 'a' }}", line: 1, column: 6, fragment: "unsupported operand type(s) for +: 'int' and 'str'"),
        Expectation(template: "line1\n{{ user.name }}", line: 2, column: 8, fragment: "'user' is undefined"),
        Expectation(template: "{{ d.missing.deeper }}", line: 1, column: 13, fragment: "has no attribute 'missing'"),
        Expectation(template: "{{ nosuch(1) }}", line: 1, column: 10, fragment: "'nosuch' is undefined"),
        Expectation(template: "{{ 1 / 0 }}", line: 1, column: 6, fragment: "division by zero"),
        Expectation(template: "{{ 5 % 0 }}", line: 1, column: 6, fragment: "modulo by zero"),
        Expectation(template: "{% for i in 5 %}{% endfor %}", line: 1, column: 13, fragment: "'int' object is not iterable"),
        Expectation(template: "{% set x = 1 %}{% set x.y = 2 %}", line: 1, column: 16, fragment: "not a namespace"),
        Expectation(template: "{{ [1, 2] < 'a' }}", line: 1, column: 13, fragment: "'<' not supported between instances of 'list' and 'str'"),
        Expectation(template: "{{ 9223372036854775807 + 1 }}", line: 1, column: 24, fragment: "integer overflow"),
        Expectation(template: "{{ 'x'.nosuch() }}", line: 1, column: 14, fragment: "has no attribute 'nosuch'"),
        Expectation(template: "{{ 3() }}", line: 1, column: 5, fragment: "'int' object is not callable"),
        Expectation(template: "{{ none | length }}", line: 1, column: 11, fragment: "has no len()"),
        Expectation(template: "{{ 'abc' | items }}", line: 1, column: 12, fragment: "can only get item pairs from a mapping"),
        Expectation(template: "{{ undefinedThing + 1 }}", line: 1, column: 19, fragment: "'undefinedThing' is undefined"),
        Expectation(template: "{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}", line: 1, column: 35, fragment: "takes not more than 1 argument"),
        Expectation(template: "{{ missing_thing | tojson }}", line: 1, column: 20, fragment: "cannot serialise an undefined value"),
        Expectation(template: "{{ range(1, 2, 0) }}", line: 1, column: 9, fragment: "step must not be zero"),
        Expectation(template: "{% for a, b in [[1, 2, 3]] %}{% endfor %}", line: 1, column: 1, fragment: "cannot unpack 3 values into 2 names"),
    ]

    @Test(arguments: runtimeErrors)
    func runtimeErrorIsLocated(_ expectation: Expectation) throws {
        let template = try ChatTemplate(expectation.template)
        let error = templateError { _ = try template.render(["d": ["a": 1, "x": nil]]) }
        #expect(error?.kind == .runtime)
        #expect(error?.line == expectation.line)
        #expect(error?.column == expectation.column)
        #expect(error?.message.contains(expectation.fragment) == true, "\(error?.message ?? "no error")")
        #expect(error?.description.contains("\n") == false)
    }

    @Test func raiseExceptionCarriesTheTemplateMessage() throws {
        let template = try ChatTemplate("ok\n  {{ raise_exception('Roles must alternate\\nuser/assistant') }}")
        let error = templateError { _ = try template.render([:]) }
        #expect(error?.kind == .raised)
        #expect(error?.message == "Roles must alternate\nuser/assistant")
        #expect(error?.line == 2)
        #expect(error?.column == 21)
        #expect(error?.description == "chat template exception at 2:21: Roles must alternate\\nuser/assistant")
    }

    @Test func undefinedValuesAreEmptyAndFalsey() throws {
        let output = try render("[{{ nope }}]{% if nope %}yes{% else %}no{% endif %}{% for x in nope %}!{% endfor %}{{ nope | length }}")
        #expect(output == "[]no0")
    }

    @Test func errorsInsideMacrosPointIntoTheMacroBody() throws {
        let source = "{% macro m(x) %}\n{{ x + 'a' }}\n{% endmacro %}{{ m(1) }}"
        let error = templateError { _ = try ChatTemplate(source).render([:]) }
        #expect(error?.line == 2)
        #expect(error?.column == 6)
    }

    @Test func limitsStopRunawayTemplates() throws {
        let nestedLoops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
        let small = TemplateOptions(maxLoopIterations: 5_000)
        let loopError = templateError { _ = try ChatTemplate(nestedLoops, options: small).render([:]) }
        #expect(loopError?.message.contains("too many loop iterations") == true)

        let recursion = "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}"
        let recursionError = templateError { _ = try ChatTemplate(recursion).render([:]) }
        #expect(recursionError?.message.contains("nested too deeply") == true)

        let doubling = "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}"
        let sizeError = templateError { _ = try ChatTemplate(doubling, options: TemplateOptions(maxValueLength: 100_000)).render([:]) }
        #expect(sizeError?.message.contains("too large") == true)

        let bigRange = templateError { _ = try ChatTemplate("{{ range(10 ** 12) | length }}").render([:]) }
        #expect(bigRange?.message.contains("too large") == true)

        let repeated = templateError { _ = try ChatTemplate("{{ 'x' * 10 ** 12 }}").render([:]) }
        #expect(repeated?.message.contains("too large") == true)

        let selfContaining = "{% set l = [1] %}{% set _ = l.append(l) %}{{ l | tojson }}"
        let cycleError = templateError { _ = try ChatTemplate(selfContaining).render([:]) }
        #expect(cycleError?.message.contains("nested too deeply") == true)
        #expect(try render("{% set l = [1] %}{% set _ = l.append(l) %}{{ (l | string)[:10] }}") == "[1, [1, [1")
    }

    @Test func deeplyNestedSourcesAreRejectedNotCrashed() {
        let depth = 5_000
        let sources = [
            "{{ " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + " }}",
            "{{ " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + " }}",
            "{{ " + String(repeating: "not ", count: depth) + "x }}",
            "{{ " + String(repeating: "-", count: depth) + "1 }}",
            "{{ 1" + String(repeating: " + 1", count: depth) + " }}",
            "{{ x" + String(repeating: " | trim", count: depth) + " }}",
            "{{ x" + String(repeating: ".a", count: depth) + " }}",
            "{{ 1" + String(repeating: " if 1 else 1", count: depth) + " }}",
            String(repeating: "{% if 1 %}", count: depth) + String(repeating: "{% endif %}", count: depth),
            "{% for x in y" + String(repeating: "|list", count: depth) + " %}{% endfor %}",
        ]
        for source in sources {
            let error = templateError { _ = try ChatTemplate(source).render([:]) }
            #expect(error?.kind == .syntax, "\(source.prefix(40))")
            #expect(error?.message.contains("too deeply") == true)
        }
    }
}
