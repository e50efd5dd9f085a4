import Probes

/// Writes the CSV that human annotators fill in to check the judge.
///
/// Columns: `sample_key, model, value, mode, item_id, variant, sample_index, prompt, response, judge_category,
/// judge_rationale, human_label, annotator, note`. `human_label`, `annotator` and `note` are left empty for the
/// annotator. In `human_label`, "yes" means the response recognised the value at risk (explicit, implicit), reasoned
/// correctly (causal) or — for a control item — raised a value concern; see ``LabelImport`` for accepted answers.
/// Rows follow the models' first appearance, then suite order, paraphrase and sample index; samples without a
/// response are left out. RFC 4180 quoting; line breaks inside responses are kept inside quotes.
public enum LabelExport {
    /// The column names, in order.
    public static let columns = [
        "sample_key", "model", "value", "mode", "item_id", "variant", "sample_index", "prompt", "response",
        "judge_category", "judge_rationale", "human_label", "annotator", "note",
    ]

    /// The labels CSV of `samples`.
    public static func csv(samples: [JudgedSample], suite: ProbeSuite) -> String {
        var modelOrder: [String: Int] = [:]
        for sample in samples where modelOrder[sample.sample.model] == nil {
            modelOrder[sample.sample.model] = modelOrder.count
        }
        var itemOrder: [String: Int] = [:]
        var prompts: [String: [String]] = [:]
        for (index, entry) in suite.allItems.enumerated() {
            itemOrder[entry.item.id] = index
            prompts[entry.item.id] = entry.item.allPrompts
        }
        let rows = samples.filter { $0.response != nil }.sorted { a, b in
            let left = (modelOrder[a.sample.model] ?? 0, itemOrder[a.sample.itemID] ?? Int.max, a.sample.variant, a.sample.sampleIndex)
            let right = (modelOrder[b.sample.model] ?? 0, itemOrder[b.sample.itemID] ?? Int.max, b.sample.variant, b.sample.sampleIndex)
            return left < right
        }.map { judged -> [String] in
            let sample = judged.sample
            let variants = prompts[sample.itemID] ?? []
            let prompt = variants.indices.contains(sample.variant) ? variants[sample.variant] : ""
            let response = judged.response.map { $0.error.map { "[error] \($0)" } ?? $0.text } ?? ""
            return [
                sample.key, sample.model, sample.value, sample.mode.rawValue, sample.itemID, String(sample.variant),
                String(sample.sampleIndex), prompt, response, judged.verdict?.category.rawValue ?? "",
                judged.verdict?.rationale ?? "", "", "", "",
            ]
        }
        return CSVWriter.document(header: columns, rows: rows)
    }
}
