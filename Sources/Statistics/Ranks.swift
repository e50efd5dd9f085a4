/// Ranks 1…n of the values, ties receiving the average of the ranks they span (the "average" method), in the
/// order of the input. NaN values are not allowed by the callers of this function.
public func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
        var end = start + 1
        while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
        // Positions start..<end (0-based) share the ranks start+1 … end.
        let rank = Double(start + 1 + end) / 2
        for position in start..<end { ranks[order[position]] = rank }
        start = end
    }
    return ranks
}
