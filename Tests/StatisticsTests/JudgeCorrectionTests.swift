import Statistics
import Testing

@Suite("Rogan–Gladen with a joint bootstrap; prediction-powered means")
struct JudgeCorrectionTests {
    /// 10 clusters of 5 calls each, 30 positive calls in all: p̂ = 0.6.
    static let clusters: [[Bool]] = (0..<10).map { c in (0..<5).map { s in (c * 5 + s) % 5 < 3 } }

    @Test("the point estimate is (p̂ + Sp − 1)/(Se + Sp − 1), clipped (metrics.md §11 golden)")
    func pointEstimate() throws {
        let result = try #require(try roganGladenBootstrap(
            clusters: Self.clusters, positiveHits: 9, positives: 10, negativeHits: 8, negatives: 10,
            replicates: 500, seed: 1))
        #expect(isClose(result.observed, 0.6))
        #expect(isClose(result.sensitivity, 0.9) && isClose(result.specificity, 0.8))
        #expect(isClose(result.estimate, 0.571429))
        let interval = try #require(result.interval)
        #expect(interval.lower <= 0.571429 && 0.571429 <= interval.upper)
        #expect(interval.lower < interval.upper)
        #expect(result.clusters == 10 && result.units == 50)
        #expect(result.labelledPositives == 10 && result.labelledNegatives == 10)
        #expect(isClose(try roganGladen(observed: 0.1, sensitivity: 0.9, specificity: 0.8), 0))
        #expect(isClose(try roganGladen(observed: 0.99, sensitivity: 0.9, specificity: 0.95), 1))
    }

    @Test("undefined, with no number, when Se + Sp ≤ 1")
    func undefined() throws {
        let result = try #require(try roganGladenBootstrap(
            clusters: Self.clusters, positiveHits: 5, positives: 10, negativeHits: 4, negatives: 10,
            replicates: 200, seed: 1))
        #expect(result.estimate == nil)
        #expect(result.interval == nil)
        #expect(try roganGladen(observed: 0.5, sensitivity: 0.5, specificity: 0.5) == nil)
        // Nothing to correct without labelled rows of both classes, or without run samples.
        #expect(try roganGladenBootstrap(clusters: Self.clusters, positiveHits: 0, positives: 0, negativeHits: 3,
                                         negatives: 3, seed: 1) == nil)
        #expect(try roganGladenBootstrap(clusters: [], positiveHits: 3, positives: 3, negativeHits: 3,
                                         negatives: 3, seed: 1) == nil)
    }

    @Test("a perfect judge on identical clusters leaves no uncertainty; a worse judge widens the interval")
    func widening() throws {
        let identical: [[Bool]] = Array(repeating: [true, false], count: 20)
        let perfect = try #require(try roganGladenBootstrap(
            clusters: identical, positiveHits: 40, positives: 40, negativeHits: 40, negatives: 40,
            replicates: 300, seed: 7))
        #expect(perfect.interval?.lower == 0.5 && perfect.interval?.upper == 0.5)
        #expect(perfect.undefinedReplicates == 0)

        func width(hits: Int) throws -> Double {
            let result = try #require(try roganGladenBootstrap(
                clusters: Self.clusters, positiveHits: hits, positives: 40, negativeHits: hits, negatives: 40,
                replicates: 2000, seed: 3))
            let interval = try #require(result.interval)
            return interval.upper - interval.lower
        }
        #expect(try width(hits: 38) < width(hits: 30))
    }

    @Test("a judge near chance gives the uninformative interval [0, 1]")
    func nearChance() throws {
        let result = try #require(try roganGladenBootstrap(
            clusters: Self.clusters, positiveHits: 6, positives: 10, negativeHits: 5, negatives: 10,
            replicates: 1000, seed: 2))
        #expect(result.estimate != nil)
        #expect(result.undefinedReplicates > 25)
        #expect(result.interval?.lower == 0 && result.interval?.upper == 1)
    }

    @Test("the same seed gives the same interval; bad counts are rejected")
    func reproducible() throws {
        let a = try roganGladenBootstrap(clusters: Self.clusters, positiveHits: 9, positives: 12, negativeHits: 10,
                                         negatives: 11, replicates: 400, seed: 42)
        let b = try roganGladenBootstrap(clusters: Self.clusters, positiveHits: 9, positives: 12, negativeHits: 10,
                                         negatives: 11, replicates: 400, seed: 42)
        #expect(a == b)
        #expect(throws: StatisticsError.self) {
            try roganGladenBootstrap(clusters: Self.clusters, positiveHits: 11, positives: 10, negativeHits: 1,
                                     negatives: 2, seed: 0)
        }
    }

    // The data of scripts/peers/ppi-reference.py.
    static let labels: [Double] = [1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1]
    static let predictions: [Double] = [1, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 1]
    static let unlabelled: [Double] = [1, 0, 1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 0, 1, 1,
                                       0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1]

    @Test("PPI and PPI++ match ppi-python 0.2.3 (scripts/peers/ppi-reference.py) within 1e-9")
    func predictionPowered() throws {
        // Expected values printed by scripts/peers/ppi-reference.py with ppi-python 0.2.3 (12 decimals; the
        // formulas are closed-form, so only rounding of the printed digits separates the two).
        let plain = try #require(try predictionPoweredMean(
            labels: Self.labels, predictions: Self.predictions, unlabelledPredictions: Self.unlabelled, lambda: 1))
        #expect(isClose(plain.estimate, 0.666666666667, tolerance: 1e-9))
        #expect(isClose(plain.interval.lower, 0.380644210808, tolerance: 1e-9))
        #expect(isClose(plain.interval.upper, 0.952689122526, tolerance: 1e-9))
        #expect(!plain.powerTuned && plain.lambda == 1)

        let tuned = try #require(try predictionPoweredMean(
            labels: Self.labels, predictions: Self.predictions, unlabelledPredictions: Self.unlabelled))
        #expect(isClose(tuned.lambda, 0.485082304527, tolerance: 1e-9))
        #expect(isClose(tuned.estimate, 0.623756858711, tolerance: 1e-9))
        #expect(isClose(tuned.interval.lower, 0.393091743486, tolerance: 1e-9))
        #expect(isClose(tuned.interval.upper, 0.854421973935, tolerance: 1e-9))
        #expect(tuned.powerTuned && tuned.labelled == 12 && tuned.unlabelled == 30)
    }

    @Test("PPI with λ = 0 is the labelled rows' own mean; constant predictions give λ = 0; too little data gives nil")
    func predictionPoweredEdges() throws {
        let classical = try #require(try predictionPoweredMean(
            labels: Self.labels, predictions: Self.predictions, unlabelledPredictions: Self.unlabelled, lambda: 0))
        #expect(isClose(classical.estimate, 7.0 / 12.0, tolerance: 1e-12))
        let constant = try #require(try predictionPoweredMean(
            labels: [1, 0, 1, 1], predictions: [1, 1, 1, 1], unlabelledPredictions: [1, 1, 1]))
        #expect(constant.lambda == 0 && isClose(constant.estimate, 0.75, tolerance: 1e-12))
        #expect(try predictionPoweredMean(labels: [1], predictions: [1], unlabelledPredictions: [1, 0]) == nil)
        #expect(try predictionPoweredMean(labels: [1, 0], predictions: [1, 0], unlabelledPredictions: []) == nil)
        #expect(throws: StatisticsError.self) {
            try predictionPoweredMean(labels: [1, 0], predictions: [1], unlabelledPredictions: [1])
        }
    }

    @Test("a bootstrap over units: estimate on all units, reproducible percentiles, undefined replicates left out")
    func unitBootstrapBehaviour() throws {
        let values: [Double] = [0, 1, 1, 0, 1, 1, 1, 0, 1, 1]
        func meanOf(_ indices: [Int]) -> Double? { indices.map { values[$0] }.reduce(0, +) / Double(indices.count) }
        let result = try #require(try unitBootstrap(units: values.count, replicates: 1000, seed: 5, statistic: meanOf))
        #expect(isClose(result.estimate, 0.7, tolerance: 1e-12))
        #expect(result.interval.lower < 0.7 && 0.7 < result.interval.upper)
        #expect(result.replicates == 1000 && result.units == 10)
        #expect(try unitBootstrap(units: values.count, replicates: 1000, seed: 5, statistic: meanOf) == result)
        // Constant data: no spread.
        let flat = try #require(try unitBootstrap(units: 5, replicates: 200, seed: 1) { _ in 0.25 })
        #expect(flat.interval.lower == 0.25 && flat.interval.upper == 0.25 && flat.standardError == 0)
        // A statistic undefined on some resamples (here: when unit 0 is not drawn) counts only the defined ones.
        let partial = try #require(try unitBootstrap(units: 4, replicates: 400, seed: 9) { $0.contains(0) ? 1 : nil })
        #expect(partial.replicates < 400 && partial.replicates > 0)
        #expect(try unitBootstrap(units: 0, seed: 1) { _ in 1 } == nil)
        #expect(try unitBootstrap(units: 3, seed: 1) { _ in nil } == nil)
        #expect(throws: StatisticsError.self) { try unitBootstrap(units: 3, replicates: 0, seed: 1) { _ in 1 } }
    }
}

@Suite("Rogan–Gladen joint bootstrap: coverage by simulation")
struct RoganGladenCoverageTests {
    /// One simulated run of a judged mode: 24 items whose true recognition probabilities are drawn from a fixed
    /// population (mean 0.31), 10 answers each, called by a judge with Se 0.73 and Sp 0.92 (the semantic judge's
    /// held-out implicit figures), whose Se and Sp are estimated from 41 recognised and 53 missed labelled rows.
    /// Returns whether the 95 % corrected interval holds the population rate.
    static func covers(_ generator: inout SeededGenerator, seed: UInt64) throws -> Bool {
        let population = [0.05, 0.15, 0.3, 0.45, 0.6]
        let truth = population.reduce(0, +) / Double(population.count)
        let (sensitivity, specificity) = (0.73, 0.92)
        var clusters: [[Bool]] = []
        for _ in 0..<24 {
            let p = population[generator.nextInt(below: population.count)]
            clusters.append((0..<10).map { _ in
                let recognised = generator.nextDouble() < p
                return recognised ? generator.nextDouble() < sensitivity : generator.nextDouble() >= specificity
            })
        }
        let positiveHits = (0..<41).filter { _ in generator.nextDouble() < sensitivity }.count
        let negativeHits = (0..<53).filter { _ in generator.nextDouble() < specificity }.count
        let result = try #require(try roganGladenBootstrap(clusters: clusters, positiveHits: positiveHits, positives: 41,
                                                           negativeHits: negativeHits, negatives: 53,
                                                           replicates: 400, seed: seed))
        let interval = try #require(result.interval)
        return interval.lower <= truth && truth <= interval.upper
    }

    @Test("the corrected interval covers the true rate about 95 % of the time (≥ 0.89 over 300 runs)")
    func coverage() throws {
        var generator = SeededGenerator(seed: 20261208)
        var corrected = 0
        for index in 0..<300 where try Self.covers(&generator, seed: UInt64(index)) { corrected += 1 }
        // scripts/simulate-correction.py gives 0.93–0.94 for this design; 0.89 is about 3.5 standard errors below.
        #expect(Double(corrected) / 300 >= 0.89, "coverage \(Double(corrected) / 300)")
        #expect(Double(corrected) / 300 <= 0.99, "coverage \(Double(corrected) / 300)")
    }
}
