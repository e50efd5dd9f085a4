import Foundation

/// Reads `.tar.gz` archives (Python source distributions): ustar headers, GNU long names (`L`, `K`) and
/// GNU base-256 sizes, pax extended headers (`path`, `linkpath`, `size`). Checksums are verified and names
/// that would escape the destination directory are rejected.
public final class TarReader {
    private let gzip: GzipReader
    private let label: String
    /// Data bytes of the current member not yet consumed, and the padding after them.
    private var remaining: Int64 = 0
    private var padding: Int64 = 0
    private var globalPax: [String: String] = [:]

    /// Opens a gzip-compressed tar archive.
    public init(url: URL) throws {
        gzip = try GzipReader(url: url)
        label = url.lastPathComponent
    }

    /// The next member, or `nil` at the end of the archive. Unread data of the previous member is skipped.
    public func next() throws -> TarEntry? {
        try skipRest()
        var longName: String?
        var longLink: String?
        var pax: [String: String] = [:]
        while true {
            let headerAt = gzip.position
            let header = Array(try gzip.read(upTo: 512))
            if header.isEmpty { return nil }
            guard header.count == 512 else {
                throw AssetError.malformedArchive(archive: label, offset: headerAt, reason: "truncated tar header")
            }
            if header.allSatisfy({ $0 == 0 }) { return nil }
            try verifyChecksum(header, at: headerAt)
            let type = header[156]
            var size = try number(header, 124, 12, at: headerAt, field: "size")
            if type == UInt8(ascii: "x") || type == UInt8(ascii: "g") || type == UInt8(ascii: "L") || type == UInt8(ascii: "K") {
                guard size <= 16 << 20 else {
                    throw AssetError.malformedArchive(archive: label, offset: headerAt, reason: "extended header of \(size) bytes is too large")
                }
                let body = Array(try gzip.readExactly(Int(size)))
                try gzip.skip(paddingFor(size))
                switch type {
                case UInt8(ascii: "L"): longName = cString(body[...])
                case UInt8(ascii: "K"): longLink = cString(body[...])
                case UInt8(ascii: "x"): pax.merge(try parsePax(body, at: headerAt)) { $1 }
                default: globalPax.merge(try parsePax(body, at: headerAt)) { $1 }
                }
                continue
            }
            var name = cString(header[0..<100])
            let magic = cString(header[257..<263])
            if magic == "ustar" {  // POSIX ustar: a prefix field extends the name
                let prefix = cString(header[345..<500])
                if !prefix.isEmpty { name = prefix + "/" + name }
            }
            var link = cString(header[157..<257])
            let attributes = globalPax.merging(pax) { $1 }
            if let path = attributes["path"] { name = path }
            if let path = attributes["linkpath"] { link = path }
            if let value = attributes["size"] {
                guard let parsed = Int64(value), parsed >= 0 else {
                    throw AssetError.malformedArchive(archive: label, offset: headerAt, reason: "bad pax size '\(value)'")
                }
                size = parsed
            }
            if let long = longName { name = long }
            if let long = longLink { link = long }
            let mode = UInt32(truncatingIfNeeded: try number(header, 100, 8, at: headerAt, field: "mode"))
            let kind: TarEntry.Kind
            switch type {
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"): kind = name.hasSuffix("/") ? .directory : .file
            case UInt8(ascii: "5"): kind = .directory
            case UInt8(ascii: "2"): kind = .symbolicLink
            case UInt8(ascii: "1"): kind = .hardLink
            default: kind = .other(type)
            }
            // Links and directories carry no data, whatever their size field says.
            let dataSize: Int64
            switch kind {
            case .file, .other: dataSize = size
            case .directory, .symbolicLink, .hardLink: dataSize = 0
            }
            remaining = dataSize
            padding = paddingFor(dataSize)
            return TarEntry(name: name, kind: kind, size: dataSize, mode: mode & 0o7777, linkName: link)
        }
    }

    /// Streams the current member's data (at most once per member) to `sink`.
    public func readData(_ sink: (ArraySlice<UInt8>) throws -> Void) throws {
        while remaining > 0 {
            let piece = try gzip.read(upTo: Int(min(remaining, 1 << 20)))
            if piece.isEmpty {
                throw AssetError.malformedArchive(archive: label, offset: gzip.position, reason: "member data is truncated (\(remaining) bytes missing)")
            }
            remaining -= Int64(piece.count)
            try sink(piece)
        }
    }

    /// Extracts the regular files for which `select` returns a relative destination path (or all regular
    /// files under their own names when `select` is nil) below `directory`. Links, directories and special
    /// files are skipped; a hard link to a file extracted earlier becomes a copy. A member name that is unsafe
    /// (absolute, `..`) rejects the archive.
    /// - Returns: the member names that were extracted, with the relative paths they were written to.
    @discardableResult
    public func extractAll(into directory: URL, select: ((String) -> String?)? = nil) throws -> [(entry: String, path: String)] {
        var done: [(entry: String, path: String)] = []
        var written: [String: URL] = [:]  // member name -> extracted file, for hard links
        while let entry = try next() {
            guard entry.kind == .file || entry.kind == .hardLink else { continue }
            guard let clean = SafePath.normalized(entry.name) else {
                throw AssetError.unsafePath(archive: label, entry: entry.name)
            }
            guard let relative = select.map({ $0(entry.name) }) ?? entry.name else { continue }
            let target = try SafePath.destination(of: relative, in: directory, archive: label, entry: entry.name)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if entry.kind == .hardLink {
                // A hard link to a member extracted earlier becomes a copy; links to anything else are skipped.
                guard let linked = SafePath.normalized(entry.linkName).flatMap({ written[$0] }) else { continue }
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: linked, to: target)
                written[clean] = target
                done.append((entry.name, relative))
                continue
            }
            let out = try PosixFile.create(target)
            do {
                try readData { piece in try piece.withUnsafeBytes { try out.write($0) } }
                try out.close()
            } catch {
                try? out.close()
                try? FileManager.default.removeItem(at: target)
                throw error
            }
            written[clean] = target
            done.append((entry.name, relative))
        }
        return done
    }

    // MARK: - Helpers

    private func skipRest() throws {
        if remaining > 0 { try gzip.skip(remaining) }
        if padding > 0 { try gzip.skip(padding) }
        remaining = 0
        padding = 0
    }

    private func paddingFor(_ size: Int64) -> Int64 { (512 - size % 512) % 512 }

    private func verifyChecksum(_ header: [UInt8], at offset: Int64) throws {
        let stored = try number(header, 148, 8, at: offset, field: "checksum")
        var unsigned: Int64 = 0
        var signed: Int64 = 0
        for (i, byte) in header.enumerated() {
            let value = (148..<156).contains(i) ? UInt8(ascii: " ") : byte
            unsigned += Int64(value)
            signed += Int64(Int8(bitPattern: value))
        }
        guard stored == unsigned || stored == signed else {
            throw AssetError.malformedArchive(archive: label, offset: offset, reason: "tar header checksum mismatch (not a tar archive, or corrupt)")
        }
    }

    /// An octal field (NUL/space terminated), or GNU base-256 when the top bit of the first byte is set.
    private func number(_ header: [UInt8], _ start: Int, _ length: Int, at offset: Int64, field: String) throws -> Int64 {
        let bytes = header[start..<start + length]
        if let first = bytes.first, first & 0x80 != 0 {
            guard first == 0x80 else {
                throw AssetError.malformedArchive(archive: label, offset: offset + Int64(start), reason: "negative or oversized \(field) field")
            }
            var value: Int64 = 0
            for byte in bytes.dropFirst() {
                guard value < Int64.max >> 8 else {
                    throw AssetError.malformedArchive(archive: label, offset: offset + Int64(start), reason: "\(field) field overflows")
                }
                value = value << 8 | Int64(byte)
            }
            return value
        }
        var value: Int64 = 0
        var seenDigit = false
        for byte in bytes {
            if byte == 0 || (byte == UInt8(ascii: " ") && seenDigit) { break }
            if byte == UInt8(ascii: " ") { continue }
            guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(byte), value < Int64.max >> 3 else {
                throw AssetError.malformedArchive(archive: label, offset: offset + Int64(start), reason: "bad octal \(field) field")
            }
            value = value << 3 | Int64(byte - UInt8(ascii: "0"))
            seenDigit = true
        }
        return value
    }

    private func cString(_ bytes: ArraySlice<UInt8>) -> String {
        let end = bytes.firstIndex(of: 0) ?? bytes.endIndex
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }

    /// Pax records: "LENGTH KEY=VALUE\n", LENGTH counting the whole record.
    private func parsePax(_ body: [UInt8], at offset: Int64) throws -> [String: String] {
        var result: [String: String] = [:]
        var p = 0
        while p < body.count {
            if body[p] == 0 { break }
            guard let space = body[p...].firstIndex(of: UInt8(ascii: " ")),
                  let length = Int(String(decoding: body[p..<space], as: UTF8.self)), length > 0, p + length <= body.count,
                  let equals = body[(space + 1)..<(p + length)].firstIndex(of: UInt8(ascii: "="))
            else {
                throw AssetError.malformedArchive(archive: label, offset: offset, reason: "bad pax record at byte \(p) of the extended header")
            }
            let key = String(decoding: body[(space + 1)..<equals], as: UTF8.self)
            var valueEnd = p + length
            if body[valueEnd - 1] == UInt8(ascii: "\n") { valueEnd -= 1 }
            result[key] = String(decoding: body[(equals + 1)..<max(equals + 1, valueEnd)], as: UTF8.self)
            p += length
        }
        return result
    }
}
