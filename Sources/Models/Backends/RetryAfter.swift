import Foundation

/// Parses a server's requested wait: `Retry-After` as delay-seconds or an HTTP-date, and the `retry-after-ms`
/// header some providers send.
enum RetryAfter {
    /// Seconds to wait, from the headers of a response; nil when none is given or it cannot be read.
    static func seconds(headers: [String: String], now: Date = Date()) -> Double? {
        if let ms = header("retry-after-ms", in: headers), let value = Double(ms), value.isFinite, value >= 0 {
            return value / 1000
        }
        guard let text = header("retry-after", in: headers) else { return nil }
        return seconds(from: text, now: now)
    }

    /// Seconds from one `Retry-After` value: a non-negative number, or an HTTP-date (IMF-fixdate, RFC 850 or
    /// asctime form; a date in the past means 0).
    static func seconds(from text: String, now: Date) -> Double? {
        let value = text.trimmingCharacters(in: .whitespaces)
        if let number = Double(value) {
            return number.isFinite && number >= 0 ? number : nil
        }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: value) {
                return max(0, date.timeIntervalSince(now))
            }
        }
        return nil
    }

    private static func header(_ name: String, in headers: [String: String]) -> String? {
        headers.first { $0.key.lowercased() == name }?.value
    }
}
