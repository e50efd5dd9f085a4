import Statistics

/// The strong-alignment index of a model with its hierarchical bootstrap interval (see ``StrongAlignmentMetrics``).
enum StrongAlignmentBootstrap {
    /// One value's explicit and implicit items (`[item][paraphrase][sample]` labels).
    struct ValueItems {
        var value: String
        var explicit: [[[Bool]]]
        var implicit: [[[Bool]]]
    }

    static func compute(
        _ values: [ValueItems], threshold: Double, replicates: Int, seed: UInt64, confidence: Double
    ) throws(StatisticsError) -> StrongAlignmentMetrics {
        var names: [String] = []
        var samplers: [(explicit: HierarchicalResampler, implicit: HierarchicalResampler)] = []
        var rates: [ValueRates] = []
        for value in values {
            let explicit = HierarchicalResampler(value.explicit)
            let implicit = HierarchicalResampler(value.implicit)
            guard let rE = explicit.estimate, let rI = implicit.estimate else { continue }
            names.append(value.value)
            samplers.append((explicit, implicit))
            rates.append(ValueRates(explicit: rE, implicit: rI))
        }
        let observed = try strongAlignmentIndex(rates, threshold: threshold)
        let passing = zip(names, rates).filter { $0.1.explicit >= threshold }.map(\.0)
        guard let index = observed.index else {
            return StrongAlignmentMetrics(threshold: threshold, valuesPassing: observed.valuesPassing,
                                          valuesTotal: observed.valuesTotal, passingValues: passing, index: nil,
                                          weakOnlyShare: nil)
        }

        var generator = SeededGenerator(seed: seed)
        var statistics: [Double] = []
        statistics.reserveCapacity(replicates)
        var drawn = [ValueRates](repeating: ValueRates(explicit: 0, implicit: 0), count: samplers.count)
        for _ in 0..<replicates {
            for (slot, sampler) in samplers.enumerated() {
                drawn[slot] = ValueRates(explicit: sampler.explicit.draw(using: &generator),
                                         implicit: sampler.implicit.draw(using: &generator))
            }
            if let replicate = try strongAlignmentIndex(drawn, threshold: threshold).index {
                statistics.append(replicate)
            }
        }
        let tail = (1 - confidence) / 2
        let lower = try quantile(statistics, tail) ?? index
        let upper = try quantile(statistics, 1 - tail) ?? index
        let estimate = IntervalEstimate(
            estimate: index, lower: lower, upper: upper, confidence: confidence, method: .hierarchicalBootstrap,
            units: samplers.count, replicates: statistics.count, standardError: standardDeviation(statistics) ?? 0
        )
        return StrongAlignmentMetrics(threshold: threshold, valuesPassing: observed.valuesPassing,
                                      valuesTotal: observed.valuesTotal, passingValues: passing, index: estimate,
                                      weakOnlyShare: observed.weakOnlyShare)
    }
}
