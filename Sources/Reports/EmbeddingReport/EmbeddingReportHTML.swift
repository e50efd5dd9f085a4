import Embeddings

/// The embedding report as one self-contained HTML page. Sections: `spaces` (overview), `neighbours` (a table
/// per space, WordNet-related neighbours marked), `agreement` (WordNet-agreement bars, when computed),
/// `comparison` (Jaccard@k and RSA heatmaps), `projection` (a PCA scatter per space).
public enum EmbeddingReportHTML {
    /// Relation codes, as `valueprobe embed agreement` prints them.
    static let codes: [WordNetAgreement.Relation: String] = [
        .sameLemma: "L", .synonym: "S", .hypernym: "H", .hyponym: "h", .derivation: "D", .antonym: "A", .gloss: "G",
    ]

    /// The page.
    public static func render(_ report: EmbeddingReport) -> String {
        var page = HTMLBuilder()
        page.element("header", [("class", "page")]) { b in
            b.element("h1", text: "ValueProbe embedding report")
            b.element("p", [("class", "lead")], text:
                "\(report.words.count) value words in \(report.spaces.count) space\(report.spaces.count == 1 ? "" : "s"); k = \(report.k) neighbours.")
            b.element("nav", [("class", "toc"), ("aria-label", "Sections")]) { b in
                var links = [("spaces", "Spaces"), ("neighbours", "Neighbours")]
                if report.spaces.contains(where: { $0.agreement != nil }) { links.append(("agreement", "WordNet agreement")) }
                if !report.comparisons.isEmpty { links.append(("comparison", "Across spaces")) }
                links.append(("projection", "Projection"))
                for (id, label) in links { b.element("a", [("href", "#\(id)")], text: label) }
            }
        }
        page.element("main") { b in
            body(report, &b)
        }
        return ReportPage.document(title: "ValueProbe embedding report", body: page.html)
    }

    /// The page's sections, for embedding in another page.
    public static func body(_ report: EmbeddingReport, _ b: inout HTMLBuilder) {
        spaces(report, &b)
        neighbours(report, &b)
        agreement(report, &b)
        comparison(report, &b)
        projection(report, &b)
    }

    static func spaces(_ report: EmbeddingReport, _ b: inout HTMLBuilder) {
        b.element("section", [("id", "spaces")]) { b in
            b.element("h2", text: "Spaces")
            RunReportHTML.table(&b, id: "table-spaces", header: ["space", "words", "dimensions", "value words found", "missing"],
                                numeric: [1, 2, 3],
                                rows: report.spaces.map { space in
                                    [space.name, String(space.vocabulary), String(space.dimension),
                                     "\(space.words.count) of \(report.words.count)",
                                     space.missing.isEmpty ? "—" : space.missing.joined(separator: ", ")]
                                })
        }
    }

    static func neighbours(_ report: EmbeddingReport, _ b: inout HTMLBuilder) {
        b.element("section", [("id", "neighbours")]) { b in
            b.element("h2", text: "Nearest neighbours")
            b.element("p", [("class", "muted")], text:
                "The \(report.k) nearest words by cosine similarity in each space's whole vocabulary. With WordNet, related "
                + "neighbours are bold and tagged: S synonym, H hypernym, h hyponym, D derivationally related, A antonym, "
                + "G gloss word, L a form of the word itself.")
            for (spaceIndex, space) in report.spaces.enumerated() {
                b.element("h3") { b in
                    b.text("Neighbours — ")
                    b.element("code", text: space.name)
                }
                b.element("div", [("class", "table-wrap")]) { b in
                    b.element("table", [("id", "table-neighbours-\(spaceIndex)"), ("class", "neighbours")]) { b in
                        b.element("thead") { b in
                            b.element("tr") { b in
                                b.element("th", [("scope", "col")], text: "word")
                                b.element("th", [("scope", "col")], text: "neighbours (cosine)")
                            }
                        }
                        b.element("tbody") { b in
                            for entry in space.words {
                                b.element("tr", [("data-word", entry.word)]) { b in
                                    b.element("th", [("scope", "row")], text: entry.word)
                                    b.element("td") { b in
                                        for (index, neighbour) in entry.neighbours.enumerated() {
                                            if index > 0 { b.text(", ") }
                                            let relations = index < entry.relations.count ? entry.relations[index] : []
                                            let counted = relations.filter { $0 != .sameLemma }
                                            let text = "\(neighbour.word) \(String(format: "%.2f", Double(neighbour.cosine)))"
                                            if relations.isEmpty {
                                                b.element("span", [("class", "neighbour")], text: text)
                                            } else {
                                                b.element(counted.isEmpty ? "span" : "strong", [("class", "neighbour related")]) { b in
                                                    b.text(text)
                                                    b.element("sup", text: relations.compactMap { codes[$0] }.joined())
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func agreement(_ report: EmbeddingReport, _ b: inout HTMLBuilder) {
        let sections = report.spaces.filter { $0.agreement != nil }
        guard !sections.isEmpty else { return }
        let palette = [ChartPalette.blue, ChartPalette.orange, ChartPalette.green, ChartPalette.purple, ChartPalette.sky,
                       ChartPalette.vermillion, ChartPalette.grey, ChartPalette.black]
        b.element("section", [("id", "agreement")]) { b in
            b.element("h2", text: "WordNet agreement")
            b.element("p", [("class", "muted")], text:
                "Share of each word's \(report.k) nearest neighbours that WordNet relates to it (synonym, hypernym or hyponym "
                + "within two steps, derivational form, antonym or gloss word): how human-like the neighbourhood is. "
                + "The first group is the mean over the words found in the space and in WordNet.")
            var words: [String] = []
            for section in sections {
                for result in section.agreement?.words ?? [] where result.isEvaluated && !words.contains(result.word) {
                    words.append(result.word)
                }
            }
            var groups = [IntervalBarChart.Group(label: "mean", bars: sections.map { .init(value: $0.agreement?.meanPrecisionAny) })]
            for word in words {
                groups.append(.init(label: word, bars: sections.map { section in
                    .init(value: section.agreement?.words.first { $0.word == word }?.precisionAny)
                }))
            }
            b.element("figure") { b in
                b.raw(IntervalBarChart(
                    title: "WordNet agreement of nearest neighbours per value word",
                    description: sections.map { "\($0.name): mean \(ReportText.number($0.agreement?.meanPrecisionAny))" }.joined(separator: "; "),
                    series: sections.enumerated().map { .init(name: $1.name, colour: palette[$0 % palette.count]) },
                    groups: groups, labelWidth: RunReportHTML.labelWidth(groups.map(\.label))
                ).svg(id: "chart-agreement"))
            }
        }
    }

    static func comparison(_ report: EmbeddingReport, _ b: inout HTMLBuilder) {
        guard !report.comparisons.isEmpty else { return }
        let names = report.spaces.map(\.name)
        b.element("section", [("id", "comparison")]) { b in
            b.element("h2", text: "Across spaces")
            b.element("p", [("class", "muted")], text:
                "Jaccard@\(report.k): mean overlap of the words' neighbour sets, searched within the vocabulary both spaces "
                + "share. RSA: Spearman correlation of the value words' cosine-similarity matrices in the two spaces.")
            b.element("figure") { b in
                b.raw(Heatmap(title: "Mean Jaccard@\(report.k) of neighbour sets between spaces",
                              description: report.comparisons.map { "\($0.spaceA) × \($0.spaceB): \(ReportText.number($0.meanJaccard))" }.joined(separator: "; "),
                              rowLabels: names, columnLabels: names, values: report.matrix(\.meanJaccard)).svg(id: "chart-jaccard"))
            }
            b.element("figure") { b in
                b.raw(Heatmap(title: "RSA (Spearman) between spaces",
                              description: report.comparisons.map { "\($0.spaceA) × \($0.spaceB): \(ReportText.number($0.rsaSpearman))" }.joined(separator: "; "),
                              rowLabels: names, columnLabels: names, values: report.matrix(\.rsaSpearman),
                              domain: 0...1).svg(id: "chart-rsa"))
            }
            RunReportHTML.table(&b, id: "table-comparisons",
                                header: ["space A", "space B", "shared words", "compared", "Jaccard@\(report.k)", "RBO", "RSA", "Procrustes fit", "CKA"],
                                numeric: Set(2...8),
                                rows: report.comparisons.map { c in
                                    [c.spaceA, c.spaceB, String(c.sharedVocabulary), "\(c.words.count) of \(c.wordsRequested)",
                                     ReportText.number(c.meanJaccard), ReportText.number(c.meanRBO), ReportText.number(c.rsaSpearman),
                                     ReportText.number(c.procrustes?.fit), ReportText.number(c.linearCKA)]
                                })
        }
    }

    static func projection(_ report: EmbeddingReport, _ b: inout HTMLBuilder) {
        b.element("section", [("id", "projection")]) { b in
            b.element("h2", text: "Projection")
            b.element("p", [("class", "muted")], text:
                "The value words' unit vectors in their first two principal components, per space: words close together are "
                + "similar in that space. Axes are not comparable across spaces.")
            for (spaceIndex, space) in report.spaces.enumerated() {
                guard let projection = space.projection else {
                    b.element("p", text: "\(space.name): fewer than three value words in the space; no projection.")
                    continue
                }
                let points = projection.words.indices.map {
                    ScatterPlot.Point(label: projection.words[$0], x: projection.x[$0], y: projection.y[$0])
                }
                let explained = projection.explainedVariance.map { ChartFormat.percent($0) }
                b.element("figure") { b in
                    b.raw(ScatterPlot(
                        title: "Value words in \(space.name), first two principal components",
                        description: "\(points.count) words; the axes explain \(explained.joined(separator: " and ")) of their variance.",
                        points: points, xLabel: "PC1 (\(explained.first ?? ""))", yLabel: "PC2 (\(explained.last ?? ""))"
                    ).svg(id: "chart-projection-\(spaceIndex)"))
                    b.element("figcaption") { b in
                        b.element("code", text: space.name)
                    }
                }
            }
        }
    }
}
