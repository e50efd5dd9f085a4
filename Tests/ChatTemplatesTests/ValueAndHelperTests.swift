import Foundation
import Testing
import ChatTemplates

/// The public value types, the JSON reader, `strftime_now`, message helpers and Hugging Face's extensions.
@Suite struct ValueAndHelperTests {
    @Test func dictionaryLiteralsKeepTheirOrderThroughTojson() throws {
        let tool: TemplateValue = ["type": "function", "function": ["name": "get_weather", "parameters": ["b": 1, "a": [true, nil, 2.5]]]]
        let output = try render("{{ tool | tojson }}", ["tool": tool])
        // The JSON Python's json.dumps gives for the same dict built in the same order.
        #expect(output == #"{"type": "function", "function": {"name": "get_weather", "parameters": {"b": 1, "a": [true, null, 2.5]}}}"#)
    }

    @Test func templateDictionaryBehavesLikeAnOrderedDict() {
        var dictionary: TemplateDictionary = ["z": 1, "a": 2]
        dictionary["m"] = 3
        dictionary["z"] = 4
        #expect(dictionary.keys == ["z", "a", "m"])
        #expect(dictionary["z"] == 4)
        dictionary["a"] = nil
        #expect(dictionary.keys == ["z", "m"])
        #expect(dictionary.count == 2)
        #expect(Array(dictionary.map(\.key)) == ["z", "m"])
        let reordered: TemplateDictionary = ["m": 3, "z": 4]
        #expect(dictionary == reordered)
        #expect(TemplateDictionary(["b": 1, "a": 2]).keys == ["a", "b"])
        #expect(TemplateDictionary(pairs: [("k", 1), ("j", 2), ("k", 3)]).keys == ["k", "j"])
        #expect(TemplateDictionary(pairs: [("k", 1), ("j", 2), ("k", 3)])["k"] == 3)
    }

    @Test func literalFormsBuildTheExpectedCases() {
        let values: [TemplateValue] = ["s", 1, 1.5, true, nil, [1], ["k": "v"]]
        #expect(values == [.string("s"), .int(1), .double(1.5), .bool(true), .none, .array([.int(1)]), .dictionary(TemplateDictionary(pairs: [("k", .string("v"))]))])
        #expect(TemplateValue.object([("b", 1), ("a", 2)]) == ["b": 1, "a": 2])
    }

    @Test func jsonReaderKeepsOrderAndTypes() throws {
        let value = try TemplateValue(json: #" {"b": [1, -2, 3.5, 1e2, true, false, null], "a": {"s": "q\"\\\/\n\u00e9\ud83d\ude00"}} "#)
        let expected: TemplateValue = ["b": [1, -2, 3.5, 100.0, true, false, nil], "a": ["s": "q\"\\/\né😀"]]
        #expect(value == expected)
        guard case .dictionary(let fields) = value else { Issue.record("not an object"); return }
        #expect(fields.keys == ["b", "a"])
        #expect(try TemplateValue(json: "12345678901234567890") == .double(1.2345678901234567e19))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9), ("[1, 2", 1, 6), ("{\"a\" 1}", 1, 6), ("\"abc", 1, 5), ("tru", 1, 4), ("[1]\n x", 2, 2),
        ("\"\\q\"", 1, 4), ("-", 1, 1), ("1.", 1, 3),
    ])
    func jsonReaderRejectsMalformedInput(_ text: String, _ line: Int, _ column: Int) {
        let error = templateError { _ = try TemplateValue(json: text) }
        #expect(error?.kind == .syntax)
        #expect(error?.line == line)
        #expect(error?.column == column)
        #expect(error?.message.hasPrefix("invalid JSON") == true)
    }

    @Test func jsonReaderLimitsNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = templateError { _ = try TemplateValue(json: deep) }
        #expect(error?.message.contains("nested too deeply") == true)
    }

    /// Expected strings from Python's `datetime(2025, 3, 5, 14, 7, 9).strftime(...)` and
    /// `datetime(2024, 12, 31, 0, 5, 0).strftime(...)`.
    @Test func strftimeNowMatchesPythonStrftime() throws {
        let formats: [(String, String)] = [
            ("%d %b %Y", "05 Mar 2025"),
            ("%Y-%m-%d %H:%M:%S", "2025-03-05 14:07:09"),
            ("%A, %B %d %y", "Wednesday, March 05 25"),
            ("%a %j %I:%M %p", "Wed 064 02:07 PM"),
            ("%e|%w|%u|%%|%F %T", " 5|3|3|%|2025-03-05 14:07:09"),
        ]
        for (format, expected) in formats {
            let source = "{{ strftime_now('" + format + "') }}"
            #expect(try render(source, options: referenceOptions) == expected)
        }
        var components = DateComponents()
        (components.year, components.month, components.day, components.hour, components.minute) = (2024, 12, 31, 0, 5)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let newYearsEve = TemplateOptions(now: calendar.date(from: components), timeZone: TimeZone(identifier: "UTC")!)
        #expect(try render("{{ strftime_now('%j %I %p %a %d %b') }}", options: newYearsEve) == "366 12 AM Tue 31 Dec")
        #expect(try render("{{ strftime_now is defined }}") == "True")
    }

    @Test func strftimeNowUsesTheClockByDefault() throws {
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let rendered = try render("{{ strftime_now('%Y') }}", options: TemplateOptions(timeZone: TimeZone(identifier: "UTC")!))
        #expect(abs((Int(rendered) ?? 0) - year) <= 1)
    }

    @Test func generationBlocksRenderTheirBody() throws {
        let source = "{% for m in messages %}{% if m.role == 'assistant' %}{% generation %}{{ m.content }}{% endgeneration %}{% else %}[{{ m.content }}]{% endif %}{% endfor %}"
        let messages: TemplateValue = [["role": "user", "content": "q"], ["role": "assistant", "content": "a"]]
        #expect(try render(source, ["messages": messages]) == "[q]a")
    }

    @Test func chatMessagesEncodeAndBecomeTemplateValues() throws {
        let message = ChatMessage(role: "user", content: "Hi \"there\"")
        let data = try JSONEncoder().encode(message)
        #expect(try JSONDecoder().decode(ChatMessage.self, from: data) == message)
        #expect(message.templateValue == ["role": "user", "content": "Hi \"there\""])
        #expect(try render("{{ m | tojson }}", ["m": message.templateValue]) == #"{"role": "user", "content": "Hi \"there\""}"#)
    }

    @Test func systemMessagesFoldIntoTheFirstUserTurn() {
        let system = ChatMessage(role: "system", content: "S")
        let user = ChatMessage(role: "user", content: "U")
        let assistant = ChatMessage(role: "assistant", content: "A")
        #expect(ChatMessage.mergingSystemIntoFirstUser([user, assistant]) == [user, assistant])
        #expect(ChatMessage.mergingSystemIntoFirstUser([system, user, assistant]) == [ChatMessage(role: "user", content: "S\nU"), assistant])
        #expect(ChatMessage.mergingSystemIntoFirstUser([system, system, user], separator: "\n\n") == [ChatMessage(role: "user", content: "S\n\nS\n\nU")])
        #expect(ChatMessage.mergingSystemIntoFirstUser([system]) == [ChatMessage(role: "user", content: "S")])
        #expect(ChatMessage.mergingSystemIntoFirstUser([system, assistant, user]) == [assistant, ChatMessage(role: "user", content: "S\nU")])
    }

    @Test func optionsSwitchBlockTrimming() throws {
        let source = "<ul>\n  {% for x in [1, 2] %}\n  <li>{{ x }}</li>\n  {% endfor %}\n</ul>"
        // Outputs from Python Jinja2 3.1.6 for the same source.
        #expect(try render(source) == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>")
        #expect(try renderPlain(source) == "<ul>\n  \n  <li>1</li>\n  \n  <li>2</li>\n  \n</ul>")
    }

    @Test func templateKeepsItsSourceAndOptions() throws {
        let template = try ChatTemplate("{{ 1 }}", options: .plainJinja)
        #expect(template.source == "{{ 1 }}")
        #expect(template.options.trimBlocks == false)
        #expect(try ChatTemplate("x").options.lstripBlocks == true)
    }
}
