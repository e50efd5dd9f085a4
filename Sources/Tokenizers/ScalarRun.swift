/// A stretch of UTF-8 text decoded into per-scalar class flags and byte offsets, reused between calls
/// to avoid allocations in the encode loop.
struct ScalarRun {
    /// Class flags (``ScalarClass``) of scalar `i`.
    var classes: [UInt8] = []
    /// Byte offset (in the whole text) where scalar `i` starts; `offsets[count]` is the end offset.
    var offsets: [Int32] = []
    /// Code point of scalar `i`.
    var values: [UInt32] = []

    var count: Int { classes.count }

    /// Decodes `bytes[start..<end]` (valid UTF-8 from a Swift `String`).
    mutating func load(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        classes.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        var i = start
        while i < end {
            let b0 = bytes[i]
            var value: UInt32
            var length: Int
            if b0 < 0x80 {
                value = UInt32(b0)
                length = 1
            } else if b0 < 0xE0 {
                value = UInt32(b0 & 0x1F)
                length = 2
            } else if b0 < 0xF0 {
                value = UInt32(b0 & 0x0F)
                length = 3
            } else {
                value = UInt32(b0 & 0x07)
                length = 4
            }
            if i + length > end { length = end - i }
            var k = 1
            while k < length {
                value = (value << 6) | UInt32(bytes[i + k] & 0x3F)
                k += 1
            }
            classes.append(ScalarClass.of(value))
            offsets.append(Int32(i))
            values.append(value)
            i += length
        }
        offsets.append(Int32(end))
    }
}
