import Assets
import Foundation

/// The frame of a self-contained report page: doctype, metadata, the inline style sheet, a content security
/// policy and the body.
///
/// The policy (`default-src 'none'`) forbids every network request and every script except the page's own
/// inline script, which it allows by its SHA-256 hash: even if untrusted text ever slipped past escaping, an
/// injected `<script>` or event handler would not run, and nothing would be fetched. Styles are inline.
public enum ReportPage {
    /// A whole HTML document.
    /// - Parameters:
    ///   - title: the document title (escaped).
    ///   - body: the body's markup (trusted: built with ``HTMLBuilder``).
    ///   - script: the page's inline script, or nil for none.
    public static func document(title: String, body: String, script: String? = nil) -> String {
        var scriptSource = "'none'"
        if let script {
            scriptSource = "'sha256-\(scriptHash(script))'"
        }
        let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src \(scriptSource); "
            + "base-uri 'none'; form-action 'none'"
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(HTMLEscaping.attribute(policy))\">\n"
        html += "<meta name=\"generator\" content=\"ValueProbe\">\n"
        html += "<title>\(HTMLEscaping.escape(title))</title>\n<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n"
        html += body
        if let script {
            html += "\n<script>\(script)</script>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    /// Base64 of the SHA-256 of `script`'s UTF-8 bytes, as a CSP hash source wants it.
    public static func scriptHash(_ script: String) -> String {
        var hasher = SHA256()
        hasher.update(Array(script.utf8))
        return Data(hasher.finalize()).base64EncodedString()
    }
}
