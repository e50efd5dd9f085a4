/// A mutable list shared by reference.
final class ListBox {
    var items: [Value]
    /// A Python tuple (from a tuple literal, `items()` or `dictsort`): prints as `(a, b)`.
    let isTuple: Bool
    init(_ items: [Value] = [], isTuple: Bool = false) {
        self.items = items
        self.isTuple = isTuple
    }
}
