import Foundation
import Probes

/// One judge's measured agreement with human labels, per mode, and what it was measured on.
public struct JudgeValidity: Codable, Sendable, Equatable {
    /// The judge's spec (`semantic`, `rubric`, `llm:…`).
    public var judge: String
    /// What the figures rest on, in words: "calibration/judge-calibration.jsonl, test split (sha256 …)" or
    /// "human labels imported into run …".
    public var source: String
    /// Figures per mode, in `ProbeMode.allCases` order, for the modes that had labelled rows.
    public var modes: [ModeValidity]

    /// Creates figures from their parts.
    public init(judge: String, source: String, modes: [ModeValidity]) {
        self.judge = judge
        self.source = source
        self.modes = modes
    }

    /// The figures of `mode`, if it had labelled rows.
    public func mode(_ mode: ProbeMode) -> ModeValidity? { modes.first { $0.mode == mode } }

    /// The figures shipped with ValueProbe for `judge`: measured by `valueprobe judge eval` on the test split of
    /// `calibration/judge-calibration.jsonl` and stored in the `Runs` resource `judge-validity.json`. `nil` for a
    /// judge that was not measured (e.g. an LLM judge other than those listed there).
    public static func builtin(judge: String) -> JudgeValidity? {
        builtinTable.first { $0.judge == judge }
    }

    /// Every judge in the shipped `judge-validity.json`.
    public static var builtinTable: [JudgeValidity] {
        guard let url = Bundle.module.url(forResource: "judge-validity", withExtension: "json", subdirectory: "Resources"),
              let data = try? Data(contentsOf: url),
              let table = try? JSONDecoder().decode([JudgeValidity].self, from: data) else { return [] }
        return table
    }
}
