import Foundation
import Testing
import Yams
@testable import Probes

extension CanonicalJSON {
    /// A YAML text as JSON, as written (no decoding into the model): to check files against the schema.
    init(yaml: String) throws {
        self = Self.converting(try Yams.load(yaml: yaml) as Any)
    }

    private static func converting(_ value: Any) -> CanonicalJSON {
        switch value {
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .number(String(number))
        case let number as Double: return .number("\(number)")
        case let text as String: return .string(text)
        case let list as [Any]: return .array(list.map(converting))
        case let mapping as [AnyHashable: Any]:
            return .object(Dictionary(uniqueKeysWithValues: mapping.map { ("\($0.key)", converting($0.value)) }))
        case let mapping as [String: Any]: return .object(mapping.mapValues(converting))
        default: return .null
        }
    }
}

/// A small JSON Schema (2020-12) checker covering the keywords docs/suite.schema.json uses: `$ref` to `$defs`,
/// `type`, `enum`, `required`, `properties`, `additionalProperties`, `items`, `minItems`, `minLength`,
/// `minimum`, `maximum` and `pattern`.
struct MiniSchemaChecker {
    let root: [String: Any]

    func errors(in value: CanonicalJSON) -> [String] {
        var found: [String] = []
        check(value, against: root, path: "$", into: &found)
        return found
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let reference = schema["$ref"] as? String, reference.hasPrefix("#/$defs/") else { return schema }
        let name = String(reference.dropFirst("#/$defs/".count))
        return ((root["$defs"] as? [String: Any])?[name] as? [String: Any]) ?? [:]
    }

    private func typeName(_ value: CanonicalJSON) -> [String] {
        switch value {
        case .null: return ["null"]
        case .bool: return ["boolean"]
        case .string: return ["string"]
        case .array: return ["array"]
        case .object: return ["object"]
        case .number(let text):
            return text.contains(".") || text.contains("e") ? ["number"] : ["integer", "number"]
        }
    }

    private func equals(_ value: CanonicalJSON, _ schemaValue: Any) -> Bool {
        switch value {
        case .string(let text): return (schemaValue as? String) == text
        case .number(let text):
            guard let number = schemaValue as? NSNumber, !(schemaValue is String) else { return false }
            return Double(text) == number.doubleValue
        case .bool(let flag): return (schemaValue as? Bool) == flag && !(schemaValue is String)
        default: return false
        }
    }

    private func check(_ value: CanonicalJSON, against rawSchema: [String: Any], path: String,
                       into found: inout [String]) {
        let schema = resolve(rawSchema)
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [(type as? String) ?? ""]
            if Set(allowed).isDisjoint(with: typeName(value)) {
                found.append("\(path): expected \(allowed), found \(typeName(value))")
                return
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { equals(value, $0) }) {
            found.append("\(path): \(value.text) is not one of the allowed values")
        }
        switch value {
        case .object(let members):
            for key in (schema["required"] as? [String]) ?? [] where members[key] == nil {
                found.append("\(path): missing required '\(key)'")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (key, member) in members {
                if let propertySchema = properties[key] as? [String: Any] {
                    check(member, against: propertySchema, path: "\(path).\(key)", into: &found)
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    check(member, against: extra, path: "\(path).\(key)", into: &found)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    found.append("\(path): unexpected property '\(key)'")
                }
            }
        case .array(let elements):
            if let minimum = schema["minItems"] as? Int, elements.count < minimum {
                found.append("\(path): fewer than \(minimum) items")
            }
            if let itemSchema = schema["items"] as? [String: Any] {
                for (index, element) in elements.enumerated() {
                    check(element, against: itemSchema, path: "\(path)[\(index)]", into: &found)
                }
            }
        case .string(let text):
            if let minimum = schema["minLength"] as? Int, text.count < minimum {
                found.append("\(path): shorter than \(minimum)")
            }
            if let pattern = schema["pattern"] as? String,
               let expression = try? NSRegularExpression(pattern: pattern),
               expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                found.append("\(path): '\(text)' does not match \(pattern)")
            }
        case .number(let text):
            let number = Double(text) ?? .nan
            if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, number < minimum {
                found.append("\(path): below \(minimum)")
            }
            if let maximum = (schema["maximum"] as? NSNumber)?.doubleValue, number > maximum {
                found.append("\(path): above \(maximum)")
            }
        default: break
        }
    }
}

@Suite struct SchemaTests {
    private func loadSchema() throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/suite.schema.json")
        let data = try Data(contentsOf: url)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test(arguments: ["khamassi2024", "values-core", "choices"])
    func builtinSuitesConformToTheSchema(name: String) throws {
        let checker = MiniSchemaChecker(root: try loadSchema())
        let suite = try BuiltinSuites.load(name)
        let errors = checker.errors(in: try CanonicalEncoder.encode(suite))
        #expect(errors.isEmpty, "\(errors.prefix(5))")
    }

    @Test func checkerRejectsBrokenInstances() throws {
        let checker = MiniSchemaChecker(root: try loadSchema())
        var suite = try SuiteLoader.load(yaml: baseFixture)
        suite.families[0].rubric = Rubric(criteria: [RubricCriterion(id: "r", description: "d", weight: 7,
                                                                     patterns: ["x"], kind: .custom)], threshold: 1)
        guard case .object(var members) = try CanonicalEncoder.encode(suite) else {
            Issue.record("a suite must encode as an object")
            return
        }
        members["surprise"] = .bool(true)
        members["title"] = nil
        let errors = checker.errors(in: .object(members))
        #expect(errors.contains { $0.contains("unexpected property 'surprise'") })
        #expect(errors.contains { $0.contains("missing required 'title'") })
        #expect(errors.contains { $0.contains("weight") && $0.contains("not one of") })
    }

    /// The schema names exactly the keys and enum values the loader accepts.
    @Test func schemaAgreesWithTheLoader() throws {
        let schema = try loadSchema()
        let definitions = try #require(schema["$defs"] as? [String: Any])
        func keys(_ name: String) -> Set<String> {
            Set((((definitions[name] as? [String: Any])?["properties"]) as? [String: Any] ?? [:]).keys)
        }
        #expect(Set((schema["properties"] as? [String: Any] ?? [:]).keys) == Set(SuiteDecoder.suiteKeys))
        #expect(keys("defaults") == Set(SuiteDecoder.defaultsKeys))
        #expect(keys("family") == Set(SuiteDecoder.familyKeys))
        #expect(keys("item") == Set(SuiteDecoder.itemKeys))
        #expect(keys("expected") == Set(SuiteDecoder.expectedKeys))
        #expect(keys("rubric") == Set(SuiteDecoder.rubricKeys))
        #expect(keys("criterion") == Set(SuiteDecoder.criterionKeys))
        #expect(keys("turn") == Set(SuiteDecoder.turnKeys))
        #expect(keys("ladder") == Set(SuiteDecoder.ladderKeys))
        #expect(keys("quick") == Set(SuiteDecoder.quickKeys))
        #expect(keys("scenario") == Set(SuiteDecoder.scenarioKeys))
        #expect(keys("form") == Set(SuiteDecoder.formKeys))
        #expect(keys("choice") == Set(SuiteDecoder.choiceKeys))
        #expect(keys("choiceAction") == Set(SuiteDecoder.choiceActionKeys))
        #expect(keys("choiceControl") == Set(SuiteDecoder.choiceControlKeys))
        #expect(keys("choiceForm") == Set(SuiteDecoder.choiceFormKeys))
        let form = try #require((definitions["choiceForm"] as? [String: Any])?["properties"] as? [String: Any])
        let answers = try #require((form["answer"] as? [String: Any])?["enum"] as? [String])
        #expect(Set(answers) == Set(ChoiceForm.Answer.allCases.map(\.rawValue)))
        let item = try #require((definitions["item"] as? [String: Any])?["properties"] as? [String: Any])
        let modes = try #require((item["mode"] as? [String: Any])?["enum"] as? [String])
        #expect(Set(modes) == Set(ProbeMode.allCases.map(\.rawValue)))
        let criterion = try #require((definitions["criterion"] as? [String: Any])?["properties"] as? [String: Any])
        let kinds = try #require((criterion["kind"] as? [String: Any])?["enum"] as? [String])
        #expect(Set(kinds) == Set(CriterionKind.allCases.map(\.rawValue)))
    }

    /// The file as written (with `control:` and `domain:`, before expansion) conforms to the schema too, and the
    /// schema rejects a choice with an unknown key.
    @Test func choiceFilesAsWrittenConformToTheSchema() throws {
        let checker = MiniSchemaChecker(root: try loadSchema())
        let url = try #require(BuiltinSuites.url(for: "choices"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let asWritten = try CanonicalJSON(yaml: text)
        #expect(checker.errors(in: asWritten).isEmpty, "\(checker.errors(in: asWritten).prefix(5))")
        let fixture = try CanonicalJSON(yaml: choiceFixture + formsBlock)
        #expect(checker.errors(in: fixture).isEmpty, "\(checker.errors(in: fixture).prefix(5))")
        let broken = try CanonicalJSON(yaml: replacing("at_risk: [fairness]", with: "risk: [fairness]", in: choiceFixture))
        #expect(checker.errors(in: broken).contains { $0.contains("unexpected property 'risk'") })
    }

    /// The complete example in docs/suite-format.md loads, and conforms to the schema.
    @Test func documentedExampleLoads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/suite-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n# A two-item family"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let yaml = String(text[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "```yaml\n", with: "")
        let suite = try SuiteLoader.load(yaml: "# A two-item family" + yaml, file: "suite-format.md")
        #expect(suite.itemCount == 4)
        #expect(suite.controlTwin(of: "canopy")?.id == "canopy-control")
        let rubric = try #require(suite.rubric(for: "canopy"))
        #expect(rubric.criteria[0].patterns == ["\\bdignity", "\\bdignified", "\\bhumiliat", "\\bdegrad"])
        #expect(suite.rubric(for: "canopy-causal")?.criteria.first?.id == "predicts-fatigue")
        let checker = MiniSchemaChecker(root: try loadSchema())
        #expect(checker.errors(in: try CanonicalEncoder.encode(suite)).isEmpty)
    }
}
