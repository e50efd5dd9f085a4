#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Whole-file reads and atomic writes for the vector-file readers and writers, with one-line I/O errors.
enum FileBytes {
    /// The bytes of the file at `url`.
    static func read(_ url: URL) throws(EmbeddingError) -> [UInt8] {
        let path = url.path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io("\(path): cannot open (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io("\(path): cannot stat (\(String(cString: strerror(errno))))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .io("\(path): not a regular file") }
        let size = Int(info.st_size)
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            while done < size {
                let n = systemRead(fd, buffer.baseAddress! + done, size - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    break
                }
                if n == 0 { break }
                done += n
            }
            initialized = done
        }
        if let failure { throw .io("\(path): read failed (\(failure))") }
        guard bytes.count == size else { throw .io("\(path): file shrank while reading (\(bytes.count) of \(size) bytes)") }
        return bytes
    }

    /// Writes `bytes` to a temporary file beside `url` and renames it into place.
    static func write(_ bytes: [UInt8], to url: URL) throws(EmbeddingError) {
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            throw .io("\(url.path): cannot write (\(error.localizedDescription))")
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif
