/// Glob matching over `/`-separated package paths.
///
/// `*` matches any run of characters within one segment, `?` one character other than `/`, and `**` any run of
/// characters including `/`. A pattern that ends in `/` matches everything below that directory.
public enum PathPattern {
    /// Whether `path` matches `pattern`.
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        var p = Array(pattern.unicodeScalars)
        if p.last == "/" { p += ["*", "*"] }
        let s = Array(path.unicodeScalars)
        return match(p, 0, s, 0)
    }

    private static func match(_ p: [Unicode.Scalar], _ pi: Int, _ s: [Unicode.Scalar], _ si: Int) -> Bool {
        var pi = pi, si = si
        while pi < p.count {
            let c = p[pi]
            if c == "*" {
                let crossesSegments = pi + 1 < p.count && p[pi + 1] == "*"
                let next = pi + (crossesSegments ? 2 : 1)
                if next == p.count {
                    return crossesSegments || !s[si...].contains("/")
                }
                var k = si
                while k <= s.count {
                    if match(p, next, s, k) { return true }
                    if k == s.count || (!crossesSegments && s[k] == "/") { break }
                    k += 1
                }
                return false
            }
            guard si < s.count else { return false }
            if c == "?" {
                if s[si] == "/" { return false }
            } else if c != s[si] {
                return false
            }
            pi += 1
            si += 1
        }
        return si == s.count
    }
}
