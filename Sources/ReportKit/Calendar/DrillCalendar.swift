import DrillKit
import Foundation

/// The drill schedule as an RFC 5545 calendar, for the facilitator's calendar app.
/// Times are written in UTC (so no VTIMEZONE is needed); UIDs depend only on the runbook
/// and its due date, so re-importing an unchanged schedule updates nothing, and a moved
/// due date shows up as a new event.
public enum DrillCalendar {
    public struct Entry: Hashable, Sendable {
        public var runbookId: String
        public var title: String
        public var due: Date
        public var overdue: Bool
        /// Free text for the event body (mode, last drill, streak).
        public var detail: String

        public init(runbookId: String, title: String, due: Date, overdue: Bool, detail: String) {
            self.runbookId = runbookId
            self.title = title
            self.due = due
            self.overdue = overdue
            self.detail = detail
        }
    }

    /// The calendar text with CRLF line endings. `stamp` is DTSTAMP: when it was made.
    public static func render(_ entries: [Entry], stamp: Date, durationMinutes: Int = 60) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ColdRead//coldread schedule//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:Runbook drills",
        ]
        for entry in entries {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:\(uid(entry))")
            lines.append("DTSTAMP:\(utc(stamp))")
            lines.append("DTSTART:\(utc(entry.due))")
            lines.append("DURATION:PT\(durationMinutes)M")
            lines.append("SUMMARY:\(escapeText("Cold drill: \(entry.title)\(entry.overdue ? " (overdue)" : "")"))")
            lines.append("DESCRIPTION:\(escapeText(entry.detail))")
            lines.append("CATEGORIES:\(escapeText("runbook drill"))")
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `runbook-id-YYYYMMDD@coldread`, with characters outside `[A-Za-z0-9._-]` hex-escaped
    /// so any id gives a valid, stable UID.
    static func uid(_ entry: Entry) -> String {
        var id = ""
        for byte in entry.runbookId.utf8 {
            let c = Character(UnicodeScalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || c == "." || c == "_" || c == "-") { id.append(c) }
            else { id += String(format: "%%%02X", byte) }
        }
        return "\(id)-\(utc(entry.due).prefix(8))@coldread"
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0, p.second ?? 0)
    }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines.
    static func escapeText(_ text: String) -> String { textValue(text) }

    private static let textValue = ScalarEscaping(
        replacements: ["\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""],
        forbids: { $0.value < 0x20 && $0 != "\t" })

    /// Folds a content line at 75 octets (RFC 5545 §3.1): continuation lines start with a
    /// space, and a multi-byte UTF-8 character is never split.
    static func fold(_ line: String) -> String {
        var result = ""
        var lineOctets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if lineOctets + size > 75 {
                result += "\r\n "
                lineOctets = 1
            }
            result.unicodeScalars.append(scalar)
            lineOctets += size
        }
        return result
    }
}
