import Foundation
import Testing
import ChatTemplates

/// Every construct of the supported Jinja subset, checked against the output of Python Jinja2 itself
/// (see LanguageVectors.swift), under each combination of trim_blocks / lstrip_blocks.
@Suite struct LanguageVectorTests {
    static let context: [String: TemplateValue] = {
        guard case .dictionary(let fields)? = try? TemplateValue(json: vectorContextJSON) else { return [:] }
        var variables: [String: TemplateValue] = [:]
        for (key, value) in fields { variables[key] = value }
        return variables
    }()

    static func options(_ name: String) -> TemplateOptions {
        switch name {
        case "trim": return TemplateOptions(trimBlocks: true, lstripBlocks: false)
        case "lstrip": return TemplateOptions(trimBlocks: false, lstripBlocks: true)
        case "chat": return TemplateOptions(trimBlocks: true, lstripBlocks: true)
        case "keep": return TemplateOptions(trimBlocks: false, lstripBlocks: false, keepTrailingNewline: true)
        default: return .plainJinja
        }
    }

    @Test func contextParsed() {
        #expect(Self.context.count == 12)
    }

    @Test(arguments: languageVectors)
    func rendersLikeJinja2(_ vector: LanguageVector) throws {
        let template = try ChatTemplate(vector.template, options: Self.options(vector.options))
        #expect(try template.render(Self.context) == vector.expected, "\(vector.group) [\(vector.options)]: \(vector.template)")
    }
}

extension LanguageVector: CustomTestStringConvertible {
    var testDescription: String { "\(group)/\(options): \(template.prefix(60))" }
}
