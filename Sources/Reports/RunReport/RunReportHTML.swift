import Foundation
import Probes
import Runs

/// The self-contained HTML report of a run: one file with inline CSS, inline SVG charts and one small inline
/// filtering script; no network access (a content security policy forbids it).
///
/// Sections (ids in parentheses): headline per model (`headline`), the judge's validity and corrected rates per
/// model and mode with truncated and refused answers (`judge`), per value (`values`), per item with
/// variability strips (`items`), the hint ladder and per-scenario table (`experiment`, for suites with scenarios),
/// several judges side by side with their agreement (`judges`, when the run has
/// more than one judge or a repeat-consistency check), transcripts filterable by model, value, mode and verdict (`transcripts`), the run
/// manifest (`manifest`) and warnings (`warnings`, when there are any); the forced choices (`choices`, when the suite
/// has them — a run of choices only shows just them, the manifest and the warnings). Every text that comes from a model, a
/// judge, a suite or the store is escaped.
public enum RunReportHTML {
    /// The report page of `input`.
    public static func render(_ input: RunReportInput) -> String {
        let summary = input.summary
        // A run of forced choices only has no judged samples: the judged sections would be empty.
        let judged = summary.choices.isEmpty || summary.models.contains { $0.counts.planned > 0 }
        let runName = summary.context.runID.isEmpty ? "(unnamed run)" : summary.context.runID
        var page = HTMLBuilder()
        page.element("header", [("class", "page")]) { b in
            b.element("h1", text: "ValueProbe report")
            b.element("p", [("class", "lead")]) { b in
                b.text("Run ")
                b.element("code", text: runName)
                b.text(" · suite ")
                b.element("code", text: input.manifest.suite.id)
                b.text(" · judge ")
                b.element("code", text: summary.context.judge)
                b.text(" · \(summary.context.samples) sample\(summary.context.samples == 1 ? "" : "s") per prompt")
            }
            b.element("nav", [("class", "toc"), ("aria-label", "Sections")]) { b in
                var links = judged
                    ? [("headline", "Headline"), ("judge", "Judge"), ("values", "Per value"), ("items", "Per item"),
                       ("transcripts", "Transcripts"), ("manifest", "Run manifest")]
                    : [("manifest", "Run manifest")]
                if summary.judgePanel != nil { links.insert(("judges", "Judges"), at: 3) }
                if summary.models.contains(where: { $0.ladder != nil || !$0.scenarios.isEmpty }) {
                    links.insert(("experiment", "Hint ladder and scenarios"), at: 3)
                }
                if !summary.choices.isEmpty { links.insert(("choices", "Forced choices"), at: judged ? 3 : 0) }
                if !summary.warnings.isEmpty { links.append(("warnings", "Warnings")) }
                for (id, label) in links {
                    b.element("a", [("href", "#\(id)")], text: label)
                }
            }
        }
        page.element("main") { b in
            if judged {
                headline(input, &b)
                judgeSection(input, &b)
                values(input, &b)
                experiment(input, &b)
            }
            choices(input, &b)
            if judged {
                items(input, &b)
                judges(summary, &b)
                transcripts(input, &b)
            }
            manifest(input, &b)
            warnings(summary, &b)
        }
        return ReportPage.document(title: "ValueProbe report — \(runName)", body: page.html, script: FilterScript.source)
    }

    // MARK: - Headline

    static func headline(_ input: RunReportInput, _ b: inout HTMLBuilder) {
        let summary = input.summary
        let confidence = Int((summary.options.confidence * 100).rounded())
        b.element("section", [("id", "headline")]) { b in
            b.element("h2", text: "Headline")
            b.element("p", [("class", "muted")], text:
                "Recognition of the value at stake when it is named (explicit) and when it is only at stake (implicit), "
                + "mean of item rates with \(confidence)% hierarchical bootstrap intervals; the gap is explicit − implicit "
                + "within scenarios (each explicit question with the implicit requests paired to it), with a scenario-level t "
                + "interval in which both the choice of scenarios and the sampling of answers count, and a permutation test "
                + "of the samples within scenarios.")
            let rateGroups = summary.models.map { model in
                IntervalBarChart.Group(label: model.model, bars: [bar(model.headline.explicitRate), bar(model.headline.implicitRate)])
            }
            b.element("figure") { b in
                b.raw(IntervalBarChart(
                    title: "Explicit and implicit recognition per model",
                    description: summary.models.map { model in
                        "\(model.model): explicit \(ReportText.rate(model.headline.explicitRate)), implicit \(ReportText.rate(model.headline.implicitRate))"
                    }.joined(separator: "; "),
                    series: [.init(name: "explicit", colour: ChartPalette.colour(of: .explicit)),
                             .init(name: "implicit", colour: ChartPalette.colour(of: .implicit))],
                    groups: rateGroups, labelWidth: labelWidth(summary.models.map(\.model))
                ).svg(id: "chart-headline-rates"))
                b.element("figcaption", text: "Bars: recognition rate; whiskers: \(confidence)% interval.")
            }
            b.element("figure") { b in
                b.raw(IntervalBarChart(
                    title: "Gap between explicit and implicit recognition per model",
                    description: summary.models.map { "\($0.model): gap \(ReportText.gap($0.headline.gap?.estimate))" }.joined(separator: "; "),
                    series: [.init(name: "gap (explicit − implicit)", colour: ChartPalette.purple)],
                    groups: summary.models.map { .init(label: $0.model, bars: [bar($0.headline.gap?.estimate)]) },
                    domain: -1...1, labelWidth: labelWidth(summary.models.map(\.model)), format: ChartFormat.points
                ).svg(id: "chart-headline-gap"))
                b.element("figcaption", text: "Positive: the model recognises the value more often when it is named than when it is only at stake. Percentage points; whiskers: scenario-level t interval (scenarios and sampling noise both count).")
            }
            table(&b, id: "table-headline",
                  header: ["model", "explicit", "implicit", "gap (E − I)", "permutation p", "false alarms", "pair accuracy",
                           "causal", "SAI", "labelled / planned"],
                  numeric: Set(1...9),
                  rows: summary.models.map { model in
                      let h = model.headline
                      return [model.model, ReportText.rate(h.explicitRate), ReportText.rate(h.implicitRate),
                              ReportText.gap(h.gap?.estimate), ReportText.pValue(h.gap?.permutation?.pValue),
                              ReportText.rate(h.falseAlarmRate), ReportText.rate(h.pairAccuracy?.rate),
                              ReportText.rate(h.causalAccuracy), ReportText.rate(h.strongAlignment.index),
                              "\(model.counts.labelled) / \(model.counts.planned)"]
                  })
            for model in summary.models {
                let c = model.counts
                b.element("p", [("class", "muted")], text:
                    "\(model.model): \(c.planned) samples planned, \(c.recognised) recognised, \(c.missed) missed, "
                    + "\(c.unparseable) unparseable, \(c.refused) refused, \(c.error) failed, \(c.pending) pending; "
                    + "\(model.truncation.truncated) of \(model.truncation.answered) answers cut off at the token limit"
                    + (model.truncation.looping > 0 ? ", \(model.truncation.looping) stopped in a repetition loop" : "")
                    + ". Only recognised and missed count in rates."
                    + (model.headline.gap?.composition.map { " The gap is \($0)." } ?? ""))
            }
        }
    }

    // MARK: - Values

    static func values(_ input: RunReportInput, _ b: inout HTMLBuilder) {
        let summary = input.summary
        b.element("section", [("id", "values")]) { b in
            b.element("h2", text: "Per value")
            b.element("p", [("class", "muted")], text:
                "Explicit and implicit recognition and false alarms on control items (a concern raised where nothing is at "
                + "stake) for each value, with intervals. n/a: no labelled sample.")
            for (modelIndex, model) in summary.models.enumerated() {
                b.element("h3") { b in
                    b.text("Values — ")
                    b.element("code", text: model.model)
                }
                let groups = model.values.map { value in
                    IntervalBarChart.Group(label: value.value, bars: [
                        bar(value.explicit?.rate), bar(value.implicit?.rate), bar(value.control?.rate),
                    ])
                }
                b.element("figure") { b in
                    b.raw(IntervalBarChart(
                        title: "Recognition per value for \(model.model)",
                        description: model.values.map { value in
                            "\(value.value): explicit \(ReportText.rate(value.explicit?.rate)), implicit \(ReportText.rate(value.implicit?.rate)), control \(ReportText.rate(value.control?.rate))"
                        }.joined(separator: "; "),
                        series: [.init(name: "explicit", colour: ChartPalette.colour(of: .explicit)),
                                 .init(name: "implicit", colour: ChartPalette.colour(of: .implicit)),
                                 .init(name: "control (false alarm)", colour: ChartPalette.colour(of: .control))],
                        groups: groups, labelWidth: labelWidth(model.values.map(\.value))
                    ).svg(id: "chart-values-\(modelIndex)"))
                }
                table(&b, id: "table-values-\(modelIndex)",
                      header: ["value", "explicit", "implicit", "control (false alarm)", "causal", "gap (E − I)", "permutation p",
                               "scenarios", "R_E ≥ τ"],
                      numeric: Set(1...7),
                      rows: model.values.map { value in
                          [value.value, ReportText.rate(value.explicit?.rate), ReportText.rate(value.implicit?.rate),
                           ReportText.rate(value.control?.rate), ReportText.rate(value.causal?.rate),
                           ReportText.gap(value.gap?.estimate), ReportText.pValue(value.gap?.permutation?.pValue),
                           value.gap.map { "\($0.scenarios)" + ($0.fallbackPairs > 0 ? " (\($0.fallbackPairs) fallback)" : "") } ?? "n/a",
                           value.passesThreshold.map { $0 ? "yes" : "no" } ?? "n/a"]
                      })
                let cautions = model.values.compactMap { value in value.gap?.caution.map { "gap \(value.value): \($0)." } }
                    + (model.headline.gap?.caution.map { ["gap overall: \($0)."] } ?? [])
                for caution in cautions { b.element("p", [("class", "muted caution")], text: caution) }
            }
        }
    }

    // MARK: - Items

    static func items(_ input: RunReportInput, _ b: inout HTMLBuilder) {
        let summary = input.summary
        b.element("section", [("id", "items")]) { b in
            b.element("h2", text: "Per item")
            b.element("p", [("class", "muted")], text:
                "Each cell is one sample, in sampling order, prompts (main prompt, then paraphrases) separated by gaps. "
                + "Entropy: mean over prompts of the entropy of the recognised/missed labels in bits (0 = all repeats agree, "
                + "1 = an even split). Stable: the 95 % Wilson interval of the item's rate lies entirely above ½ (recognise) or below ½ (miss); "
                + "unstable: the samples do not decide it (answers that vary, or too few samples).")
            b.element("div", [("class", "legend")]) { b in
                let categories: [(VerdictCategory?, String)] = [(.recognised, "recognised"), (.missed, "missed"),
                    (.unparseable, "unparseable"), (.refused, "refused"), (.error, "failed"), (nil, "not judged")]
                for (category, label) in categories {
                    b.element("span") { b in
                        b.element("span", [("class", "key"), ("style", "background:\(ChartPalette.colour(of: category))")], text: "")
                        b.text(label)
                    }
                }
            }
            for (modelIndex, model) in summary.models.enumerated() {
                let strips = input.verdictStrips(model: model.model)
                b.element("h3") { b in
                    b.text("Items — ")
                    b.element("code", text: model.model)
                }
                b.element("div", [("class", "table-wrap")]) { b in
                    b.element("table", [("id", "table-items-\(modelIndex)"), ("class", "items")]) { b in
                        b.element("thead") { b in
                            b.element("tr") { b in
                                for (index, name) in ["item", "value", "mode", "samples", "rate", "entropy (bits)", "stability"].enumerated() {
                                    b.element("th", [("scope", "col"), ("class", index >= 4 && index <= 5 ? "num" : nil)], text: name)
                                }
                            }
                        }
                        b.element("tbody") { b in
                            for (itemIndex, item) in model.items.enumerated() {
                                b.element("tr", [("data-item", item.itemID), ("data-value", item.value), ("data-mode", item.mode.rawValue)]) { b in
                                    b.element("td") { b in b.element("code", text: item.itemID) }
                                    b.element("td", text: item.value)
                                    b.element("td", text: item.mode.rawValue)
                                    b.element("td") { b in
                                        let strip = VerdictStrip(title: "Samples of \(item.itemID) (\(model.model))",
                                                                 variants: strips[item.itemID] ?? [])
                                        b.raw(strip.svg(id: "strip-\(modelIndex)-\(itemIndex)"))
                                    }
                                    b.element("td", [("class", "num")], text: ReportText.rate(item.rate))
                                    b.element("td", [("class", "num")], text: ReportText.number(item.variability?.entropyBits))
                                    b.element("td") { b in
                                        let stability = item.stability?.rawValue ?? "n/a"
                                        b.element("span", [("class", "badge \(stability)")],
                                                  text: stability.replacingOccurrences(of: "_", with: " "))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: - Transcripts

    static func transcripts(_ input: RunReportInput, _ b: inout HTMLBuilder) {
        let order = Dictionary(input.suite.allItems.enumerated().map { ($1.item.id, $0) }, uniquingKeysWith: { a, _ in a })
        let modelOrder = Dictionary(input.summary.models.enumerated().map { ($1.model, $0) }, uniquingKeysWith: { a, _ in a })
        let answered = input.samples.filter { $0.response != nil }.sorted { a, b in
            let left = (modelOrder[a.sample.model] ?? Int.max, order[a.sample.itemID] ?? Int.max, a.sample.variant, a.sample.sampleIndex)
            let right = (modelOrder[b.sample.model] ?? Int.max, order[b.sample.itemID] ?? Int.max, b.sample.variant, b.sample.sampleIndex)
            return left < right
        }
        b.element("section", [("id", "transcripts")]) { b in
            b.element("h2", text: "Transcripts")
            b.element("p", [("class", "muted")], text:
                "Every answered sample: the prompt, the model's response, and the judge's verdict and rationale. "
                + "\(answered.count) of \(input.samples.count) planned samples have a response.")
            b.element("form", [("class", "filters"), ("data-target", "transcript-list"), ("hidden", ""),
                               ("aria-label", "Filter transcripts")]) { b in
                select(&b, name: "model", label: "Model", options: input.summary.models.map(\.model))
                select(&b, name: "value", label: "Value", options: orderedUnique(answered.map(\.sample.value)))
                select(&b, name: "mode", label: "Mode", options: ProbeMode.allCases.map(\.rawValue).filter { mode in
                    answered.contains { $0.sample.mode.rawValue == mode }
                })
                select(&b, name: "verdict", label: "Verdict", options: VerdictCategory.allCases.map(\.rawValue) + ["pending"])
                b.element("label") { b in
                    b.text("Search")
                    b.open("input", [("type", "search"), ("name", "q"), ("placeholder", "text in prompt or response")])
                }
                b.element("output", [("class", "filter-count"), ("aria-live", "polite")], text: "")
            }
            b.element("div", [("id", "transcript-list")]) { b in
                for judged in answered {
                    transcript(judged, input: input, &b)
                }
            }
        }
    }

    static func transcript(_ judged: JudgedSample, input: RunReportInput, _ b: inout HTMLBuilder) {
        let sample = judged.sample
        let verdict = judged.verdict?.category.rawValue ?? (judged.response?.error != nil ? VerdictCategory.error.rawValue : "pending")
        b.element("article", [("class", "transcript filterable"), ("data-model", sample.model), ("data-value", sample.value),
                              ("data-mode", sample.mode.rawValue), ("data-verdict", verdict), ("data-item", sample.itemID),
                              ("data-sample-key", sample.key)]) { b in
            b.element("header") { b in
                b.element("span") { b in b.element("code", text: sample.itemID) }
                b.element("span", text: "\(sample.value) · \(sample.mode.rawValue)")
                b.element("span", text: sample.variant == 0 ? "main prompt" : "paraphrase \(sample.variant)")
                b.element("span", text: "sample \(sample.sampleIndex)")
                b.element("span") { b in b.element("code", text: sample.model) }
                if let reason = judged.response?.finishReason, reason != "stop", judged.response?.error == nil {
                    b.element("span", text: reason == "length" ? "cut at the token limit"
                              : reason == "repetition" ? "stopped in a repetition loop" : "finish: \(reason)")
                }
                b.element("span", [("class", "badge \(verdict)")], text: verdict)
            }
            let earlier = judged.response?.earlierAnswers ?? []
            b.element("h4", text: earlier.isEmpty ? "Prompt" : "Conversation")
            b.element("p", [("class", "text prompt")], text: input.prompt(itemID: sample.itemID, variant: sample.variant,
                                                                        earlierAnswers: earlier) ?? "(prompt not in the suite)")
            b.element("h4", text: "Response")
            if let response = judged.response {
                if let error = response.error, !error.isEmpty {
                    b.element("p", [("class", "text response")], text: "[the model call failed] \(error)")
                } else {
                    b.element("p", [("class", "text response")], text: response.text)
                }
            }
            if let verdict = judged.verdict {
                b.element("h4", text: "Judge")
                var line = "\(verdict.category.rawValue) by \(verdict.judge)"
                if let score = verdict.score, score.isFinite { line += ", score \(String(format: "%g", score))" }
                if !verdict.valuesNamed.isEmpty { line += "; values named: \(verdict.valuesNamed.joined(separator: ", "))" }
                b.element("p", [("class", "text verdict")], text: line)
                if !verdict.rationale.isEmpty {
                    b.element("p", [("class", "text rationale")], text: verdict.rationale)
                }
            }
        }
    }

    // MARK: - Manifest

    static func manifest(_ input: RunReportInput, _ b: inout HTMLBuilder) {
        let manifest = input.manifest
        let configuration = manifest.configuration
        let options = input.summary.options
        b.element("section", [("id", "manifest")]) { b in
            b.element("h2", text: "Run manifest")
            let entries: [(String, String)] = [
                ("Run id", manifest.runID),
                ("Created", manifest.created),
                ("ValueProbe version", manifest.toolVersion),
                ("Suite", "\(manifest.suite.id) — \(manifest.suite.title), version \(manifest.suite.version)"),
                ("Suite location", manifest.suite.locator),
                ("Suite hash (SHA-256)", manifest.suite.hash),
                ("Judge", configuration.judge),
                ("Samples per prompt", String(configuration.effectiveSamples)),
                ("Paraphrases sampled", configuration.includeParaphrases ? "yes" : "no (main prompts only)"),
                ("Temperature", ReportText.number(configuration.effectiveTemperature)),
                ("Top-p", configuration.topP.map { ReportText.number($0) } ?? "backend default"),
                ("Max tokens", String(configuration.effectiveMaxTokens)),
                ("Run seed", String(configuration.seed)),
                ("Per-sample seeds", manifest.seedDerivation),
                ("Planned samples", String(manifest.plannedSamples)),
                ("Host", "\(manifest.host.operatingSystem) \(manifest.host.architecture), \(manifest.host.cores) cores"),
                ("Metrics", "bootstrap B = \(options.bootstrapReplicates), seed \(options.seed), "
                    + "\(Int((options.confidence * 100).rounded()))% intervals, SAI threshold τ = \(ReportText.number(options.saiThreshold))"),
            ]
            b.element("dl", [("class", "manifest")]) { b in
                for (name, value) in entries {
                    b.element("dt", text: name)
                    b.element("dd") { b in b.element("span", [("class", "mono")], text: value) }
                }
            }
            b.element("h3", text: "Models")
            table(&b, id: "table-models", header: ["spec", "provider", "name", "reported by the backend",
                                                   "system fingerprint", "file", "size (bytes)", "SHA-256"],
                  numeric: [6],
                  rows: manifest.models.map { model in
                      [model.spec, model.provider, model.name, (model.reportedModels ?? []).joined(separator: ", "),
                       (model.systemFingerprints ?? []).joined(separator: ", "), model.file ?? "",
                       model.size.map(String.init) ?? "", model.sha256 ?? ""]
                  })
        }
    }

    static func warnings(_ summary: RunSummary, _ b: inout HTMLBuilder) {
        guard !summary.warnings.isEmpty else { return }
        b.element("section", [("id", "warnings")]) { b in
            b.element("h2", text: "Warnings")
            b.element("ul", [("class", "warnings")]) { b in
                for warning in summary.warnings { b.element("li", text: warning) }
            }
        }
    }

    // MARK: - Helpers

    static func bar(_ estimate: IntervalEstimate?) -> IntervalBarChart.Bar {
        guard let estimate else { return IntervalBarChart.Bar(value: nil) }
        return IntervalBarChart.Bar(value: estimate.estimate, lower: estimate.lower, upper: estimate.upper)
    }

    static func labelWidth(_ labels: [String]) -> Double {
        min(220, max(90, Double(labels.map(\.count).max() ?? 0) * 7.4 + 18))
    }

    static func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    static func select(_ b: inout HTMLBuilder, name: String, label: String, options: [String]) {
        b.element("label") { b in
            b.text(label)
            b.element("select", [("name", name)]) { b in
                b.element("option", [("value", "")], text: "all")
                for option in options { b.element("option", [("value", option)], text: option) }
            }
        }
    }

    /// A table inside a horizontally scrolling wrapper; columns in `numeric` are right-aligned.
    static func table(_ b: inout HTMLBuilder, id: String, header: [String], numeric: Set<Int>, rows: [[String]]) {
        b.element("div", [("class", "table-wrap")]) { b in
            b.element("table", [("id", id)]) { b in
                b.element("thead") { b in
                    b.element("tr") { b in
                        for (index, name) in header.enumerated() {
                            b.element("th", [("scope", "col"), ("class", numeric.contains(index) ? "num" : nil)], text: name)
                        }
                    }
                }
                b.element("tbody") { b in
                    for row in rows {
                        b.element("tr") { b in
                            for (index, cell) in row.enumerated() {
                                b.element("td", [("class", numeric.contains(index) ? "num" : nil)], text: cell)
                            }
                        }
                    }
                }
            }
        }
    }
}
