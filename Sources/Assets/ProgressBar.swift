/// The state of a long task rendered as one terminal line:
/// `label [########........]  45%  450/1000 samples  12.3 samples/s  ETA 45s  detail`.
///
/// A value type with no I/O, so that any module (runs, training, asset fetching, benchmarks) and the CLI can
/// describe progress the same way; ``TerminalProgress`` writes it to standard error. It lives in `Assets`, the
/// lowest module every other ValueProbe module already depends on, because fetching needs it first.
public struct ProgressBar: Sendable, Equatable {
    /// What is counted.
    public enum Unit: Sendable, Equatable {
        /// Things with a name (`samples`, `runs`, `words`); shown as `450/1000 samples`.
        case count(String)
        /// Bytes; shown as `12.3/45.6 MB`.
        case bytes
        /// A fraction of 1 (total 1); only the percentage is shown.
        case fraction
    }

    /// What the task is (`run`, `word2vec`, an asset's name).
    public var label: String
    /// Work done so far.
    public var completed: Double
    /// All the work, nil when unknown (then no bar and no ETA are shown).
    public var total: Double?
    /// What is counted.
    public var unit: Unit
    /// Units per second, when known.
    public var rate: Double?
    /// Seconds left, when known.
    public var etaSeconds: Double?
    /// A short note shown after the figures (a phase, a count of failures).
    public var detail: String

    /// Creates a progress state.
    public init(label: String = "", completed: Double, total: Double?, unit: Unit = .count(""), rate: Double? = nil,
                etaSeconds: Double? = nil, detail: String = "") {
        self.label = label
        self.completed = completed
        self.total = total
        self.unit = unit
        self.rate = rate
        self.etaSeconds = etaSeconds
        self.detail = detail
    }

    /// Fraction done (0…1), nil without a positive total.
    public var fraction: Double? {
        guard let total, total > 0 else { return nil }
        return min(1, max(0, completed / total))
    }

    /// A bar of `cells` cells: `[#####.....]`.
    public func bar(cells: Int) -> String {
        let cells = max(1, cells)
        let filled = min(cells, Int(((fraction ?? 0) * Double(cells)).rounded(.down)))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: cells - filled) + "]"
    }

    /// The figures without the bar: percentage, amount, rate and ETA.
    public var figures: String {
        var parts: [String] = []
        if let fraction { parts.append(Self.percent(fraction)) }
        switch unit {
        case .count(let name):
            let amount = total.map { "\(Self.whole(completed))/\(Self.whole($0))" } ?? Self.whole(completed)
            parts.append(name.isEmpty ? amount : amount + " " + name)
            if let rate, rate.isFinite, rate > 0 {
                parts.append(Self.decimal(rate) + (name.isEmpty ? "/s" : " \(name)/s"))
            }
        case .bytes:
            parts.append(total.map { Self.bytes(completed, scale: $0) + "/" + Self.bytes($0, scale: $0) }
                         ?? Self.bytes(completed, scale: completed))
            if let rate, rate.isFinite, rate > 0 { parts.append(Self.bytes(rate, scale: rate) + "/s") }
        case .fraction:
            break
        }
        if let etaSeconds, let fraction, fraction < 1 { parts.append("ETA " + Self.duration(etaSeconds)) }
        return parts.joined(separator: "  ")
    }

    /// The whole line, cut to at most `width` characters (≥ 20) so that it never wraps.
    public func render(width: Int = 80) -> String {
        let width = max(20, width)
        var parts: [String] = []
        if !label.isEmpty { parts.append(label) }
        if fraction != nil { parts.append(bar(cells: width >= 72 ? 20 : 10)) }
        let figures = self.figures
        if !figures.isEmpty { parts.append(figures) }
        if !detail.isEmpty { parts.append(detail) }
        return Self.cut(parts.joined(separator: "  "), width: max(20, width))
    }

    /// `text` cut to at most `width` characters, ending in `…` when cut.
    public static func cut(_ text: String, width: Int) -> String {
        let width = max(2, width)
        return text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    /// `42s`, `3m05s`, `1h02m`; `?` for a negative or non-finite number.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 1e9 else { return "?" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + twoDigits(s % 60) + "s" }
        return "\(s / 3600)h" + twoDigits((s % 3600) / 60) + "m"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// ` 45%` (rounded down, so that 100% means done).
    static func percent(_ fraction: Double) -> String {
        let p = Int((fraction * 100).rounded(.down))
        return (p < 10 ? "  " : p < 100 ? " " : "") + "\(p)%"
    }

    static func whole(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "?" }
        return String(Int(value.rounded()))
    }

    /// One decimal below 100, none above; no locale.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "?" }
        if value >= 100 { return String(Int(value.rounded())) }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `value` bytes in the unit that suits `scale` (B, kB, MB, GB; powers of 1000).
    static func bytes(_ value: Double, scale: Double) -> String {
        let units: [(Double, String)] = [(1e9, "GB"), (1e6, "MB"), (1e3, "kB")]
        for (size, name) in units where scale >= size { return decimal(value / size) + " " + name }
        return whole(value) + " B"
    }
}
