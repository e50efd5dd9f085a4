#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a whole-file read failed: the path and a short reason (one line).
public struct WholeFileError: Error, Sendable, Equatable {
    public var path: String
    public var reason: String
}

/// Whole-file reads into a byte array with POSIX `open`/`read` (no Foundation bridging): the one reader that the
/// lexicon and vector-file parsers share.
public enum WholeFile {
    /// The bytes of the regular file at `path`, read to its end (a file that grows or shrinks while being read
    /// gives what it holds when the read ends).
    public static func read(_ path: String) throws(WholeFileError) -> [UInt8] {
        func failure(_ reason: String) -> WholeFileError { WholeFileError(path: path, reason: reason) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure("cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure("cannot stat: \(String(cString: strerror(errno)))") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw failure("is a directory, not a file") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw failure("not a regular file") }
        // Read straight into the array; one spare byte tells whether the file grew since `fstat`.
        var bytes = [UInt8](repeating: 0, count: max(0, Int(info.st_size)) + 1)
        var done = 0
        while true {
            if done == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(65536, bytes.count))) }
            let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            done += n
        }
        bytes.removeLast(bytes.count - done)
        return bytes
    }
}

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}
