import Statistics

/// Draws one hierarchical bootstrap replicate of a mean of item rates (items → paraphrases → samples, all with
/// replacement), for statistics built from several such means (the strong-alignment index). Single means use
/// ``hierarchicalBootstrap(_:replicates:seed:confidence:)`` of the Statistics module, which resamples the same way.
struct HierarchicalResampler {
    private var values: [Double] = []
    private var paraphraseStart: [Int] = []
    private var paraphraseCount: [Int] = []
    private var itemFirst: [Int] = []
    private var itemCount: [Int] = []
    private var itemRates: [Double] = []

    /// `items[i][z][s]`: sample s of paraphrase z of item i; empty paraphrases and items are dropped.
    init(_ items: [[[Bool]]]) {
        for item in items {
            let first = paraphraseStart.count
            var sum = 0.0
            var samples = 0
            for paraphrase in item where !paraphrase.isEmpty {
                paraphraseStart.append(values.count)
                paraphraseCount.append(paraphrase.count)
                for label in paraphrase {
                    values.append(label ? 1 : 0)
                    sum += label ? 1 : 0
                }
                samples += paraphrase.count
            }
            guard samples > 0 else { continue }
            itemFirst.append(first)
            itemCount.append(paraphraseStart.count - first)
            itemRates.append(sum / Double(samples))
        }
    }

    /// Whether there is no labelled item.
    var isEmpty: Bool { itemRates.isEmpty }

    /// The mean of the observed item rates.
    var estimate: Double? { mean(itemRates) }

    /// One replicate of the mean of item rates.
    func draw(using generator: inout SeededGenerator) -> Double {
        let items = itemRates.count
        guard items > 0 else { return 0 }
        var rateSum = 0.0
        for _ in 0..<items {
            let item = generator.nextInt(below: items)
            let first = itemFirst[item]
            let count = itemCount[item]
            var sum = 0.0
            var drawn = 0
            for _ in 0..<count {
                let paraphrase = first + generator.nextInt(below: count)
                let start = paraphraseStart[paraphrase]
                let samples = paraphraseCount[paraphrase]
                for _ in 0..<samples { sum += values[start + generator.nextInt(below: samples)] }
                drawn += samples
            }
            rateSum += sum / Double(drawn)
        }
        return rateSum / Double(items)
    }
}
