/// A percentile bootstrap of Krippendorff's α (nominal) over units: each replicate draws as many units (columns
/// of `data`) as there are, with replacement, using `SeededGenerator(seed:)` and `nextInt(below:)`, and recomputes
/// ``krippendorffAlpha(labels:)`` on them. Replicates where α is undefined (every pairable label equal) are left
/// out; `replicates` in the result counts the replicates used.
///
/// `data[j][u]` is coder j's label for unit u, or `nil` when missing.
///
/// - Returns: `nil` when α is undefined on the data itself.
/// - Throws: `StatisticsError` when the coders' rows differ in length, `replicates` < 1 or `confidence` lies
///   outside (0, 1).
public func krippendorffAlphaBootstrap<Label: Hashable>(
    labels data: [[Label?]], replicates: Int = 2000, seed: UInt64, confidence: Double = 0.95
) throws(StatisticsError) -> BootstrapResult? {
    let function = "krippendorffAlphaBootstrap"
    let unitCount = data.first?.count ?? 0
    guard data.allSatisfy({ $0.count == unitCount }) else {
        throw StatisticsError(function: function, reason: "coders rate different numbers of units")
    }
    // A failure inside a replicate cannot happen once the rows have one length; nil leaves the replicate out.
    return try unitBootstrap(units: unitCount, replicates: replicates, seed: seed, confidence: confidence) { drawn in
        (try? krippendorffAlpha(labels: data.map { row in drawn.map { row[$0] } })) ?? nil
    }
}
