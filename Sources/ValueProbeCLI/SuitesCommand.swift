import ArgumentParser
import Foundation
import Probes

struct SuitesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suites",
        abstract: "List the built-in probe suites, or validate a suite file.",
        subcommands: [List.self, Validate.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List built-in suites with their size and hash.")
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            struct Row: Encodable {
                var name, title, version, hash: String
                var values: [String]
                var items, prompts, scenarios, choices: Int
            }
            let rows = try BuiltinSuites.list().map { name -> Row in
                let s = try BuiltinSuites.load(name)
                return Row(name: name, title: s.title, version: s.version, hash: SuiteHash.hash(of: s),
                           values: s.families.map(\.value), items: s.allItems.count,
                           prompts: s.allItems.reduce(0) { $0 + $1.item.allPrompts.count },
                           scenarios: Set(s.allItems.compactMap(\.item.scenario)).count, choices: s.allChoices.count)
            }
            if json { try Terminal.printJSON(rows); return }
            for r in rows {
                let choices = r.choices > 0 ? "\(r.choices) choices, " : ""
                print("\(r.name)  v\(r.version)  \(r.scenarios) scenarios, \(r.items) items, \(r.prompts) prompts, "
                      + "\(choices)\(r.values.count) values  sha256:\(r.hash.prefix(12))")
                print("    \(r.title)")
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a suite file; every problem is printed as FILE:LINE:COLUMN: message.")
        @Argument(help: "Suite file (YAML or JSON), or the name of a built-in suite.") var path: String

        func run() throws {
            let builtin = FileManager.default.fileExists(atPath: path) ? nil : BuiltinSuites.url(for: path)
            let report = SuiteLoader.validate(contentsOf: builtin ?? URL(fileURLWithPath: path))
            if let failure = report.failure { Terminal.error(failure.description) }
            for issue in report.issues { Terminal.error(issue.description) }
            for warning in report.warnings { Terminal.error("warning: \(warning.description)") }
            guard report.isValid, let suite = report.suite else { throw ExitCode(1) }
            let choices = suite.allChoices.isEmpty ? "" : ", \(suite.allChoices.count) choices"
            print("\(path): valid — \(suite.allItems.count) items\(choices), sha256:\(SuiteHash.hash(of: suite))")
        }
    }
}
