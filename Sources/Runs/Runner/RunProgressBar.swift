import Assets

extension RunProgress {
    /// This snapshot as a progress bar: samples answered of planned, this session's rate and the ETA, with
    /// failures and verdicts as the detail.
    public var progressBar: ProgressBar {
        var detail: [String] = []
        if failed > 0 { detail.append("\(failed) failed") }
        if judged > 0 { detail.append("\(judged) judged") }
        return ProgressBar(label: "run", completed: Double(done), total: Double(total), unit: .count("samples"),
                           rate: samplesPerSecond, etaSeconds: done < total ? etaSeconds : nil,
                           detail: detail.joined(separator: ", "))
    }
}
