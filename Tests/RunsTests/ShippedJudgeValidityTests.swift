import Foundation
import Probes
@testable import Runs
import Testing

/// The shipped `judge-validity.json` (what reports fall back on to correct rates) must be exactly what
/// `valueprobe judge eval FILE --split S --write-validity …` computes today: same file, same split, same sha256,
/// same figures. Regenerate it with that command whenever the calibration file or a judge changes.
@Suite("Shipped judge validity")
struct ShippedJudgeValidityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// "PATH, test split (sha256 HEX)" → (PATH, test, HEX); "PATH, all rows (sha256 HEX)" → (PATH, nil, HEX).
    static func parse(source: String) -> (path: String, split: CalibrationSplit?, all: Bool, sha256: String)? {
        guard let open = source.range(of: " (sha256 ", options: .backwards), source.hasSuffix(")") else { return nil }
        let sha = String(source[open.upperBound..<source.index(before: source.endIndex)])
        let head = source[..<open.lowerBound]
        guard let comma = head.range(of: ", ", options: .backwards) else { return nil }
        let path = String(head[..<comma.lowerBound])
        let which = String(head[comma.upperBound...])
        if which == "all rows" { return (path, nil, true, sha) }
        guard which.hasSuffix(" split"), let split = CalibrationSplit(rawValue: String(which.dropLast(6))) else { return nil }
        return (path, split, false, sha)
    }

    @Test("the resource decodes, and every judge it lists is recomputed to the same figures from the same file")
    func matchesRecomputation() async throws {
        let url = Self.root.appendingPathComponent("Sources/Runs/Resources/judge-validity.json")
        let table = try JSONDecoder().decode([JudgeValidity].self, from: Data(contentsOf: url))
        #expect(JudgeValidity.builtinTable == table)
        #expect(Set(table.map(\.judge)).count == table.count, "a judge is listed twice")
        for entry in table {
            let parsed = try #require(Self.parse(source: entry.source), "source '\(entry.source)' is not 'PATH, SPLIT split (sha256 HEX)'")
            let set = try CalibrationSet.load(path: Self.root.appendingPathComponent(parsed.path).path)
            #expect(set.sha256 == parsed.sha256, "\(parsed.path) changed since judge-validity.json was written: regenerate it")
            #expect(parsed.split == .test, "shipped figures must come from the test split")
            guard !entry.judge.hasPrefix("llm:") else { continue }  // an LLM judge needs its model; the hash is checked
            let chosen = set.filtered(to: parsed.split)
            let rows = try chosen.resolve()
            let evaluation = await JudgeEvaluation.run(
                rows: rows, lines: chosen.lines, judges: [try JudgeFactory.make(spec: entry.judge)],
                source: entry.source)
            let recomputed = try #require(evaluation.judges.first?.validity)
            #expect(recomputed.modes == entry.modes, "figures of \(entry.judge) drifted from the code: regenerate judge-validity.json")
            #expect(recomputed.judge == entry.judge)
        }
    }

    @Test("sources are parsed the way judge eval writes them")
    func sourceFormat() {
        let set = CalibrationSet(path: "calibration/x.jsonl", rows: [], sha256: "abc")
        let parsed = Self.parse(source: JudgeEvaluation.source(of: set, split: .test))
        #expect(parsed?.path == "calibration/x.jsonl" && parsed?.split == .test && parsed?.sha256 == "abc")
        #expect(Self.parse(source: JudgeEvaluation.source(of: set, split: nil))?.all == true)
    }
}
