#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// What the test server does with the request at one index of its script.
enum ServerAction: Sendable {
    /// A complete response (Content-Length set, then the connection is closed).
    case respond(status: Int, headers: [String: String] = [:], body: String)
    /// Headers promising `declaredLength` body bytes, then only `body`, then the connection is closed.
    case truncated(declaredLength: Int, body: String)
    /// The connection is reset (RST) after the request is read, with no answer.
    case reset
    /// No answer at all: the connection stays open until the client gives up or the server stops.
    case hang
}

/// One request as the server received it.
struct RecordedRequest: Sendable {
    var index: Int
    var method: String
    var path: String
    /// Header names lower-cased.
    var headers: [String: String]
    var body: Data
    var receivedAt: ContinuousClock.Instant

    func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The body as a JSON object.
    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw TestServerError("request body is not a JSON object")
        }
        return object
    }
}

struct TestServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A minimal HTTP/1.1 server on 127.0.0.1 (ephemeral port) for tests: it answers the n-th connection with the
/// n-th scripted action, one request per connection, and records every request. It stops by itself after
/// `lifetime` seconds, or when `stop()` is called; connections beyond the script get a 599.
final class TestHTTPServer: Sendable {
    let port: UInt16
    private let listener: Int32
    private let script: [ServerAction]
    private let deadline: ContinuousClock.Instant
    private let state = Mutex(State())

    private struct State {
        var nextIndex = 0
        var requests: [RecordedRequest] = []
        var stopped = false
    }

    init(_ script: [ServerAction], lifetime: Double = 15) throws {
        self.script = script
        deadline = .now + .milliseconds(Int64(lifetime * 1000))
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw TestServerError("socket() failed: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw TestServerError("bind/listen failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            close(fd)
            throw TestServerError("getsockname failed: errno \(errno)")
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        Thread { [self] in acceptLoop() }.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The requests received so far, in arrival order.
    var requests: [RecordedRequest] { state.withLock { $0.requests.sorted { $0.index < $1.index } } }

    func stop() { state.withLock { $0.stopped = true } }

    private var shouldStop: Bool { state.withLock { $0.stopped } || ContinuousClock.now >= deadline }

    private func acceptLoop() {
        defer { close(listener) }
        while !shouldStop {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            let index = state.withLock { s in
                defer { s.nextIndex += 1 }
                return s.nextIndex
            }
            let action: ServerAction = index < script.count
                ? script[index] : .respond(status: 599, body: "{\"error\":\"unscripted request \(index)\"}")
            Thread { [self] in serve(client, index: index, action: action) }.start()
        }
    }

    private func serve(_ fd: Int32, index: Int, action: ServerAction) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        guard let request = readRequest(fd, index: index) else {
            close(fd)
            return
        }
        state.withLock { $0.requests.append(request) }
        switch action {
        case .respond(let status, let headers, let body):
            let bytes = Array(body.utf8)
            var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Type: application/json\r\n"
            head += "Content-Length: \(bytes.count)\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            write(fd, Array((head + "\r\n").utf8) + bytes)
            shutdown(fd, Int32(SHUT_WR))
            drain(fd)
            close(fd)
        case .truncated(let declared, let body):
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(declared)\r\n"
                + "Connection: close\r\n\r\n"
            write(fd, Array(head.utf8) + Array(body.utf8))
            close(fd)
        case .reset:
            var linger = Glinger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glinger>.size))
            close(fd)
        case .hang:
            // Wait for the client to close (recv returns 0 or fails) or for the server to stop.
            var buffer = [UInt8](repeating: 0, count: 512)
            while !shouldStop {
                var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 50) > 0 else { continue }
                if recv(fd, &buffer, buffer.count, 0) <= 0 { break }
            }
            close(fd)
        }
    }

    /// Reads the request line, headers and a Content-Length body.
    private func readRequest(_ fd: Int32, index: Int) -> RecordedRequest? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headerEnd: Int?
        while headerEnd == nil {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { return nil }
            data += buffer[0..<n]
            headerEnd = Self.find(separator, in: data)
        }
        guard let end = headerEnd else { return nil }
        let headText = String(decoding: data[0..<end], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        if headers["expect"]?.lowercased() == "100-continue" {
            write(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        var body = Array(data[(end + separator.count)...])
        while body.count < length {
            let n = recv(fd, &buffer, min(buffer.count, length - body.count), 0)
            guard n > 0 else { return nil }
            body += buffer[0..<n]
        }
        return RecordedRequest(index: index, method: requestLine.first.map(String.init) ?? "",
                               path: requestLine.count > 1 ? String(requestLine[1]) : "",
                               headers: headers, body: Data(body), receivedAt: .now)
    }

    private func write(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { raw in
                #if canImport(Darwin)
                send(fd, raw.baseAddress, raw.count, 0)
                #else
                send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
                #endif
            }
            guard n > 0 else { return }
            offset += n
        }
    }

    /// Reads until the client closes (bounded by the receive timeout), so closing does not reset unread data.
    private func drain(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 512)
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while poll(&poller, 1, 200) > 0, recv(fd, &buffer, buffer.count, 0) > 0 {}
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 529: "Overloaded"
        default: "Status"
        }
    }
}

#if canImport(Darwin)
private typealias Glinger = Darwin.linger
#elseif canImport(Glibc)
private typealias Glinger = Glibc.linger
#else
private typealias Glinger = linger
#endif
