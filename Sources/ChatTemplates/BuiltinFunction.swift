/// Global functions available to every template.
enum BuiltinFunction: String, CaseIterable {
    case range
    case namespace
    case raiseException = "raise_exception"
    case strftimeNow = "strftime_now"
    case dict
}
