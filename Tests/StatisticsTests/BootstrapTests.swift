import Statistics
import Testing

@Suite("Bootstrap")
struct BootstrapTests {
    /// 12 items × 3 paraphrases × 5 binary samples with varied rates.
    private let items: [[[Double]]] = (0..<12).map { item in
        (0..<3).map { paraphrase in
            (0..<5).map { sample in Double((item * 7 + paraphrase * 3 + sample * 5) % 4 == 0 ? 1 : 0) }
        }
    }

    @Test("hierarchical: estimate is the mean of per-item rates")
    func hierarchicalEstimate() throws {
        let result = try #require(try hierarchicalBootstrap(items, replicates: 200, seed: 1))
        let rates = items.map { item in item.joined().reduce(0, +) / Double(item.joined().count) }
        #expect(isClose(result.estimate, rates.reduce(0, +) / Double(rates.count), tolerance: 1e-12))
        #expect(result.interval.estimate == result.estimate)
        #expect(result.interval.lower <= result.estimate && result.estimate <= result.interval.upper)
        #expect(result.replicates == 200)
        #expect(result.seed == 1)
        #expect(result.units == 12)
    }

    @Test("hierarchical: same seed gives an identical result, another seed a different one")
    func hierarchicalDeterminism() throws {
        let a = try hierarchicalBootstrap(items, replicates: 500, seed: 42)
        let b = try hierarchicalBootstrap(items, replicates: 500, seed: 42)
        let c = try hierarchicalBootstrap(items, replicates: 500, seed: 43)
        #expect(a == b)
        #expect(a?.interval != c?.interval)
    }

    @Test("hierarchical: a constant gives a zero-width interval at the point")
    func hierarchicalConstant() throws {
        let ones: [[[Bool]]] = Array(repeating: Array(repeating: Array(repeating: true, count: 4), count: 2), count: 6)
        let result = try #require(try hierarchicalBootstrap(ones, replicates: 300, seed: 9))
        #expect(result.estimate == 1)
        #expect(result.interval.lower == 1 && result.interval.upper == 1)
        #expect(result.standardError == 0)
    }

    @Test("hierarchical: one replicate follows the documented draw order")
    func hierarchicalDrawOrder() throws {
        let data: [[[Double]]] = [[[1, 0, 1], [0, 0]], [[1, 1, 0, 1]], [[0], [1], [1, 0]]]
        let seed: UInt64 = 5
        let result = try #require(try hierarchicalBootstrap(data, replicates: 1, seed: seed))
        var generator = SeededGenerator(seed: seed)
        var total = 0.0
        for _ in 0..<data.count {
            let item = data[generator.nextInt(below: data.count)]
            var sum = 0.0
            var drawn = 0
            for _ in 0..<item.count {
                let paraphrase = item[generator.nextInt(below: item.count)]
                for _ in 0..<paraphrase.count { sum += paraphrase[generator.nextInt(below: paraphrase.count)] }
                drawn += paraphrase.count
            }
            total += sum / Double(drawn)
        }
        let replicate = total / Double(data.count)
        #expect(result.interval.lower == replicate)
        #expect(result.interval.upper == replicate)
    }

    @Test("hierarchical: standard errors match the analytic values at each level")
    func hierarchicalCoverage() throws {
        // Item level only (one sample per item): SE ≈ √(p(1 − p)/n) for n items, p = 0.3.
        let itemsOnly: [[[Double]]] = (0..<200).map { [[$0 < 60 ? 1 : 0]] }
        let itemLevel = try #require(try hierarchicalBootstrap(itemsOnly, replicates: 2000, seed: 11))
        let expected = (0.3 * 0.7 / 200).squareRoot()
        #expect(abs(itemLevel.standardError - expected) / expected < 0.1)
        // Sample level only (one item, one paraphrase, 100 samples): SE ≈ √(p(1 − p)/100).
        let samplesOnly: [[[Double]]] = [[(0..<100).map { $0 < 30 ? 1 : 0 }]]
        let sampleLevel = try #require(try hierarchicalBootstrap(samplesOnly, replicates: 2000, seed: 12))
        let expectedWithin = (0.3 * 0.7 / 100).squareRoot()
        #expect(abs(sampleLevel.standardError - expectedWithin) / expectedWithin < 0.1)
        // A 95 % percentile interval spans about ±1.96 SE.
        #expect(abs(sampleLevel.interval.width - 2 * 1.96 * expectedWithin) / (2 * 1.96 * expectedWithin) < 0.15)
    }

    @Test("hierarchical: empty levels, invalid arguments")
    func hierarchicalEdges() throws {
        #expect(try hierarchicalBootstrap([[[Double]]](), seed: 1) == nil)
        #expect(try hierarchicalBootstrap([[[]], [[], []]] as [[[Double]]], seed: 1) == nil)
        // Empty paraphrases and items are dropped, not counted as zeros.
        let sparse = try #require(try hierarchicalBootstrap([[[1, 1], []], [[]], [[0, 1]]], replicates: 10, seed: 1))
        #expect(sparse.units == 2)
        #expect(isClose(sparse.estimate, 0.75, tolerance: 1e-15))
        #expect(throws: StatisticsError.self) { try hierarchicalBootstrap(items, replicates: 0, seed: 1) }
        #expect(throws: StatisticsError.self) { try hierarchicalBootstrap(items, seed: 1, confidence: 1.5) }
        #expect(throws: StatisticsError.self) { try hierarchicalBootstrap([[[1, .nan]]], seed: 1) }
    }

    @Test("paired clusters: estimate, determinism and pairs kept together")
    func pairedClusters() throws {
        // Implicit rates spread widely across pairs; explicit = implicit + 0.2 within each pair.
        let clusters = (0..<30).map { index -> PairedCluster in
            let implicit = Double(index % 6) / 10
            return PairedCluster(first: implicit + 0.2, second: implicit)
        }
        let result = try #require(try pairedClusterBootstrap(clusters, replicates: 1000, seed: 3))
        #expect(isClose(result.estimate, 0.2, tolerance: 1e-12))
        // Every resample keeps each pair together, so every replicate gap is 0.2: a degenerate interval.
        #expect(isClose(result.interval.lower, 0.2, tolerance: 1e-12))
        #expect(isClose(result.interval.upper, 0.2, tolerance: 1e-12))
        #expect(result.units == 30 && result.replicates == 1000 && result.seed == 3)

        let noisy: [PairedCluster] = (0..<40).map { (index: Int) -> PairedCluster in
            let first: [Double] = [Double(index % 5) / 4, Double(index % 3) / 2]
            let second: [Double] = [Double(index % 7) / 6]
            return PairedCluster(first: first, second: second)
        }
        let a = try pairedClusterBootstrap(noisy, replicates: 500, seed: 8)
        let b = try pairedClusterBootstrap(noisy, replicates: 500, seed: 8)
        let c = try pairedClusterBootstrap(noisy, replicates: 500, seed: 9)
        #expect(a == b)
        #expect(a?.interval != c?.interval)
        let unwrapped = try #require(a)
        #expect(unwrapped.interval.lower < unwrapped.estimate && unwrapped.estimate < unwrapped.interval.upper)
        // Δ pools values over clusters: mean(first) − mean(second).
        let first: [Double] = noisy.flatMap { $0.first }
        let second: [Double] = noisy.flatMap { $0.second }
        let meanFirst = first.reduce(0, +) / Double(first.count)
        let meanSecond = second.reduce(0, +) / Double(second.count)
        let expected = meanFirst - meanSecond
        #expect(isClose(unwrapped.estimate, expected, tolerance: 1e-12))
    }

    @Test("paired clusters: edge cases")
    func pairedEdges() throws {
        #expect(try pairedClusterBootstrap([], seed: 1) == nil)
        #expect(try pairedClusterBootstrap([PairedCluster(first: [1], second: [])], seed: 1) == nil)
        #expect(throws: StatisticsError.self) { try pairedClusterBootstrap([PairedCluster(first: 1, second: 0)], replicates: -5, seed: 1) }
        #expect(throws: StatisticsError.self) { try pairedClusterBootstrap([PairedCluster(first: .infinity, second: 0)], seed: 1) }
    }
}
