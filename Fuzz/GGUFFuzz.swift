// libFuzzer entry for the GGUF reader: the input is a whole file; it must load, or throw a GGUFError — never crash,
// trap or read out of bounds. Built by scripts/fuzz (compiled into the GGUF module).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGGUF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let file = try? GGUFFile(bytes: bytes, name: "fuzz.gguf") {
        // Touch what a loader reads: every tensor's first and last byte, and every metadata key's value.
        var sum: UInt8 = 0
        for tensor in file.tensors {
            let bytes = file.data(for: tensor)
            if let first = bytes.first, let last = bytes.last { sum &+= first &+ last }
        }
        for key in file.metadata.keys { _ = file.metadata[key] }
        if sum == 0xFF { return 0 }
    }
    return 0
}
