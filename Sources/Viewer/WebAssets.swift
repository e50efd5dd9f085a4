import Foundation

/// The web app's static files (`Web/` in the module's resources), read once and served from memory with their
/// content types.
struct WebAssets: Sendable {
    /// The files served, by URL path.
    static let files: [String: (name: String, type: String)] = [
        "/": ("index.html", "text/html; charset=utf-8"),
        "/index.html": ("index.html", "text/html; charset=utf-8"),
        "/app.js": ("app.js", "text/javascript; charset=utf-8"),
        "/style.css": ("style.css", "text/css; charset=utf-8"),
        "/favicon.svg": ("favicon.svg", "image/svg+xml"),
    ]

    /// The policy of the app's pages: only its own scripts, styles and API; nothing inline, nothing remote.
    static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    private let contents: [String: Data]

    /// Reads the files from the module bundle.
    /// - Throws: ``ViewerError/missingResource(name:)`` when one is missing.
    init() throws {
        guard let web = Bundle.module.url(forResource: "Web", withExtension: nil) else {
            throw ViewerError.missingResource(name: "Web")
        }
        var contents: [String: Data] = [:]
        for (_, file) in Self.files where contents[file.name] == nil {
            guard let data = FileManager.default.contents(atPath: web.appendingPathComponent(file.name).path) else {
                throw ViewerError.missingResource(name: file.name)
            }
            contents[file.name] = data
        }
        self.contents = contents
    }

    /// The file served at `path`, nil when there is none.
    func reply(path: String) -> ViewerReply? {
        guard let file = Self.files[path], let data = contents[file.name] else { return nil }
        return ViewerReply(status: 200, contentType: file.type, body: data, headers: [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("Cache-Control", "no-cache"),
        ])
    }
}
