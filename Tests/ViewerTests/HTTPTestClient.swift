import Foundation
import Viewer
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A reply read over real HTTP.
struct HTTPReply {
    var status: Int
    var headers: [String: String]
    var body: Data

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw HTTPTestError("body is not a JSON object: \(String(decoding: body.prefix(200), as: UTF8.self))")
        }
        return object
    }

    /// A header, by case-insensitive name.
    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

struct HTTPTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Sends a request with URLSession (no caching) and returns the reply, whatever its status.
func fetch(_ base: URL, _ path: String, method: String = "GET") async throws -> HTTPReply {
    guard let url = URL(string: path, relativeTo: base) else { throw HTTPTestError("bad path \(path)") }
    var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 30)
    request.httpMethod = method
    let configuration = URLSessionConfiguration.ephemeral
    configuration.urlCache = nil
    let session = URLSession(configuration: configuration)
    defer { session.finishTasksAndInvalidate() }
    let (data, response) = try await session.data(for: request)
    guard let http = response as? HTTPURLResponse else { throw HTTPTestError("not an HTTP response") }
    var headers: [String: String] = [:]
    for (key, value) in http.allHeaderFields {
        if let key = key as? String, let value = value as? String { headers[key] = value }
    }
    return HTTPReply(status: http.statusCode, headers: headers, body: data)
}

/// Runs `body` with `server` started on its port, and stops the server afterwards, also when `body` throws.
func withServer(_ server: ViewerServer, _ body: (ViewerServer.Running) async throws -> Void) async throws {
    let running = try await server.start()
    do {
        try await body(running)
    } catch {
        await running.stop()
        throw error
    }
    await running.stop()
}
