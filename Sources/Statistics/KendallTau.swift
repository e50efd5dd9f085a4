/// Kendall's τ-b rank correlation, which corrects for ties:
/// τ_b = (n_c − n_d) / √((n₀ − n₁)(n₀ − n₂)), with n₀ = n(n−1)/2, n₁ and n₂ the pairs tied in x and in y.
///
/// Knight's O(n log n) algorithm: sort by (x, y), count ties in x and joint ties, then count the swaps a stable
/// merge sort by y needs (the discordant pairs), and the ties in y.
///
/// - Returns: `nil` when there are fewer than 2 pairs or either variable is constant.
/// - Throws: `StatisticsError` when the arrays differ in length or a value is not finite.
public func kendallTauB(_ x: [Double], _ y: [Double]) throws(StatisticsError) -> Double? {
    try checkPairedValues(x, y, in: "kendallTauB")
    let n = x.count
    guard n >= 2 else { return nil }
    var pairs = zip(x, y).sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }

    let totalPairs = n * (n - 1) / 2
    var tiedX = 0
    var tiedBoth = 0
    var runX = 1
    var runBoth = 1
    for index in 1..<n {
        if pairs[index].0 == pairs[index - 1].0 {
            runX += 1
            if pairs[index].1 == pairs[index - 1].1 { runBoth += 1 } else {
                tiedBoth += runBoth * (runBoth - 1) / 2
                runBoth = 1
            }
        } else {
            tiedX += runX * (runX - 1) / 2
            tiedBoth += runBoth * (runBoth - 1) / 2
            runX = 1
            runBoth = 1
        }
    }
    tiedX += runX * (runX - 1) / 2
    tiedBoth += runBoth * (runBoth - 1) / 2

    var ys = pairs.map(\.1)
    pairs = []
    let swaps = mergeSortCountingSwaps(&ys)

    var tiedY = 0
    var runY = 1
    for index in 1..<n {
        if ys[index] == ys[index - 1] { runY += 1 } else {
            tiedY += runY * (runY - 1) / 2
            runY = 1
        }
    }
    tiedY += runY * (runY - 1) / 2

    let denominatorX = Double(totalPairs - tiedX)
    let denominatorY = Double(totalPairs - tiedY)
    guard denominatorX > 0, denominatorY > 0 else { return nil }
    let numerator = Double(totalPairs - tiedX - tiedY + tiedBoth - 2 * swaps)
    return min(1, max(-1, numerator / (denominatorX * denominatorY).squareRoot()))
}

/// Sorts `values` ascending with a stable bottom-up merge sort and returns the number of inversions
/// (pairs i < j with values[i] > values[j] strictly).
private func mergeSortCountingSwaps(_ values: inout [Double]) -> Int {
    let n = values.count
    var buffer = values
    var swaps = 0
    var width = 1
    while width < n {
        var start = 0
        while start < n {
            let middle = min(start + width, n)
            let end = min(start + 2 * width, n)
            var left = start
            var right = middle
            var out = start
            while left < middle, right < end {
                if values[right] < values[left] {
                    buffer[out] = values[right]
                    swaps += middle - left
                    right += 1
                } else {
                    buffer[out] = values[left]
                    left += 1
                }
                out += 1
            }
            while left < middle { buffer[out] = values[left]; left += 1; out += 1 }
            while right < end { buffer[out] = values[right]; right += 1; out += 1 }
            start = end
        }
        swap(&values, &buffer)
        width *= 2
    }
    return swaps
}
