import ArgumentParser
import Foundation
import Probes

struct SuitesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suites",
        abstract: "List the built-in probe suites, validate a suite file, or import a published item bank.",
        subcommands: [List.self, Validate.self, Questions.self, Import.self]
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

    struct Questions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a suite's forced-choice questions exactly as a run asks them: every choice in every form and order.")
        @Argument(help: "Suite file (YAML or JSON), or the name of a built-in suite.") var suite: String
        @Option(help: "Only this choice (its id).") var choice: String?
        @Flag(help: "Print one JSON array of {choice, form, order, prompt, answers, actions}.") var json = false

        func run() throws {
            let loaded = try SuiteLoader.load(nameOrPath: suite)
            let questions = loaded.choiceQuestions.filter { choice == nil || $0.choiceID == choice }
            guard !questions.isEmpty else {
                throw ValidationError(choice.map { "\(suite) has no choice '\($0)'" } ?? "\(suite) has no forced-choice items")
            }
            if json { return try Terminal.printJSON(questions.map(ChoiceQuestionListing.init)) }
            for question in questions {
                let picks = zip(question.answers, question.answerActions).map { "\($0) → action \($1)" }
                print("== \(question.choiceID) · \(question.form.id) · order \(question.orderIndex) (\(picks.joined(separator: ", ")))")
                print(question.prompt)
                print("")
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn a downloaded item bank (MoralChoice, DailyDilemmas, NurValues) into a suite file.",
            discussion: "The file keeps its published layout (docs/suite-format.md, \"Importing public item banks\"). "
                + "Rows left out are listed on stderr; the suite is written as YAML to --out or stdout.")
        @Argument(help: "moralchoice, dailydilemmas or nurvalues.") var format: String
        @Argument(help: "The downloaded file (CSV; DailyDilemmas also JSON or JSON Lines).") var file: String
        @Option(help: "Where to write the suite (default: standard output).") var out: String?
        @Option(help: "The suite's id (default: from the file name).") var id: String?
        @Option(help: "NurValues only: easy (the cases) or hard (the dialogues).") var level = "easy"

        func run() throws {
            guard let bank = ItemBankFormat(rawValue: format.lowercased()) else {
                let names = ItemBankFormat.allCases.map(\.rawValue).joined(separator: ", ")
                Terminal.error("unknown format '\(format)' (expected one of: \(names))")
                throw ExitCode(1)
            }
            let imported: ImportedSuite
            do {
                imported = try bank.importSuite(from: URL(fileURLWithPath: file),
                                                options: ItemBankOptions(suiteID: id, level: level))
            } catch {
                Terminal.error(error.description)
                throw ExitCode(1)
            }
            for line in imported.skipped { Terminal.error(line) }
            let suite = imported.suite
            let text = try SuiteWriter.yaml(suite, header: [
                "Imported from \(URL(fileURLWithPath: file).lastPathComponent) by `valueprobe suites import \(bank.rawValue)`.",
                imported.licenceNote,
            ])
            if let out {
                try text.write(toFile: out, atomically: true, encoding: .utf8)
                let count = imported.skipped.count
                let skipped = count == 0 ? "" : " (\(count) row\(count == 1 ? "" : "s") left out)"
                Terminal.error("\(out): \(suite.allItems.count) items, \(suite.allChoices.count) choices, "
                               + "\(suite.families.count) values\(skipped)")
            } else {
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            }
        }
    }
}
