/// The hashable identity of a dict key (Python: `1 == 1.0 == True` share a key).
enum DictKey: Hashable {
    case string(String)
    case int(Int)
    case double(UInt64)
    case none

    init?(_ value: Value) {
        switch value {
        case .string(let text): self = .string(text)
        case .int(let number): self = .int(number)
        case .bool(let flag): self = .int(flag ? 1 : 0)
        case .double(let number):
            if number.rounded() == number, let exact = Int(exactly: number) { self = .int(exact) } else { self = .double(number.bitPattern) }
        case .none: self = .none
        default: return nil
        }
    }
}
