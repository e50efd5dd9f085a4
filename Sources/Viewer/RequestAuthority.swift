/// The one host a request names, as RFC 9112 (§3.2) defines it, for the viewer's loopback check.
///
/// An HTTP/1.1 request names its target's host once: in its only `Host` field, or — when the target is in absolute
/// form (`GET http://host/path`) — in the target itself, which then takes precedence over `Host`. A request with
/// two or more `Host` fields names none (RFC 9112 requires a 400 for it), and neither does one whose absolute-form
/// target has no host; so the check cannot be passed by a loopback `Host` next to another host.
enum RequestAuthority {
    /// The authority named by a request with `target` and these `Host` field values, nil when it names none (or
    /// more than one).
    static func of(target: String, hostFields: [String]) -> String? {
        guard hostFields.count <= 1 else { return nil }
        if let authority = absoluteFormAuthority(target) { return authority.isEmpty ? nil : authority }
        return hostFields.first
    }

    /// The authority of an absolute-form target (`scheme://authority/path?query`), "" when it has none, nil when
    /// the target is not in absolute form (origin form `/path`, asterisk form `*`).
    static func absoluteFormAuthority(_ target: String) -> String? {
        guard !target.hasPrefix("/"), target != "*", let separator = target.range(of: "://") else { return nil }
        let scheme = target[..<separator.lowerBound]
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        let rest = target[separator.upperBound...]
        return String(rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
    }
}
