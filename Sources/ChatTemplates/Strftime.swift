import Foundation

/// C `strftime` formatting (English names) for the `strftime_now` global of chat templates.
enum Strftime {
    private static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let months = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func format(_ format: String, date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday, .nanosecond], from: date)
        let year = parts.year ?? 1970
        let month = parts.month ?? 1
        let day = parts.day ?? 1
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        let second = parts.second ?? 0
        let weekday = (parts.weekday ?? 1) - 1
        let dayOfYear = calendar.ordinality(of: .day, in: .year, for: date) ?? 1
        func pad(_ value: Int, _ width: Int = 2, _ filler: Character = "0") -> String {
            let digits = String(value)
            return String(repeating: filler, count: max(0, width - digits.count)) + digits
        }
        var out = ""
        var iterator = format.makeIterator()
        while let character = iterator.next() {
            guard character == "%" else { out.append(character); continue }
            guard let directive = iterator.next() else { out.append("%"); break }
            switch directive {
            case "d": out += pad(day)
            case "e": out += pad(day, 2, " ")
            case "m": out += pad(month)
            case "b", "h": out += String(months[month - 1].prefix(3))
            case "B": out += months[month - 1]
            case "y": out += pad(year % 100)
            case "Y": out += String(year)
            case "H": out += pad(hour)
            case "I": out += pad(hour % 12 == 0 ? 12 : hour % 12)
            case "M": out += pad(minute)
            case "S": out += pad(second)
            case "p": out += hour < 12 ? "AM" : "PM"
            case "a": out += String(weekdays[weekday].prefix(3))
            case "A": out += weekdays[weekday]
            case "w": out += String(weekday)
            case "u": out += String(weekday == 0 ? 7 : weekday)
            case "j": out += pad(dayOfYear, 3)
            case "f": out += pad((parts.nanosecond ?? 0) / 1000, 6)
            case "F": out += "\(pad(year, 4))-\(pad(month))-\(pad(day))"
            case "T": out += "\(pad(hour)):\(pad(minute)):\(pad(second))"
            case "D": out += "\(pad(month))/\(pad(day))/\(pad(year % 100))"
            case "z":
                let offset = timeZone.secondsFromGMT(for: date)
                out += (offset < 0 ? "-" : "+") + pad(abs(offset) / 3600) + pad(abs(offset) % 3600 / 60)
            case "Z": out += timeZone.abbreviation(for: date) ?? ""
            case "n": out += "\n"
            case "t": out += "\t"
            case "%": out += "%"
            default:
                out.append("%")
                out.append(directive)
            }
        }
        return out
    }
}
