/// Parses the human durations runbooks and scenarios use: `30m`, `1h30m`, `90s`, `45`
/// (minutes). Returns seconds, or nil when the text is not a duration.
public func parseDurationSeconds(_ text: String) -> Int? {
    let s = text.trimmingWhitespace().lowercased()
    guard !s.isEmpty else { return nil }
    if let minutes = Int(s) { return minutes >= 0 ? minutes * 60 : nil }
    var total = 0
    var digits = ""
    var sawUnit = false
    for ch in s {
        if ch.isNumber {
            digits.append(ch)
        } else if ch == " " {
            continue
        } else {
            guard let n = Int(digits) else { return nil }
            switch ch {
            case "h": total += n * 3600
            case "m": total += n * 60
            case "s": total += n
            case "d": total += n * 86400
            default: return nil
            }
            digits = ""
            sawUnit = true
        }
    }
    guard digits.isEmpty, sawUnit else { return nil }
    return total
}

/// Formats seconds as `1h05m`, `12m30s` or `45s` for screens and reports.
public func formatDuration(seconds: Int) -> String {
    let sign = seconds < 0 ? "-" : ""
    let s = abs(seconds)
    let h = s / 3600, m = (s % 3600) / 60, sec = s % 60
    if h > 0 { return "\(sign)\(h)h\(m < 10 ? "0" : "")\(m)m" }
    if m > 0 { return "\(sign)\(m)m\(sec < 10 ? "0" : "")\(sec)s" }
    return "\(sign)\(sec)s"
}
