#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A minimal HTTP/1.1 client for load generation on loopback: one connection per request (`Connection: close`),
/// blocking socket calls on the caller's thread, so measuring a server costs the measurer almost nothing and no
/// client library's connection pool or timers get in the way. Handles `Content-Length`, chunked and
/// read-to-close bodies.
struct BlockingHTTPClient: Sendable {
    let port: Int
    let timeoutSeconds: Int

    struct Response {
        var status: Int
        var body: Data
    }

    /// POSTs `body` as JSON to `path` on 127.0.0.1 and returns the status and the body.
    func post(_ path: String, body: Data, headers: [String: String] = [:]) throws -> Response {
        try exchange("POST", path, body: body, headers: headers)
    }

    func get(_ path: String) throws -> Response { try exchange("GET", path, body: Data(), headers: [:]) }

    private func exchange(_ method: String, _ path: String, body: Data, headers: [String: String]) throws -> Response {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw PeerError("socket() failed") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw PeerError("connect() to 127.0.0.1:\(port) failed") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let request = Data((head + "\r\n").utf8) + body
        try request.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let n = send(fd, raw.baseAddress! + sent, raw.count - sent, 0)
                guard n > 0 else { throw PeerError("send() failed") }
                sent += n
            }
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 { throw PeerError("recv() failed or timed out after \(timeoutSeconds) s") }
            if n == 0 { break }
            received.append(contentsOf: buffer[0 ..< n])
            if let r = Self.parse(received, complete: false) { return r }
        }
        guard let r = Self.parse(received, complete: true) else { throw PeerError("malformed HTTP response") }
        return r
    }

    /// The response in `data`, or nil when more bytes are needed (`complete`: the peer closed).
    static func parse(_ data: Data, complete: Bool) -> Response? {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<split.lowerBound], as: UTF8.self).lowercased()
        let lines = head.split(separator: "\r\n")
        guard let statusLine = lines.first, let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return nil }
        let rest = data[split.upperBound...]
        func header(_ name: String) -> String? {
            lines.dropFirst().first { $0.hasPrefix(name + ":") }.map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        if let length = header("content-length").flatMap(Int.init) {
            return rest.count >= length ? Response(status: status, body: Data(rest.prefix(length))) : nil
        }
        if header("transfer-encoding") == "chunked" {
            var body = Data()
            var i = rest.startIndex
            while let lineEnd = rest[i...].range(of: Data("\r\n".utf8)) {
                guard let size = Int(String(decoding: rest[i ..< lineEnd.lowerBound], as: UTF8.self), radix: 16) else { return nil }
                if size == 0 { return Response(status: status, body: body) }
                let start = lineEnd.upperBound
                guard rest.distance(from: start, to: rest.endIndex) >= size + 2 else { return nil }
                let end = rest.index(start, offsetBy: size)
                body.append(rest[start ..< end])
                i = rest.index(end, offsetBy: 2)
            }
            return nil
        }
        return complete ? Response(status: status, body: Data(rest)) : nil
    }
}
