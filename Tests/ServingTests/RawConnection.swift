#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A plain TCP connection to the test server, for what an HTTP client library hides: reading part of a streamed
/// response and then going away. Blocking calls run on a dispatch queue, never on the test's cooperative threads.
final class RawConnection: @unchecked Sendable {
    private let fd: Int32
    private let queue = DispatchQueue(label: "raw-connection")

    init(port: Int) throws {
        #if canImport(Glibc)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw TestFailure("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            _ = closeSocket(fd)
            throw TestFailure("connect() to port \(port) failed")
        }
    }

    /// Sends a JSON POST.
    func post(_ path: String, json: String) throws {
        let body = Array(json.utf8)
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        let bytes = Array(head.utf8) + body
        let sent = bytes.withUnsafeBytes { sendSocket(fd, $0.baseAddress, $0.count, 0) }
        guard sent == bytes.count else { throw TestFailure("send() wrote \(sent) of \(bytes.count) bytes") }
    }

    /// Reads until the received text contains `marker` (or the peer closes, or 30 s pass); returns what came.
    func read(until marker: String) async -> String {
        await withCheckedContinuation { continuation in
            queue.async {
                var received = [UInt8]()
                var buffer = [UInt8](repeating: 0, count: 4096)
                var timeout = timeval(tv_sec: 30, tv_usec: 0)
                setsockopt(self.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                while true {
                    let n = buffer.withUnsafeMutableBytes { recv(self.fd, $0.baseAddress, $0.count, 0) }
                    if n <= 0 { break }
                    received += buffer[0 ..< n]
                    if String(decoding: received, as: UTF8.self).contains(marker) { break }
                }
                continuation.resume(returning: String(decoding: received, as: UTF8.self))
            }
        }
    }

    /// Sends `bytes` as they are; false when the peer has closed the connection (never raises SIGPIPE).
    func send(bytes: [UInt8]) -> Bool {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        let sent = bytes.withUnsafeBytes { sendSocket(fd, $0.baseAddress, $0.count, flags) }
        return sent == bytes.count
    }

    /// Sends `text` as UTF-8 bytes; false when the peer has closed the connection.
    func send(_ text: String) -> Bool { send(bytes: Array(text.utf8)) }

    /// Reads until the peer closes the connection or `seconds` pass: what came, and whether the peer closed (or
    /// reset) the connection rather than the wait running out.
    func readToEnd(seconds: Int = 30) async -> (text: String, closed: Bool) {
        await withCheckedContinuation { continuation in
            queue.async {
                var received = [UInt8]()
                var buffer = [UInt8](repeating: 0, count: 65536)
                var timeout = timeval(tv_sec: seconds, tv_usec: 0)
                setsockopt(self.fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var closed = false
                while true {
                    let n = buffer.withUnsafeMutableBytes { recv(self.fd, $0.baseAddress, $0.count, 0) }
                    if n > 0 {
                        received += buffer[0 ..< n]
                        continue
                    }
                    closed = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
                    break
                }
                continuation.resume(returning: (String(decoding: received, as: UTF8.self), closed))
            }
        }
    }

    /// Closes the connection (the client going away).
    func close() { queue.sync { _ = closeSocket(fd) } }
}

private func sendSocket(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int {
    #if canImport(Glibc)
    Glibc.send(fd, bytes, count, flags)
    #else
    Darwin.send(fd, bytes, count, flags)
    #endif
}

private func closeSocket(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(fd)
    #else
    Darwin.close(fd)
    #endif
}
