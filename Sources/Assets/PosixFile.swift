#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A thin wrapper over a POSIX file descriptor with errors that name the file.
final class PosixFile {
    let path: String
    private(set) var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    deinit { if fd >= 0 { _ = posixClose(fd) } }

    /// Opens an existing file for reading.
    static func openForReading(_ url: URL) throws -> PosixFile {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AssetError.io(path: url.path, reason: "cannot open: \(PosixFile.lastError())") }
        return PosixFile(path: url.path, fd: fd)
    }

    /// Creates (or truncates) a file for writing.
    static func create(_ url: URL, mode: mode_t = 0o644) throws -> PosixFile {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw AssetError.io(path: url.path, reason: "cannot create: \(PosixFile.lastError())") }
        return PosixFile(path: url.path, fd: fd)
    }

    /// The file's size in bytes.
    func size() throws -> Int64 {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw AssetError.io(path: path, reason: "stat failed: \(PosixFile.lastError())") }
        return Int64(info.st_size)
    }

    /// Reads up to `buffer.count` bytes at `offset`; returns the number read (0 at end of file).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws -> Int {
        while true {
            let got = pread(fd, buffer.baseAddress, buffer.count, off_t(offset))
            if got >= 0 { return got }
            if errno == EINTR { continue }
            throw AssetError.io(path: path, reason: "read failed at byte \(offset): \(PosixFile.lastError())")
        }
    }

    /// Reads exactly `count` bytes at `offset`, or throws naming the offset when the file is shorter.
    func readExactly(_ count: Int, at offset: Int64) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        try bytes.withUnsafeMutableBytes { raw in
            while done < count {
                let got = try read(into: UnsafeMutableRawBufferPointer(rebasing: raw[done...]), at: offset + Int64(done))
                if got == 0 {
                    throw AssetError.malformedArchive(
                        archive: (path as NSString).lastPathComponent, offset: offset + Int64(done),
                        reason: "unexpected end of file (wanted \(count) bytes at \(offset))")
                }
                done += got
            }
        }
        return bytes
    }

    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let wrote = posixWrite(fd, base + done, bytes.count - done)
            if wrote < 0 {
                if errno == EINTR { continue }
                throw AssetError.io(path: path, reason: "write failed: \(PosixFile.lastError())")
            }
            done += wrote
        }
    }

    /// Flushes to disk and closes.
    func close(sync: Bool = false) throws {
        guard fd >= 0 else { return }
        if sync { _ = fsync(fd) }
        let rc = posixClose(fd)
        fd = -1
        if rc != 0 { throw AssetError.io(path: path, reason: "close failed: \(PosixFile.lastError())") }
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}

// Module-qualified aliases: inside `PosixFile` the names `close` and `write` refer to the methods.
@inline(__always) private func posixClose(_ fd: Int32) -> Int32 { close(fd) }
@inline(__always) private func posixWrite(_ fd: Int32, _ buf: UnsafeRawPointer, _ n: Int) -> Int { write(fd, buf, n) }
