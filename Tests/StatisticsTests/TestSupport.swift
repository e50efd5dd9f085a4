/// Whether `value` is present and within `tolerance` of `expected`.
func isClose(_ value: Double?, _ expected: Double, tolerance: Double = 1e-6) -> Bool {
    guard let value else { return false }
    return abs(value - expected) <= tolerance
}
