#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A scripted OpenAI-compatible chat server on 127.0.0.1 (ephemeral port) for tests: every
/// `POST …/chat/completions` is answered with a chat completion whose message content is `reply(request)`, where
/// `request` is the decoded JSON body. One request per connection; every request body is recorded.
final class FakeOpenAIServer: Sendable {
    let port: UInt16
    private let listener: Int32
    private let reply: @Sendable ([String: Any]) -> String
    private let state = Mutex<(bodies: [Data], stopped: Bool)>(([], false))

    init(reply: @escaping @Sendable ([String: Any]) -> String) throws {
        self.reply = reply
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw FakeServerError("socket() failed: errno \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw FakeServerError("bind/listen failed: errno \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else {
            close(fd)
            throw FakeServerError("getsockname failed: errno \(errno)")
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        Thread { [self] in acceptLoop() }.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT/v1`
    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// The JSON bodies received so far.
    var requests: [[String: Any]] {
        state.withLock { $0.bodies }.compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }

    /// The request bodies as text.
    var rawBodies: [String] { state.withLock { $0.bodies }.map { String(decoding: $0, as: UTF8.self) } }

    func stop() { state.withLock { $0.stopped = true } }

    private func acceptLoop() {
        defer { close(listener) }
        while !state.withLock({ $0.stopped }) {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let body = readBody(fd) else { return }
        state.withLock { $0.bodies.append(body) }
        let request = (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
        let completion: [String: Any] = [
            "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": request["model"] ?? "fake",
            "choices": [["index": 0, "message": ["role": "assistant", "content": reply(request)],
                         "finish_reason": "stop"]],
            "usage": ["prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15],
        ]
        let bytes = (try? JSONSerialization.data(withJSONObject: completion)) ?? Data()
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(bytes.count)\r\n"
            + "Connection: close\r\n\r\n"
        send(fd, Array(head.utf8) + Array(bytes))
        shutdown(fd, Int32(SHUT_WR))
        var buffer = [UInt8](repeating: 0, count: 512)
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while poll(&poller, 1, 200) > 0, recv(fd, &buffer, buffer.count, 0) > 0 {}
    }

    /// The body of one request (headers read up to the blank line, then Content-Length bytes).
    private func readBody(_ fd: Int32) -> Data? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Array("\r\n\r\n".utf8)
        var headerEnd: Int?
        while headerEnd == nil {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { return nil }
            data += buffer[0..<n]
            if data.count >= separator.count {
                headerEnd = (0...(data.count - separator.count)).first { data[$0..<($0 + 4)].elementsEqual(separator) }
            }
        }
        guard let end = headerEnd else { return nil }
        let head = String(decoding: data[0..<end], as: UTF8.self).lowercased()
        var length = 0
        for line in head.components(separatedBy: "\r\n") where line.hasPrefix("content-length:") {
            length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        if head.contains("expect: 100-continue") { send(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) }
        var body = Array(data[(end + separator.count)...])
        while body.count < length {
            let n = recv(fd, &buffer, min(buffer.count, length - body.count), 0)
            guard n > 0 else { return nil }
            body += buffer[0..<n]
        }
        return Data(body)
    }

    private func send(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { raw in
                #if canImport(Darwin)
                Darwin.send(fd, raw.baseAddress, raw.count, 0)
                #else
                Glibc.send(fd, raw.baseAddress, raw.count, Int32(MSG_NOSIGNAL))
                #endif
            }
            guard n > 0 else { return }
            offset += n
        }
    }
}

struct FakeServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
