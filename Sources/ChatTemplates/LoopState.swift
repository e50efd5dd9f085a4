/// The `loop` variable of a `for` block.
final class LoopState {
    let items: [Value]
    var index0 = 0
    init(items: [Value]) { self.items = items }

    func attribute(_ name: String) -> Value? {
        let length = items.count
        switch name {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "revindex": return .int(length - index0)
        case "revindex0": return .int(length - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        case "depth": return .int(1)
        case "depth0": return .int(0)
        case "previtem": return index0 > 0 ? items[index0 - 1] : .undefined("loop.previtem")
        case "nextitem": return index0 + 1 < length ? items[index0 + 1] : .undefined("loop.nextitem")
        default: return nil
        }
    }
}
