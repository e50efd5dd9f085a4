import Foundation
import Testing
import ChatTemplates

/// Renders `source` with plain values; fails the test (returning nil) when parsing or rendering throws.
func render(_ source: String, _ context: [String: TemplateValue] = [:], options: TemplateOptions = TemplateOptions()) throws -> String {
    try ChatTemplate(source, options: options).render(context)
}

/// Renders with Jinja's own defaults (no trim_blocks / lstrip_blocks), as the Jinja2-verified vectors assume.
func renderPlain(_ source: String, _ context: [String: TemplateValue] = [:]) throws -> String {
    try ChatTemplate(source, options: .plainJinja).render(context)
}

/// The error thrown by `body`, if it is a `TemplateError`.
func templateError(_ body: () throws -> Void) -> TemplateError? {
    do {
        try body()
        return nil
    } catch let error as TemplateError {
        return error
    } catch {
        return nil
    }
}

/// The instant the reference renders used for `strftime_now`: 2025-03-05 14:07:09 UTC.
let referenceDate: Date = {
    var components = DateComponents()
    components.year = 2025
    components.month = 3
    components.day = 5
    components.hour = 14
    components.minute = 7
    components.second = 9
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: components)!
}()

let referenceOptions = TemplateOptions(now: referenceDate, timeZone: TimeZone(identifier: "UTC")!)

extension LlamaCppCase: CustomTestStringConvertible {
    var testDescription: String { name }
}

extension ReferenceRender: CustomTestStringConvertible {
    var testDescription: String { name }
}
