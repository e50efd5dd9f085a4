import Runs

extension RunReportHTML {
    /// The `judge` section: per model and mode, the raw judge rate beside the judge's validity for that mode
    /// (balanced accuracy with its interval, sensitivity and specificity, rows, where the figures come from), the
    /// corrected rate with its interval (or "undefined" and why), PPI++ when the run's own samples were labelled,
    /// and the refused and truncated answers.
    static func judgeSection(_ input: RunReportInput, _ b: inout HTMLBuilder) {
        let summary = input.summary
        b.element("section", [("id", "judge")]) { b in
            b.element("h2", text: "Judge validity and corrected rates")
            b.element("p", [("class", "muted")], text:
                "All figures in percent. Raw: recognised / (recognised + missed) (for controls the false-alarm rate, for causal items "
                + "the causal accuracy). Judge BA: the judge's balanced accuracy on hand-labelled responses of the mode, with its interval; "
                + "n: the labelled responses it rests on; "
                + "Se/Sp: the sensitivity and specificity the correction used; from: the held-out calibration figures shipped "
                + "with ValueProbe, or the human labels imported into this run. Corrected: Rogan–Gladen, with an interval "
                + "from a joint bootstrap over the run's items and the labelled rows. PPI++: prediction-powered inference "
                + "from labels on the model's own samples. Undefined means the judge carries no usable information for "
                + "the mode (sensitivity + specificity ≤ 1) or has no validity figures: no number is reported.")
            b.element("p", [("class", "muted")], text: "Truncated (all models): \(summary.truncation.truncated) of "
                + "\(summary.truncation.answered) answers were cut off at the token limit; they are judged on what they say.")
            for (modelIndex, model) in summary.models.enumerated() {
                b.element("h3") { b in
                    b.text("Judge and corrections — ")
                    b.element("code", text: model.model)
                }
                guard !model.judgeCorrection.isEmpty else {
                    b.element("p", text: "No samples.")
                    continue
                }
                table(&b, id: "table-judge-\(modelIndex)", header: CorrectionText.header, numeric: [1, 2, 3, 4, 6, 7, 8, 9],
                      rows: CorrectionText.rows(model.judgeCorrection))
                let notes = CorrectionText.undefinedNotes(model.judgeCorrection) + CorrectionText.sourceNotes(model.judgeCorrection)
                if !notes.isEmpty {
                    b.element("ul") { b in
                        for note in notes { b.element("li", text: note) }
                    }
                }
            }
        }
    }
}
