/// Maps scalar offsets in a template source to 1-based `line:column` positions.
struct SourceMap: Sendable {
    /// Scalar offset at which each line starts.
    private let lineStarts: [Int]

    init(_ scalars: [Unicode.Scalar]) {
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            starts.append(index + 1)
        }
        lineStarts = starts
    }

    /// The 1-based line and column of `offset`.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    /// A `TemplateError` located at `offset`.
    func error(_ kind: TemplateError.Kind, _ message: String, at offset: Int) -> TemplateError {
        let (line, column) = position(of: offset)
        return TemplateError(kind: kind, message: message, line: line, column: column)
    }
}
