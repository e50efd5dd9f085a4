import Probes

/// The judged samples of one item for one model, grouped by paraphrase and ordered by sample index.
struct ItemObservations {
    let item: ProbeItem
    let family: ProbeFamily
    /// Samples per verdict category.
    private(set) var counts = CategoryCounts()
    /// Per paraphrase (ascending), the recognised/missed labels in sample order; paraphrases without labels are kept
    /// with an empty list.
    private(set) var variants: [(variant: Int, labels: [Bool])] = []

    init(item: ProbeItem, family: ProbeFamily, samples: [JudgedSample]) {
        self.item = item
        self.family = family
        var byVariant: [Int: [(index: Int, label: Bool?)]] = [:]
        for sample in samples {
            let category = sample.verdict?.category
            counts.add(category)
            byVariant[sample.sample.variant, default: []].append((sample.sample.sampleIndex, sample.verdict?.label))
        }
        variants = byVariant.keys.sorted().map { variant in
            let ordered = (byVariant[variant] ?? []).sorted { $0.index < $1.index }
            return (variant, ordered.compactMap(\.label))
        }
    }

    /// Labels per paraphrase, paraphrases without labels left out: the input of the hierarchical bootstrap.
    var nested: [[Bool]] { variants.map(\.labels).filter { !$0.isEmpty } }
    /// Every label of the item, paraphrase after paraphrase.
    var labels: [Bool] { variants.flatMap(\.labels) }
    var labelled: Int { counts.labelled }
    var recognised: Int { counts.recognised }

    /// recognised / labelled pooled over paraphrases, nil without labels.
    var rate: Double? { labelled > 0 ? Double(recognised) / Double(labelled) : nil }

    /// True above ½, false below, nil at exactly ½ or without labels.
    var majority: Bool? { RunMetrics.majority(of: rate) }

    /// Majority label of each paraphrase that has labels (nil on a tie).
    var variantMajorities: [Bool?] {
        variants.filter { !$0.labels.isEmpty }.map { variant in
            RunMetrics.majority(of: Double(variant.labels.filter { $0 }.count) / Double(variant.labels.count))
        }
    }

    /// Group exact match over the paraphrases: true when every labelled paraphrase's majority is "recognised",
    /// false as soon as one paraphrase's majority is "missed", nil when only ties stand in the way or without labels.
    var groupExactMatch: Bool? {
        let majorities = variantMajorities
        if majorities.isEmpty { return nil }
        if majorities.contains(false) { return false }
        if majorities.contains(nil) { return nil }
        return true
    }
}
