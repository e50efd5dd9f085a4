/// `items.csv`, `values.csv` and `modes.csv`: one row per model × item, per model × value and per model × mode. Empty cells mean "no value"
/// (never zero); numbers have six decimals; rates are proportions in [0, 1].
enum SummaryCSV {
    static let itemColumns = [
        "model", "item_id", "family_id", "value", "mode", "pair_id", "planned", "pending", "labelled", "recognised",
        "missed", "unparseable", "refused", "error", "rate", "rate_lower", "rate_upper", "stability", "entropy_bits",
        "consistency", "disagreement", "flip_rate", "all_identical", "pass_at_1", "pass_hat_1", "k", "pass_at_k",
        "pass_hat_k", "group_exact_match", "variants",
    ]

    static func items(_ summary: RunSummary) -> String {
        var rows: [[String]] = []
        for model in summary.models {
            for item in model.items {
                let c = item.counts
                let first = item.passAtK.first
                let last = item.passAtK.count > 1 ? item.passAtK.last : first
                rows.append([
                    model.model, item.itemID, item.familyID, item.value, item.mode.rawValue, item.pairID ?? "",
                    String(c.planned), String(c.pending), String(c.labelled), String(c.recognised), String(c.missed),
                    String(c.unparseable), String(c.refused), String(c.error),
                    ReportFormat.csv(item.rate?.estimate), ReportFormat.csv(item.rate?.lower), ReportFormat.csv(item.rate?.upper),
                    item.stability?.rawValue ?? "", ReportFormat.csv(item.variability?.entropyBits),
                    ReportFormat.csv(item.variability?.consistency), ReportFormat.csv(item.variability?.disagreement),
                    ReportFormat.csv(item.variability?.flipRate), ReportFormat.csv(item.variability?.allIdentical),
                    ReportFormat.csv(first?.passAtK), ReportFormat.csv(first?.passHatK), last.map { String($0.k) } ?? "",
                    ReportFormat.csv(last?.passAtK), ReportFormat.csv(last?.passHatK), ReportFormat.csv(item.groupExactMatch),
                    String(item.variants.count),
                ])
            }
        }
        return CSVWriter.document(header: itemColumns, rows: rows)
    }

    static let modes = ["explicit", "implicit", "control", "causal"]

    static var valueColumns: [String] {
        var columns = ["model", "value"]
        for mode in modes {
            columns += ["\(mode)_items", "\(mode)_labelled", "\(mode)_rate", "\(mode)_lower", "\(mode)_upper",
                        "\(mode)_pooled", "\(mode)_corrected", "\(mode)_unparseable", "\(mode)_refused", "\(mode)_error"]
        }
        columns += ["gap", "gap_lower", "gap_upper", "gap_difference_of_means", "gap_pairs", "gap_fallback_pairs",
                    "gap_scenarios", "gap_method", "gap_permutation_p", "specificity", "pair_accuracy",
                    "pair_accuracy_lower", "pair_accuracy_upper", "pair_accuracy_pairs", "passes_threshold"]
        return columns
    }

    static func values(_ summary: RunSummary) -> String {
        var rows: [[String]] = []
        for model in summary.models {
            for value in model.values {
                var row = [model.model, value.value]
                for metrics in [value.explicit, value.implicit, value.control, value.causal] {
                    row += [
                        metrics.map { String($0.items) } ?? "", metrics.map { String($0.counts.labelled) } ?? "",
                        ReportFormat.csv(metrics?.rate?.estimate), ReportFormat.csv(metrics?.rate?.lower),
                        ReportFormat.csv(metrics?.rate?.upper), ReportFormat.csv(metrics?.pooled?.estimate),
                        ReportFormat.csv(metrics?.correctedRate), metrics.map { String($0.counts.unparseable) } ?? "",
                        metrics.map { String($0.counts.refused) } ?? "", metrics.map { String($0.counts.error) } ?? "",
                    ]
                }
                let gap = value.gap
                row += [
                    ReportFormat.csv(gap?.estimate?.estimate), ReportFormat.csv(gap?.estimate?.lower),
                    ReportFormat.csv(gap?.estimate?.upper), ReportFormat.csv(gap?.differenceOfMeans),
                    gap.map { String($0.pairs) } ?? "", gap.map { String($0.fallbackPairs) } ?? "",
                    gap.map { String($0.scenarios) } ?? "", gap?.estimate?.method.rawValue ?? "",
                    ReportFormat.csv(gap?.permutation?.pValue),
                    ReportFormat.csv(value.specificity), ReportFormat.csv(value.pairAccuracy?.rate?.estimate),
                    ReportFormat.csv(value.pairAccuracy?.rate?.lower), ReportFormat.csv(value.pairAccuracy?.rate?.upper),
                    value.pairAccuracy.map { String($0.pairs) } ?? "", ReportFormat.csv(value.passesThreshold),
                ]
                rows.append(row)
            }
        }
        return CSVWriter.document(header: valueColumns, rows: rows)
    }

    static let modeColumns = [
        "model", "mode", "judged", "recognised", "raw_rate", "refused", "answered", "truncated", "truncated_share",
        "validity_source", "validity_rows", "balanced_accuracy", "balanced_accuracy_lower", "balanced_accuracy_upper",
        "sensitivity", "specificity", "kappa", "sensitivity_used", "specificity_used", "corrected", "corrected_lower",
        "corrected_upper", "corrected_method", "undefined_reason", "ppi", "ppi_lower", "ppi_upper", "ppi_lambda",
        "labelled_samples",
    ]

    /// `modes.csv`: one row per model × mode — the raw judge rate, refused and truncated answers, the judge's
    /// validity for the mode and the corrected rates (``ModeCorrection``).
    static func modes(_ summary: RunSummary) -> String {
        var rows: [[String]] = []
        for model in summary.models {
            for c in model.judgeCorrection {
                let truncation = model.truncation.mode(c.mode)
                let v = c.validity
                rows.append([
                    model.model, c.mode.rawValue, String(c.judged), String(c.recognised), ReportFormat.csv(c.rawRate),
                    String(c.refused), truncation.map { String($0.answered) } ?? "", String(c.truncated),
                    ReportFormat.csv(truncation?.share), c.validitySource?.rawValue ?? "", v.map { String($0.rows) } ?? "",
                    ReportFormat.csv(v?.balancedAccuracy?.estimate), ReportFormat.csv(v?.balancedAccuracy?.lower),
                    ReportFormat.csv(v?.balancedAccuracy?.upper), ReportFormat.csv(v?.sensitivity?.estimate),
                    ReportFormat.csv(v?.specificity?.estimate), ReportFormat.csv(v?.kappa?.estimate),
                    ReportFormat.csv(c.sensitivityUsed), ReportFormat.csv(c.specificityUsed),
                    ReportFormat.csv(c.corrected?.estimate), ReportFormat.csv(c.corrected?.lower),
                    ReportFormat.csv(c.corrected?.upper), c.corrected?.method.rawValue ?? "", c.undefinedReason ?? "",
                    ReportFormat.csv(c.predictionPowered?.estimate), ReportFormat.csv(c.predictionPowered?.lower),
                    ReportFormat.csv(c.predictionPowered?.upper), ReportFormat.csv(c.predictionPoweredLambda),
                    String(c.labelledSamples),
                ])
            }
        }
        return CSVWriter.document(header: modeColumns, rows: rows)
    }
}
