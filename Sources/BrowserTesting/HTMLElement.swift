/// An element of a parsed HTML document, with its attributes, children and text.
public final class HTMLElement: @unchecked Sendable {
    /// Lower-cased tag name (`svg`, `rect`, `table`, …); `#document` for the root.
    public let name: String
    /// Attributes by lower-cased name, entity references decoded.
    public let attributes: [String: String]
    /// Child elements, in document order.
    public internal(set) var children: [HTMLElement] = []
    /// The element's own text pieces and its children's, in document order (entity references decoded).
    public internal(set) var contents: [HTMLContent] = []
    /// The enclosing element (nil for the root).
    public internal(set) weak var parent: HTMLElement?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The value of attribute `name`.
    public subscript(attribute name: String) -> String? { attributes[name.lowercased()] }

    /// The `id` attribute.
    public var id: String? { attributes["id"] }

    /// The class names in the `class` attribute.
    public var classes: [String] { (attributes["class"] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init) }

    /// All the text inside the element, concatenated in document order (script and style bodies included).
    public var text: String {
        var result = ""
        for piece in contents {
            switch piece {
            case .text(let text): result += text
            case .element(let element): result += element.text
            }
        }
        return result
    }

    /// Every element below this one (not itself), depth first in document order.
    public var descendants: [HTMLElement] {
        var result: [HTMLElement] = []
        func walk(_ element: HTMLElement) {
            for child in element.children {
                result.append(child)
                walk(child)
            }
        }
        walk(self)
        return result
    }

    /// The descendants called `name`.
    public func elements(named name: String) -> [HTMLElement] {
        let wanted = name.lowercased()
        return descendants.filter { $0.name == wanted }
    }

    /// The first descendant whose `id` is `id`.
    public func element(id: String) -> HTMLElement? { descendants.first { $0.id == id } }

    /// The descendants whose class list holds `className`.
    public func elements(withClass className: String) -> [HTMLElement] {
        descendants.filter { $0.classes.contains(className) }
    }

    /// The enclosing elements, nearest first.
    public var ancestors: [HTMLElement] {
        var result: [HTMLElement] = []
        var current = parent
        while let element = current {
            result.append(element)
            current = element.parent
        }
        return result
    }
}

/// A piece of an element's content: text or a child element.
public enum HTMLContent: Sendable {
    case text(String)
    case element(HTMLElement)
}
