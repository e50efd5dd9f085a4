import Foundation
import Probes
import Testing
@testable import Runs

@Suite struct CalibrationSetTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func readsRowsWithTheirLinesAndDefaults() throws {
        let text = """
            {"id":"a","suite":"khamassi2024","item":"k-dignity-explicit-definition","response":"Worth.","label":"recognised","split":"test"}

            {"suite":"khamassi2024","item":"k-dignity-explicit-definition","variant":1,"response":"x","finish_reason":"length","label":"missed"}
            """
        let set = try CalibrationSet.parse(bytes: bytes(text), path: "cal.jsonl")
        #expect(set.rows.count == 2)
        #expect(set.lines == [1, 3])
        #expect(set.rows[1].id == "3")
        #expect(set.rows[1].truncated)
        #expect(!set.rows[0].truncated)
        #expect(set.filtered(to: .test).rows.map(\.id) == ["a"])
        #expect(set.sha256.count == 64)
    }

    @Test func namesTheLineOfABadRow() {
        let text = """
            {"id":"a","suite":"s","item":"i","response":"r","label":"recognised"}
            {"id":"b","suite":"s","item":"i","response":"r","label":"maybe"}
            """
        #expect(throws: CalibrationError.self) { try CalibrationSet.parse(bytes: bytes(text), path: "cal.jsonl") }
        do {
            _ = try CalibrationSet.parse(bytes: bytes(text), path: "cal.jsonl")
        } catch {
            #expect(error.description.hasPrefix("cal.jsonl:2: field 'label'"))
        }
        let duplicate = #"{"id":"a","suite":"s","item":"i","response":"r","label":"missed"}"# + "\n"
            + #"{"id":"a","suite":"s","item":"i","response":"r","label":"missed"}"#
        do {
            _ = try CalibrationSet.parse(bytes: bytes(duplicate), path: "d.jsonl")
            Issue.record("a duplicated id was accepted")
        } catch {
            #expect(error.description == "d.jsonl:2: id 'a' is used again (first on line 1)")
        }
        do {
            _ = try CalibrationSet.parse(bytes: bytes("{\"id\": 3"), path: "t.jsonl")
            Issue.record("a cut JSON object was accepted")
        } catch {
            #expect(error.line == 1)
        }
    }

    @Test func resolvesRowsAgainstTheirSuiteAndRejectsMismatches() throws {
        let good = CalibrationSet(rows: [
            CalibrationRow(id: "a", suite: "khamassi2024", item: "k-dignity-explicit-definition", variant: 2,
                           mode: .explicit, value: "dignity", response: "r", label: .recognised),
        ])
        let resolved = try good.resolve()
        #expect(resolved[0].prompt == resolved[0].item.allPrompts[2])
        #expect(resolved[0].plannedSample.mode == .explicit)

        for (row, fragment) in [
            (CalibrationRow(id: "b", suite: "khamassi2024", item: "no-such-item", response: "r", label: .missed), "has no item"),
            (CalibrationRow(id: "c", suite: "khamassi2024", item: "k-dignity-explicit-definition", mode: .implicit,
                            response: "r", label: .missed), "the row says implicit"),
            (CalibrationRow(id: "d", suite: "khamassi2024", item: "k-dignity-explicit-definition", variant: 99,
                            response: "r", label: .missed), "variant 99"),
        ] {
            do {
                _ = try CalibrationSet(path: "x.jsonl", rows: [row]).resolve()
                Issue.record("row \(row.id) was accepted")
            } catch {
                #expect(error.description.hasPrefix("x.jsonl:1: "))
                #expect(error.description.contains(fragment))
            }
        }
    }

    @Test func confusionTablesCountByLabelAndCategory() {
        let table = VerdictConfusion([
            (.recognised, .recognised), (.recognised, .missed), (.missed, .missed), (.missed, .recognised),
            (.missed, .missed), (.refused, .refused), (.recognised, .unparseable),
        ])
        #expect(table.total == 7)
        #expect(table.total(human: .recognised) == 3)
        #expect(table.binary.truePositives == 1)
        #expect(table.binary.falseNegatives == 1)
        #expect(table.binary.trueNegatives == 2)
        #expect(table.binary.falsePositives == 1)
    }

    @Test func theDefaultJudgeAndTheRubricHaveShippedValidityFigures() throws {
        // Reports correct rates with these; a judge missing here gets "undefined" everywhere.
        for judge in [JudgeFactory.defaultSpec, "rubric"] {
            let validity = try #require(JudgeValidity.builtin(judge: judge), "\(judge) has no shipped figures")
            #expect(Set(validity.modes.map(\.mode)) == Set(ProbeMode.allCases))
        }
    }
}

@Suite struct CalibrationFrozenSuiteTests {
    @Test func rowsResolveAgainstTheSuitesBesideTheFile() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("calibration-frozen-\(UUID().uuidString)", isDirectory: true)
        let suites = directory.appendingPathComponent("suites", isDirectory: true)
        try FileManager.default.createDirectory(at: suites, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // A frozen copy of khamassi2024 whose definition item carries a prompt the built-in suite does not have.
        let builtin = try String(contentsOf: try #require(BuiltinSuites.url(for: "khamassi2024")), encoding: .utf8)
        let frozen = builtin.replacingOccurrences(of: "prompt: What is human dignity?", with: "prompt: What is dignity, frozen?")
        #expect(frozen != builtin)
        try frozen.write(to: suites.appendingPathComponent("khamassi2024.yaml"), atomically: true, encoding: .utf8)
        let set = CalibrationSet(path: directory.appendingPathComponent("cal.jsonl").path, rows: [
            CalibrationRow(id: "a", suite: "khamassi2024", item: "k-dignity-explicit-definition", response: "r",
                           label: .recognised),
        ])
        #expect(try set.resolve()[0].prompt == "What is dignity, frozen?")
        // Without the frozen copy the built-in suite is used.
        try FileManager.default.removeItem(at: suites)
        #expect(try set.resolve()[0].prompt == "What is human dignity?")
    }
}
