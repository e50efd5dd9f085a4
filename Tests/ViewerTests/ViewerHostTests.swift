#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import Viewer

/// The viewer's loopback check is exact about which host a request names: a second `Host` field or an
/// absolute-form target naming another host used to pass it (issue 14).
@Suite("view: the host a request names")
struct ViewerHostTests {
    @Test("one Host field, or an absolute-form target's host (which wins over Host); two Host fields name none")
    func authority() {
        #expect(RequestAuthority.of(target: "/api/runs", hostFields: ["127.0.0.1:8765"]) == "127.0.0.1:8765")
        #expect(RequestAuthority.of(target: "/api/runs", hostFields: []) == nil)
        #expect(RequestAuthority.of(target: "/api/runs", hostFields: ["127.0.0.1", "evil.com"]) == nil)
        #expect(RequestAuthority.of(target: "/api/runs", hostFields: ["127.0.0.1", "127.0.0.1"]) == nil)
        #expect(RequestAuthority.of(target: "http://evil.com/api/runs", hostFields: ["127.0.0.1"]) == "evil.com")
        #expect(RequestAuthority.of(target: "http://127.0.0.1:8765/x?y", hostFields: ["evil.com"]) == "127.0.0.1:8765")
        #expect(RequestAuthority.of(target: "HTTP://evil.com?x", hostFields: []) == "evil.com")
        #expect(RequestAuthority.of(target: "http:///path", hostFields: ["127.0.0.1"]) == nil)
        #expect(RequestAuthority.of(target: "http://127.0.0.1@evil.com/", hostFields: ["127.0.0.1"]) == "127.0.0.1@evil.com")
        #expect(RequestAuthority.of(target: "*", hostFields: ["127.0.0.1"]) == "127.0.0.1")
        // A path that merely contains "://" is origin form.
        #expect(RequestAuthority.of(target: "/a?u=http://evil.com", hostFields: ["localhost"]) == "localhost")
    }

    /// Sends `request` on a fresh connection and returns the status line of the answer.
    static func statusLine(port: Int, _ request: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try Self.exchange(port: port, request) })
            }
        }
    }

    private static func exchange(port: Int, _ request: String) throws -> String {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw HTTPTestError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw HTTPTestError("connect() to port \(port) failed") }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        guard sent == bytes.count else { throw HTTPTestError("send() wrote \(sent) of \(bytes.count) bytes") }
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.contains(0x0A) {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0 ..< n]
        }
        let text = String(decoding: received, as: UTF8.self)
        return String(text.prefix { $0 != "\r" && $0 != "\n" })
    }

    @Test("over a real connection: a second Host or an absolute-form target naming another host is 403")
    func realRequests() async throws {
        let root = try temporaryDirectory("host")
        defer { try? FileManager.default.removeItem(at: root) }
        try await withServer(ViewerServer(directory: root, port: 0)) { server in
            let port = server.port
            let cases: [(String, String)] = [
                ("GET /api/runs HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", "200"),
                ("GET /api/runs HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nHost: evil.com\r\nConnection: close\r\n\r\n", "403"),
                ("GET /api/runs HTTP/1.1\r\nHost: evil.com\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", "403"),
                ("GET http://evil.com/api/runs HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", "403"),
                ("GET http://127.0.0.1:\(port)/api/runs HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", "200"),
                ("GET /api/runs HTTP/1.1\r\nHost: 127.0.0.1:\(port)@evil.com\r\nConnection: close\r\n\r\n", "403"),
            ]
            for (request, status) in cases {
                let line = try await Self.statusLine(port: port, request)
                #expect(line.hasPrefix("HTTP/1.1 \(status)"), "\(request.debugDescription) → \(line)")
            }
        }
    }
}
