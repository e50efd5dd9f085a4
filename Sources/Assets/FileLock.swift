#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An advisory whole-file lock (`flock`), held for the duration of a closure. Locks taken through separate
/// opens conflict, so it excludes other processes and other threads of this process alike, and the kernel
/// drops it when a holder dies.
enum FileLock {
    /// Runs `body` while holding an exclusive lock on `url` (created if missing). Calls `onWait` once if the
    /// lock is busy before blocking on it.
    static func withExclusiveLock<T>(at url: URL, onWait: () -> Void = {}, _ body: () throws -> T) throws -> T {
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AssetError.io(path: url.path, reason: "cannot open lock file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw AssetError.io(path: url.path, reason: "cannot lock: \(String(cString: strerror(errno)))")
            }
            onWait()
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    throw AssetError.io(path: url.path, reason: "cannot lock: \(String(cString: strerror(errno)))")
                }
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Runs `body` if the lock on `url` is free right now; returns nil without running it otherwise.
    static func ifUnlocked<T>(at url: URL, _ body: () throws -> T) throws -> T? {
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return nil }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
