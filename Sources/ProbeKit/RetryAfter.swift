import Foundation

/// Reads a `Retry-After` header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
enum RetryAfter {
    /// The longest wait a server may ask for; the link deadline ends the wait sooner anyway.
    static let longest: Double = 86_400

    static func delay(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            // A server's number is clamped before any arithmetic: "99999999999999999999" waits a day, never traps.
            return .seconds(Int(value).map { min(max(0, $0), Int(longest)) } ?? Int(longest))
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        let seconds = date.timeIntervalSince(now)
        guard seconds.isFinite, seconds > 0 else { return .zero }
        return .milliseconds(Int(min(seconds, longest) * 1000))
    }
}
