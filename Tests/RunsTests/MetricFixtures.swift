import Foundation
import Probes
@testable import Runs

/// Small synthetic suites and judged samples for the metric tests.
///
/// Labels are written as strings, one character per sample in sampling order: R = recognised, M = missed,
/// U = unparseable, F = refused, E = error (backend failure), P = pending (no verdict yet).
enum MetricFixtures {
    static func item(_ id: String, _ mode: ProbeMode, pair: String? = nil, paraphrases: Int = 0) -> ProbeItem {
        ProbeItem(id: id, mode: mode, prompt: "prompt of \(id)",
                  paraphrases: (0..<paraphrases).map { "paraphrase \($0 + 1) of \(id)" }, pairID: pair)
    }

    static func family(_ value: String, _ items: [ProbeItem]) -> ProbeFamily {
        ProbeFamily(id: value, value: value, items: items)
    }

    static func suite(_ families: [ProbeFamily]) -> ProbeSuite {
        ProbeSuite(id: "synthetic", title: "Synthetic", version: "1", description: "test", source: "test",
                   families: families)
    }

    static func category(_ code: Character) -> VerdictCategory? {
        switch code {
        case "R": .recognised
        case "M": .missed
        case "U": .unparseable
        case "F": .refused
        case "E": .error
        default: nil
        }
    }

    /// Judged samples of one item; `variants[z]` holds the labels of paraphrase z.
    static func samples(_ item: ProbeItem, value: String, model: String = "m", variants: [String]) -> [JudgedSample] {
        var result: [JudgedSample] = []
        for (variant, codes) in variants.enumerated() {
            for (index, code) in codes.enumerated() {
                let key = "\(model)|\(item.id)|\(variant)|\(index)"
                let planned = PlannedSample(key: key, model: model, itemID: item.id, familyID: value, value: value,
                                            mode: item.mode, variant: variant, sampleIndex: index, pairID: item.pairID,
                                            seed: UInt64(index))
                guard let category = category(code) else {
                    result.append(JudgedSample(sample: planned))
                    continue
                }
                let response = SampleResponse(text: code == "E" ? "" : "answer \(index)", finishReason: "stop",
                                              latencyMilliseconds: 1, error: code == "E" ? "timeout" : nil)
                result.append(JudgedSample(sample: planned, response: response,
                                           verdict: Verdict(sampleKey: key, judge: "rubric", category: category)))
            }
        }
        return result
    }

    /// `count` labels with `recognised` of them recognised first.
    static func labels(_ recognised: Int, of count: Int) -> String {
        String(repeating: "R", count: recognised) + String(repeating: "M", count: count - recognised)
    }

    static let fast = MetricOptions(bootstrapReplicates: 500, seed: 11)
}
