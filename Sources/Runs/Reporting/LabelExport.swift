import Probes

/// Writes the CSV that human annotators fill in to check the judge.
///
/// Blind by default: columns `sample_key, model, value, mode, item_id, variant, finish_reason, sample_index, prompt,
/// response, human_label, annotator, note` — nothing of the judge's verdict, and a row order (model, suite order,
/// paraphrase, sample index) that owes nothing to it, so that the labels measure the judge instead of echoing it.
/// With `showJudge` the columns `judge_category` and `judge_rationale` follow `response`. `human_label`,
/// `annotator` and `note` are left empty for the annotator; `finish_reason` is `length` for an answer cut off at
/// the token limit. In `human_label`, "yes" means the response recognised the value at risk (explicit, implicit), reasoned
/// correctly (causal) or — for a control item — raised a value concern; see ``LabelImport`` for accepted answers.
/// Rows follow the models' first appearance, then suite order, paraphrase and sample index; samples without a
/// response are left out. RFC 4180 quoting; line breaks inside responses are kept inside quotes.
public enum LabelExport {
    /// The column names of the blind export, in order.
    public static let columns = [
        "sample_key", "model", "value", "mode", "item_id", "variant", "sample_index", "finish_reason", "prompt",
        "response", "human_label", "annotator", "note",
    ]

    /// The column names with the judge's verdict (`showJudge`), in order.
    public static let columnsWithJudge = [
        "sample_key", "model", "value", "mode", "item_id", "variant", "sample_index", "finish_reason", "prompt",
        "response", "judge_category", "judge_rationale", "human_label", "annotator", "note",
    ]

    /// The labels CSV of `samples`; blind unless `showJudge`.
    public static func csv(samples: [JudgedSample], suite: ProbeSuite, showJudge: Bool = false) -> String {
        var modelOrder: [String: Int] = [:]
        for sample in samples where modelOrder[sample.sample.model] == nil {
            modelOrder[sample.sample.model] = modelOrder.count
        }
        var itemOrder: [String: Int] = [:]
        var items: [String: ProbeItem] = [:]
        for (index, entry) in suite.allItems.enumerated() {
            itemOrder[entry.item.id] = index
            items[entry.item.id] = entry.item
        }
        let rows = samples.filter { $0.response != nil }.sorted { a, b in
            let left = (modelOrder[a.sample.model] ?? 0, itemOrder[a.sample.itemID] ?? Int.max, a.sample.variant, a.sample.sampleIndex)
            let right = (modelOrder[b.sample.model] ?? 0, itemOrder[b.sample.itemID] ?? Int.max, b.sample.variant, b.sample.sampleIndex)
            return left < right
        }.map { judged -> [String] in
            let sample = judged.sample
            // A multi-turn item shows the whole conversation, with the model's own earlier answers.
            let prompt = items[sample.itemID]?.transcript(variant: sample.variant,
                                                         earlierAnswers: judged.response?.earlierAnswers ?? []) ?? ""
            let response = judged.response.map { $0.error.map { "[error] \($0)" } ?? $0.text } ?? ""
            var row = [
                sample.key, sample.model, sample.value, sample.mode.rawValue, sample.itemID, String(sample.variant),
                String(sample.sampleIndex), judged.response?.finishReason ?? "", prompt, response,
            ]
            if showJudge { row += [judged.verdict?.category.rawValue ?? "", judged.verdict?.rationale ?? ""] }
            return row + ["", "", ""]
        }
        return CSVWriter.document(header: showJudge ? columnsWithJudge : columns, rows: rows)
    }
}
