/// The longest duration ColdRead accepts anywhere a person writes one (budgets, inject
/// times, deadlines, provider timeouts): 30 days. Longer is a typo, and the cap keeps
/// every later conversion to milliseconds or nanoseconds far from overflow.
public let durationLimitSeconds = 30 * 86_400

/// What a duration a person wrote turned out to be.
public enum DurationReading: Hashable, Sendable {
    case seconds(Int)
    /// Not a duration at all (`soon`, `5x`, `-3m`).
    case invalid
    /// A duration, but longer than `durationLimitSeconds` (or too long to count).
    case overLimit

    /// The seconds, or nil when the text was invalid or over the limit.
    public var seconds: Int? {
        if case .seconds(let s) = self { return s }
        return nil
    }

    /// "budget 9999999999999h is over the limit of 30 days", for one-line errors.
    public static func overLimitMessage(_ what: String, _ text: String) -> String {
        "\(what) \(text.trimmingWhitespace()) is over the limit of \(durationLimitSeconds / 86_400) days"
    }
}

/// Parses the human durations runbooks and scenarios use: `30m`, `1h30m`, `90s`, `2d`,
/// `45` (minutes). Arithmetic is checked: a number too large to count is `overLimit`,
/// never a trap.
public func readDuration(_ text: String, limitSeconds: Int = durationLimitSeconds) -> DurationReading {
    let s = text.trimmingWhitespace().lowercased()
    guard !s.isEmpty else { return .invalid }
    var total = 0
    var digits = ""
    var sawUnit = false
    var overflowed = false
    func add(_ digits: String, unit: Int) -> Bool {
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) else { return false }
        guard let n = Int(digits) else { overflowed = true; return true }
        let (product, o1) = n.multipliedReportingOverflow(by: unit)
        let (sum, o2) = total.addingReportingOverflow(product)
        if o1 || o2 { overflowed = true } else { total = sum }
        return true
    }
    for ch in s {
        if ch.isASCIIDigit {
            digits.append(ch)
        } else if ch == " " {
            continue
        } else {
            let unit: Int
            switch ch {
            case "d": unit = 86_400
            case "h": unit = 3_600
            case "m": unit = 60
            case "s": unit = 1
            default: return .invalid
            }
            guard add(digits, unit: unit) else { return .invalid }
            digits = ""
            sawUnit = true
        }
    }
    if !sawUnit {
        guard add(digits, unit: 60) else { return .invalid }
    } else if !digits.isEmpty {
        return .invalid
    }
    if overflowed || total > limitSeconds { return .overLimit }
    return .seconds(total)
}

/// Seconds of a duration within the limit, or nil (see `readDuration` for why).
public func parseDurationSeconds(_ text: String) -> Int? {
    readDuration(text).seconds
}

extension Character {
    /// 0–9 only: `isNumber` also accepts digits such as `٣` that `Int(_:)` refuses.
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}

/// Formats seconds as `1h05m`, `12m30s` or `45s` for screens and reports.
public func formatDuration(seconds: Int) -> String {
    let sign = seconds < 0 ? "-" : ""
    let s = seconds == Int.min ? Int.max : abs(seconds)
    let h = s / 3600, m = (s % 3600) / 60, sec = s % 60
    if h > 0 { return "\(sign)\(h)h\(m < 10 ? "0" : "")\(m)m" }
    if m > 0 { return "\(sign)\(m)m\(sec < 10 ? "0" : "")\(sec)s" }
    return "\(sign)\(sec)s"
}
