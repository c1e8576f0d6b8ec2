import Foundation

/// Run ids sort by the time the run was created, then name the runbook, then carry a
/// short random suffix so two runs in the same second never collide:
/// `20261125T021700Z-agent-wrong-answers-ab12`.
public enum RunId {
    public static func make(at date: Date, runbookId: String, suffix: String = randomSuffix()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        let stamp = String(format: "%04d", c.year ?? 0) + two(c.month) + two(c.day) + "T" + two(c.hour) + two(c.minute) + two(c.second) + "Z"
        let safeId = String(runbookId.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        return "\(stamp)-\(safeId)-\(suffix)"
    }

    public static func randomSuffix() -> String {
        String((0..<4).map { _ in "0123456789abcdef".randomElement()! })
    }
}
