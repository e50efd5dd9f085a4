import Statistics
import Testing

@Suite("Correlation and ranks")
struct CorrelationTests {
    /// τ-b by the O(n²) definition: count concordant, discordant and tied pairs directly.
    private func bruteForceTauB(_ x: [Double], _ y: [Double]) -> Double? {
        var concordant = 0, discordant = 0, tiedXOnly = 0, tiedYOnly = 0
        for i in 0..<x.count {
            for j in (i + 1)..<x.count {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                if dx == 0 && dy == 0 { continue }
                if dx == 0 { tiedXOnly += 1 } else if dy == 0 { tiedYOnly += 1 } else if (dx > 0) == (dy > 0) {
                    concordant += 1
                } else { discordant += 1 }
            }
        }
        let denominator = (Double(concordant + discordant + tiedXOnly) * Double(concordant + discordant + tiedYOnly)).squareRoot()
        return denominator > 0 ? Double(concordant - discordant) / denominator : nil
    }

    @Test("average ranks share tied positions")
    func ranks() {
        #expect(averageRanks([10, 20, 20, 5, 20]) == [2, 4, 4, 1, 4])
        #expect(averageRanks([]) == [])
        #expect(averageRanks([3, 3]) == [1.5, 1.5])
    }

    @Test("Spearman ρ with ties, worked by hand")
    func spearmanByHand() throws {
        // Ranks x: 1, 2.5, 2.5, 4; y: 1, 3, 2, 4. Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → ρ = 4.5/√22.5 = 3/√10.
        let rho = try spearmanCorrelation([1, 2, 2, 3], [1, 3, 2, 4])
        #expect(isClose(rho, 3 / 10.0.squareRoot(), tolerance: 1e-14))
        // SciPy 1.17 spearmanr on a longer tied example.
        let x: [Double] = [1, 2, 2, 3, 4, 4, 4, 5]
        let y: [Double] = [2, 1, 3, 3, 5, 4, 6, 6]
        #expect(isClose(try spearmanCorrelation(x, y), 0.9007775105401477, tolerance: 1e-12))
        #expect(isClose(try spearmanCorrelation([1, 2, 3], [9, 4, 1]), -1, tolerance: 1e-15))
    }

    @Test("Pearson r, worked by hand")
    func pearsonByHand() throws {
        // x̄ = 2, ȳ = 13/3; Σdxdy = 5, Σdx² = 2, Σdy² = 114/9 → r = 15/√228.
        #expect(isClose(try pearsonCorrelation([1, 2, 3], [2, 4, 7]), 15 / 228.0.squareRoot(), tolerance: 1e-14))
        #expect(isClose(try pearsonCorrelation([1, 2, 2, 3, 4, 4, 4, 5], [2, 1, 3, 3, 5, 4, 6, 6]), 0.8767227853705734, tolerance: 1e-12))
    }

    @Test("Kendall τ-b: hand example, SciPy reference, brute force on random tied data")
    func kendall() throws {
        // Pairs (1,1), (2,3), (2,2), (3,4): 5 concordant, 0 discordant, one pair tied in x → 5/√(5·6).
        #expect(isClose(try kendallTauB([1, 2, 2, 3], [1, 3, 2, 4]), 5 / 30.0.squareRoot(), tolerance: 1e-14))
        // SciPy 1.17 kendalltau (τ-b).
        #expect(isClose(try kendallTauB([1, 2, 2, 3, 4, 4, 4, 5], [2, 1, 3, 3, 5, 4, 6, 6]), 0.8006407690254358, tolerance: 1e-12))
        var generator = SeededGenerator(seed: 77)
        for trial in 0..<30 {
            let n = 2 + generator.nextInt(below: 60)
            let levels = 1 + generator.nextInt(below: 8)
            let x = (0..<n).map { _ in Double(generator.nextInt(below: levels)) }
            let y = (0..<n).map { _ in Double(generator.nextInt(below: 5)) }
            let fast = try kendallTauB(x, y)
            let slow = bruteForceTauB(x, y)
            if let slow {
                #expect(isClose(fast, slow, tolerance: 1e-12), "trial \(trial)")
            } else {
                #expect(fast == nil, "trial \(trial)")
            }
        }
    }

    @Test("undefined correlations return nil; bad input throws")
    func edges() throws {
        #expect(try spearmanCorrelation([1, 1, 1], [1, 2, 3]) == nil)
        #expect(try spearmanCorrelation([4, 4], [4, 4]) == nil)
        #expect(try pearsonCorrelation([0.1, 0.1, 0.1], [1, 2, 3]) == nil)
        #expect(try kendallTauB([1, 2, 3], [5, 5, 5]) == nil)
        #expect(try pearsonCorrelation([1], [2]) == nil)
        #expect(try spearmanCorrelation([], []) == nil)
        #expect(try kendallTauB([], []) == nil)
        #expect(throws: StatisticsError.self) { try pearsonCorrelation([1, 2], [1]) }
        #expect(throws: StatisticsError.self) { try spearmanCorrelation([1, .nan], [1, 2]) }
        #expect(throws: StatisticsError.self) { try kendallTauB([1, 2], [1, .infinity]) }
    }
}
