/// A forgiving HTML parser for checking pages in tests: tags, attributes (quoted or bare), text, comments,
/// raw-text elements (`script`, `style`, `textarea`, `title`) and void elements. An end tag closes the nearest open
/// element of its name (and those opened inside it); a stray end tag is ignored; elements left open at the end are
/// closed. Enough for serialised DOMs (Chromium's `--dump-dom`) and for well-formed generated pages; not a full
/// HTML5 tree builder (no implied tags, no foster parenting).
public struct HTMLDocument: Sendable {
    /// The document root (`#document`); the `html` element is among its children.
    public let root: HTMLElement

    /// Elements that never have content or an end tag.
    public static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// Elements whose content is text up to their end tag.
    static let rawTextElements: Set<String> = ["script", "style", "textarea", "title"]

    /// Parses `html`.
    public init(parsing html: String) {
        let root = HTMLElement(name: "#document", attributes: [:])
        var stack = [root]
        let scalars = Array(html.unicodeScalars)
        var index = 0
        var text = String.UnicodeScalarView()

        func flushText() {
            guard !text.isEmpty, let top = stack.last else { return }
            top.contents.append(.text(HTMLEntities.decode(String(text))))
            text = String.UnicodeScalarView()
        }
        func open(_ element: HTMLElement) {
            guard let top = stack.last else { return }
            element.parent = top
            top.children.append(element)
            top.contents.append(.element(element))
        }
        func startsWith(_ word: String, at position: Int, ignoringCase: Bool = true) -> Bool {
            let wordScalars = Array(word.unicodeScalars)
            guard position + wordScalars.count <= scalars.count else { return false }
            for (offset, scalar) in wordScalars.enumerated() {
                let candidate = scalars[position + offset]
                if ignoringCase {
                    if lowercased(candidate) != lowercased(scalar) { return false }
                } else if candidate != scalar {
                    return false
                }
            }
            return true
        }

        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<", index + 1 < scalars.count else {
                text.append(scalar)
                index += 1
                continue
            }
            let next = scalars[index + 1]
            if startsWith("<!--", at: index) {
                flushText()
                var end = index + 4
                while end < scalars.count && !startsWith("-->", at: end) { end += 1 }
                index = min(scalars.count, end + 3)
                continue
            }
            if next == "!" || next == "?" {
                // Doctype or processing instruction: skip to '>'.
                flushText()
                var end = index + 2
                while end < scalars.count && scalars[end] != ">" { end += 1 }
                index = min(scalars.count, end + 1)
                continue
            }
            if next == "/" {
                var cursor = index + 2
                let name = readName(scalars, &cursor)
                guard !name.isEmpty else {
                    text.append(scalar)
                    index += 1
                    continue
                }
                flushText()
                while cursor < scalars.count && scalars[cursor] != ">" { cursor += 1 }
                index = min(scalars.count, cursor + 1)
                if let position = stack.lastIndex(where: { $0.name == name }), position > 0 {
                    stack.removeSubrange(position...)
                }
                continue
            }
            guard isNameStart(next) else {
                text.append(scalar)
                index += 1
                continue
            }
            flushText()
            var cursor = index + 1
            let name = readName(scalars, &cursor)
            var attributes: [String: String] = [:]
            var selfClosing = false
            while cursor < scalars.count {
                skipSpace(scalars, &cursor)
                guard cursor < scalars.count else { break }
                if scalars[cursor] == ">" { cursor += 1; break }
                if scalars[cursor] == "/" {
                    selfClosing = true
                    cursor += 1
                    continue
                }
                var attributeName = String.UnicodeScalarView()
                while cursor < scalars.count, !isSpace(scalars[cursor]), scalars[cursor] != "=", scalars[cursor] != ">",
                      !(scalars[cursor] == "/" && cursor + 1 < scalars.count && scalars[cursor + 1] == ">") {
                    attributeName.append(lowercased(scalars[cursor]))
                    cursor += 1
                }
                selfClosing = false
                skipSpace(scalars, &cursor)
                var value = ""
                if cursor < scalars.count && scalars[cursor] == "=" {
                    cursor += 1
                    skipSpace(scalars, &cursor)
                    var raw = String.UnicodeScalarView()
                    if cursor < scalars.count && (scalars[cursor] == "\"" || scalars[cursor] == "'") {
                        let quote = scalars[cursor]
                        cursor += 1
                        while cursor < scalars.count && scalars[cursor] != quote {
                            raw.append(scalars[cursor])
                            cursor += 1
                        }
                        cursor += 1
                    } else {
                        while cursor < scalars.count && !isSpace(scalars[cursor]) && scalars[cursor] != ">" {
                            raw.append(scalars[cursor])
                            cursor += 1
                        }
                    }
                    value = HTMLEntities.decode(String(raw))
                }
                let key = String(attributeName)
                if !key.isEmpty && attributes[key] == nil { attributes[key] = value }
            }
            index = cursor
            let element = HTMLElement(name: name, attributes: attributes)
            open(element)
            if HTMLDocument.voidElements.contains(name) || selfClosing { continue }
            if HTMLDocument.rawTextElements.contains(name) {
                var end = index
                while end < scalars.count && !startsWith("</\(name)", at: end) { end += 1 }
                let body = String(String.UnicodeScalarView(scalars[index..<end]))
                if !body.isEmpty {
                    element.contents.append(.text(name == "textarea" || name == "title" ? HTMLEntities.decode(body) : body))
                }
                while end < scalars.count && scalars[end] != ">" { end += 1 }
                index = min(scalars.count, end + 1)
                continue
            }
            stack.append(element)
        }
        flushText()
        self.root = root
    }

    /// Every element called `name`.
    public func elements(named name: String) -> [HTMLElement] { root.elements(named: name) }

    /// The element whose `id` is `id`.
    public func element(id: String) -> HTMLElement? { root.element(id: id) }

    /// The elements whose class list holds `className`.
    public func elements(withClass className: String) -> [HTMLElement] { root.elements(withClass: className) }

    /// The document's text.
    public var text: String { root.text }
}

private func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
    (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
}

private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
}

private func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    (scalar >= "A" && scalar <= "Z") ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
}

private func skipSpace(_ scalars: [Unicode.Scalar], _ cursor: inout Int) {
    while cursor < scalars.count && isSpace(scalars[cursor]) { cursor += 1 }
}

private func readName(_ scalars: [Unicode.Scalar], _ cursor: inout Int) -> String {
    var name = String.UnicodeScalarView()
    while cursor < scalars.count {
        let scalar = scalars[cursor]
        guard !isSpace(scalar) && scalar != ">" && scalar != "/" else { break }
        name.append(lowercased(scalar))
        cursor += 1
    }
    return String(name)
}
