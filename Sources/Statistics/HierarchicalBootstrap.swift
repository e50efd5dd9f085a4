/// A hierarchical (multi-level) percentile bootstrap of the mean of per-item rates.
///
/// `items[i][z][s]` is the outcome (1/0 for recognised/missed, or any real score) of sample s of paraphrase z of
/// item i. The statistic is the mean over items of the per-item rate r̂ᵢ = (1/Nᵢ)·Σ_{z,s} y_{i,z,s}.
///
/// Each replicate draws, all with replacement: as many items as there are; for each drawn item as many of its
/// paraphrases as it has; for each drawn paraphrase as many of its samples as it has. The replicate statistic is
/// the mean over drawn items of the pooled mean of their drawn samples. Draws use `SeededGenerator(seed:)` and
/// `nextInt(below:)` in exactly that nesting order (replicate, item slot, paraphrase slot, sample slot), so the
/// result is bit-reproducible from `seed` and `replicates`.
///
/// Paraphrases without samples are dropped, and so are items left without samples.
///
/// - Parameters:
///   - replicates: B; the reference methodology asks for at least 2,000.
///   - confidence: coverage of the percentile interval.
/// - Returns: `nil` when no item has a sample.
/// - Throws: `StatisticsError` when `replicates` < 1, `confidence` lies outside (0, 1) or an outcome is not finite.
public func hierarchicalBootstrap(
    _ items: [[[Double]]], replicates: Int = 2000, seed: UInt64, confidence: Double = 0.95
) throws(StatisticsError) -> BootstrapResult? {
    let function = "hierarchicalBootstrap"
    try checkReplicates(replicates, in: function)
    try StatisticsError.checkConfidence(confidence, in: function)

    // Flatten into: values, per paraphrase (start, count), per item (first paraphrase, paraphrase count).
    var values: [Double] = []
    var paraphraseStart: [Int] = []
    var paraphraseCount: [Int] = []
    var itemFirst: [Int] = []
    var itemCount: [Int] = []
    var itemRates: [Double] = []
    for (itemIndex, item) in items.enumerated() {
        let first = paraphraseStart.count
        var itemSum = 0.0
        var itemSamples = 0
        for (paraphraseIndex, paraphrase) in item.enumerated() where !paraphrase.isEmpty {
            if let bad = paraphrase.firstIndex(where: { !$0.isFinite }) {
                throw StatisticsError(
                    function: function,
                    reason: "outcome at item \(itemIndex), paraphrase \(paraphraseIndex), sample \(bad) is not finite"
                )
            }
            paraphraseStart.append(values.count)
            paraphraseCount.append(paraphrase.count)
            values.append(contentsOf: paraphrase)
            for value in paraphrase { itemSum += value }
            itemSamples += paraphrase.count
        }
        guard itemSamples > 0 else { continue }
        itemFirst.append(first)
        itemCount.append(paraphraseStart.count - first)
        itemRates.append(itemSum / Double(itemSamples))
    }
    guard let estimate = mean(itemRates) else { return nil }

    var generator = SeededGenerator(seed: seed)
    let itemTotal = itemRates.count
    var statistics = [Double](repeating: 0, count: replicates)
    values.withUnsafeBufferPointer { values in
        for replicate in 0..<replicates {
            var rateSum = 0.0
            for _ in 0..<itemTotal {
                let item = generator.nextInt(below: itemTotal)
                let first = itemFirst[item]
                let count = itemCount[item]
                var sum = 0.0
                var drawn = 0
                for _ in 0..<count {
                    let paraphrase = first + generator.nextInt(below: count)
                    let start = paraphraseStart[paraphrase]
                    let samples = paraphraseCount[paraphrase]
                    for _ in 0..<samples {
                        sum += values[start + generator.nextInt(below: samples)]
                    }
                    drawn += samples
                }
                rateSum += sum / Double(drawn)
            }
            statistics[replicate] = rateSum / Double(itemTotal)
        }
    }
    return BootstrapResult.summarising(statistics, estimate: estimate, confidence: confidence, seed: seed, units: itemTotal)
}

/// `hierarchicalBootstrap` for binary outcomes (`true` = 1, `false` = 0).
public func hierarchicalBootstrap(
    _ items: [[[Bool]]], replicates: Int = 2000, seed: UInt64, confidence: Double = 0.95
) throws(StatisticsError) -> BootstrapResult? {
    try hierarchicalBootstrap(
        items.map { $0.map { $0.map { $0 ? 1.0 : 0.0 } } }, replicates: replicates, seed: seed, confidence: confidence
    )
}
