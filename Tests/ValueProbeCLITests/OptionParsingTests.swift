import ArgumentParser
import Inference
import Reports
import Testing
@testable import ValueProbeCLI

/// Closed sets of option values are checked by the parser, which lists the valid values.
@Suite("Command-line option parsing")
struct OptionParsingTests {
    /// The parser's message for `arguments`, nil when they parse.
    func parseError(_ arguments: [String]) -> String? {
        do {
            _ = try ValueProbeCommand.parseAsRoot(arguments)
            return nil
        } catch {
            return ValueProbeCommand.message(for: error)
        }
    }

    @Test("an unknown format, table or precision fails in the parser, naming the valid values")
    func closedSets() {
        let cases: [([String], [String])] = [
            (["report", "runs/x", "--format", "pdf"], ["'pdf'", "'html'", "'md'", "'csv'", "'json'"]),
            (["report", "runs/x", "--format", "csv", "--table", "rows"], ["'rows'", "'items'", "'values'", "'samples'"]),
            (["diff", "a", "b", "--format", "pdf"], ["'pdf'", "'table'", "'md'", "'json'", "'html'"]),
            (["generate", "--precision", "half", "hello"], ["'half'", "'quantized'", "'float'"]),
            (["embed", "export", "--out", "x.txt", "--format", "npy"], ["'npy'", "'word2vec-text'", "'glove-text'"]),
        ]
        for (arguments, expected) in cases {
            let message = parseError(arguments)
            #expect(message != nil, "\(arguments) parsed")
            for fragment in expected { #expect(message?.contains(fragment) == true, "\(arguments): \(message ?? "")") }
        }
    }

    @Test("valid values parse into their typed options")
    func validValues() throws {
        let report = try #require(try ValueProbeCommand.parseAsRoot(["report", "runs/x", "--format", "csv", "--table", "values"])
            as? ReportCommand)
        #expect(report.format == .csv && report.table == .values)
        let diff = try #require(try ValueProbeCommand.parseAsRoot(["diff", "a", "b", "--format", "md"]) as? DiffCommand)
        #expect(diff.format == .md)
        let generate = try #require(try ValueProbeCommand.parseAsRoot(["generate", "--precision", "float", "hi"]) as? GenerateCommand)
        #expect(generate.engine.precision == .float)
    }

    @Test("run: --full and --scenarios reach the configuration's scope and limit")
    func runScope() throws {
        let quick = try #require(try ValueProbeCommand.parseAsRoot(["run"]) as? RunCommand)
        #expect(!quick.full && quick.scenarios == nil && quick.samples == nil && quick.maxTokens == nil)
        let full = try #require(try ValueProbeCommand.parseAsRoot(["run", "--full", "--scenarios", "3", "--samples", "4"])
            as? RunCommand)
        #expect(full.full && full.scenarios == 3 && full.samples == 4)
    }
}
