import Foundation
import Statistics
import Testing

@Suite("Logistic regression")
struct LogisticRegressionTests {
    /// x = 0: 1 positive, 3 negatives; x = 1: 3 positives, 1 negative. The unpenalised maximum-likelihood fit
    /// reproduces the observed shares exactly: P(y | x=0) = 1/4, P(y | x=1) = 3/4.
    static let rows: [[Double]] = [[0], [0], [0], [0], [1], [1], [1], [1]]
    static let labels = [true, false, false, false, true, true, true, false]

    @Test("without a penalty the fit matches the observed shares (worked by hand)")
    func maximumLikelihood() throws {
        let model = try LogisticRegression.fit(features: Self.rows, labels: Self.labels, l2: 0)
        #expect(isClose(model.probability([0]), 0.25, tolerance: 1e-9))
        #expect(isClose(model.probability([1]), 0.75, tolerance: 1e-9))
        // On the original scale the slope is log 3 − log(1/3) = 2 log 3; standardised x has sd 0.5.
        #expect(isClose(model.weights[0] / model.scales[0], 2 * log(3), tolerance: 1e-8))
        #expect(isClose(model.means[0], 0.5) && isClose(model.scales[0], 0.5))
    }

    @Test("a larger L2 penalty shrinks the coefficient towards zero, never past it")
    func penaltyShrinks() throws {
        var previous = Double.infinity
        for l2 in [0.0, 0.5, 2, 10, 100] {
            let w = try LogisticRegression.fit(features: Self.rows, labels: Self.labels, l2: l2).weights[0]
            #expect(w > 0 && w < previous, "λ = \(l2): w = \(w)")
            previous = w
        }
    }

    @Test("balanced weighting gives both classes the same total weight")
    func balancedWeights() throws {
        // An uninformative (constant) feature: the fit is the intercept alone.
        let rows: [[Double]] = [[1], [1], [1], [1]]
        let labels = [true, false, false, false]
        let plain = try LogisticRegression.fit(features: rows, labels: labels, l2: 1)
        let balanced = try LogisticRegression.fit(features: rows, labels: labels, l2: 1, balanced: true)
        #expect(isClose(plain.probability([1]), 0.25, tolerance: 1e-9))
        #expect(isClose(balanced.probability([1]), 0.5, tolerance: 1e-9))
        #expect(plain.scales == [1])  // a constant column is left unscaled
    }

    @Test("two informative features: the fit separates the classes and is the same bit for bit when repeated")
    func twoFeaturesDeterministic() throws {
        var generator = SeededGenerator(seed: 42)
        var rows: [[Double]] = []
        var labels: [Bool] = []
        for _ in 0..<200 {
            let a = Double.random(in: -2...2, using: &generator)
            let b = Double.random(in: -2...2, using: &generator)
            let noise = Double.random(in: -0.5...0.5, using: &generator)
            rows.append([a, b, 3.0])
            labels.append(2 * a - b + noise > 0)
        }
        let first = try LogisticRegression.fit(features: rows, labels: labels, l2: 0.1)
        let second = try LogisticRegression.fit(features: rows, labels: labels, l2: 0.1)
        #expect(first == second)
        #expect(first.weights[0] > 0 && first.weights[1] < 0)
        #expect(abs(first.weights[2]) < 1e-9)  // the constant column carries nothing
        let correct = zip(rows, labels).filter { (first.probability($0) > 0.5) == $1 }.count
        #expect(correct >= 190)
        // Contributions add up to the logit.
        let x = rows[0]
        #expect(isClose(first.contributions(x).reduce(first.bias, +), first.logit(x), tolerance: 1e-12))
    }

    @Test("rounding keeps the requested significant digits")
    func rounding() {
        let model = LogisticModel(weights: [1.23456789, -0.000987654], bias: 12345.678, means: [0, 0.5], scales: [1, 2])
        let rounded = model.rounded(significantDigits: 4)
        #expect(rounded.weights == [1.235, -0.0009877])
        #expect(rounded.bias == 12350)
        #expect(rounded.means == [0, 0.5])
    }

    @Test("bad input is rejected with a one-line reason")
    func badInput() {
        #expect(throws: StatisticsError.self) { try LogisticRegression.fit(features: [], labels: [], l2: 1) }
        #expect(throws: StatisticsError.self) { try LogisticRegression.fit(features: [[1], [1, 2]], labels: [true, false], l2: 1) }
        #expect(throws: StatisticsError.self) { try LogisticRegression.fit(features: [[1]], labels: [true, false], l2: 1) }
        #expect(throws: StatisticsError.self) { try LogisticRegression.fit(features: [[1]], labels: [true], l2: -1) }
        #expect(throws: StatisticsError.self) { try LogisticRegression.fit(features: [[.nan]], labels: [true], l2: 1) }
    }

    @Test("the sigmoid saturates without overflow")
    func sigmoid() {
        #expect(logisticSigmoid(0) == 0.5)
        #expect(logisticSigmoid(1000) == 1 && logisticSigmoid(-1000) == 0)
        #expect(isClose(logisticSigmoid(log(3)), 0.75, tolerance: 1e-15))
    }
}
