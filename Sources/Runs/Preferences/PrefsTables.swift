import Foundation

/// The tables and lines a preference report shows, shared by the terminal summary, the Markdown report and the HTML page.
public enum PrefsTables {
    public static func number(_ value: Double, _ digits: Int = 2) -> String {
        value.isFinite ? String(format: "%.\(digits)f", value) : "n/a"
    }

    public static func interval(_ lower: Double, _ upper: Double, _ digits: Int = 2) -> String {
        "[\(number(lower, digits)), \(number(upper, digits))]"
    }

    /// Groups of outcomes: each value in order of appearance (outcomes by utility, highest first), then neutral ones.
    public static func utilityGroups(_ result: PrefsResult) -> [(title: String, rows: [OutcomeUtility])] {
        var order: [String] = []
        for utility in result.utilities { if let value = utility.value, !order.contains(value) { order.append(value) } }
        var groups = order.map { value in
            (title: value, rows: result.utilities.filter { $0.value == value }.sorted { $0.utility > $1.utility })
        }
        let neutral = result.utilities.filter { $0.value == nil }.sorted { $0.utility > $1.utility }
        if !neutral.isEmpty { groups.append((title: "neutral", rows: neutral)) }
        return groups
    }

    public static let utilityHeader = ["outcome", "value", "polarity", "utility", "95% interval", "answers"]

    public static func utilityRows(_ result: PrefsResult) -> [[String]] {
        utilityGroups(result).flatMap { group in
            group.rows.map { row in
                [row.id, row.value ?? "-", row.polarity.rawValue, number(row.utility), interval(row.lower, row.upper),
                 number(row.comparisons, 1)]
            }
        }
    }

    public static let agreementHeader = ["value", "P(up > down)", "95% interval", "U(up) - U(down)", "95% interval",
                                  "observed P (pairs)", "verdict"]

    public static func agreementRows(_ result: PrefsResult) -> [[String]] {
        result.agreements.map { agreement in
            [agreement.value, number(agreement.preference.estimate, 3),
             interval(agreement.preference.lower, agreement.preference.upper, 3),
             number(agreement.utilityDifference.estimate),
             interval(agreement.utilityDifference.lower, agreement.utilityDifference.upper),
             agreement.observedPreference.map { "\(number($0)) (\(agreement.observedPairs))" } ?? "- (0)",
             agreement.verdict]
        }
    }

    /// Lines of the headline measures: method, counts, held-out fit, transitivity, decisiveness, order consistency.
    public static func measureLines(_ result: PrefsResult) -> [String] {
        let manifest = result.manifest
        let tally = result.tally
        let analysis = result.analysis
        var lines: [String] = []
        lines.append("model: \(manifest.model.spec); outcome set \(manifest.outcomeSetID) \(manifest.outcomeSetVersion) (\(manifest.outcomeCount) outcomes, sha256 \(manifest.outcomeSetHash.prefix(12))); seed \(manifest.configuration.seed)")
        lines.append("method: \(manifest.method.description); K = \(manifest.configuration.samples)")
        var counts = "questions: \(tally.planned) planned over \(analysis.fit.model.outcomeCount) outcomes and \(analysis.consistency.edges) pairs, \(tally.counted) counted"
        if manifest.method == .sampled {
            counts += ", \(tally.unparseable) unparseable, \(tally.refusals) refusals (counted apart)"
        }
        if tally.errors > 0 { counts += ", \(tally.errors) failed (re-run to ask them again)" }
        if tally.unanswered > 0 { counts += ", \(tally.unanswered) not yet asked" }
        lines.append(counts)
        if let mass = tally.meanLabelMass {
            lines.append("label mass P(A) + P(B): mean \(number(mass, 3)), lowest \(number(tally.minimumLabelMass ?? mass, 3)) (how much of the model's probability went to the two labels at all)")
        }
        if let holdout = analysis.holdout {
            lines.append("held-out (\(holdout.score.edges) of \(analysis.consistency.edges) pairs): log loss \(number(holdout.score.logLoss, 3)) (a coin flip: 0.693), accuracy \(number(holdout.score.accuracy, 3))")
        } else if let reason = analysis.holdoutUnavailable {
            lines.append("held-out: none (\(reason))")
        }
        if let transitivity = analysis.transitivity {
            lines.append("transitivity: P_cycle \(number(transitivity.meanCycleProbability, 3)) (coin flips: 0.25), hard-cycle rate \(number(transitivity.hardCycleRate, 3)) over \(transitivity.triadsEvaluated) triads")
        } else {
            lines.append("transitivity: no triad has all three pairs compared")
        }
        let consistency = analysis.consistency
        var decisiveness = "decisiveness: \(number(consistency.decisiveness, 3)) (mean 2|P - 1/2|), \(number(100 * consistency.decisiveShare, 1)) % of pairs outside [0.2, 0.8]"
        decisiveness += "; position bias: option A chosen \(number(100 * consistency.firstPositionRate, 1)) %"
        lines.append(decisiveness)
        if consistency.decisiveness < 0.1 {
            lines.append("note: the model is close to indifferent in almost every pair (decisiveness under 0.1); the utilities and the per-value verdicts rest on small differences in its probabilities")
        }
        if let order = consistency.orderConsistency {
            lines.append("order consistency: \(number(order, 3)) (1 - mean |P(a | a first) - P(a | b first)| over \(consistency.edgesWithBothOrders) pairs)")
        }
        let fit = analysis.fit
        lines.append("fit: Thurstonian, \(fit.iterations) L-BFGS iterations, \(fit.converged ? "converged" : "NOT converged"); intervals: \(analysis.bootstrap.replicatesDrawn - analysis.bootstrap.replicatesSkipped) bootstrap replicates")
        return lines
    }
}
