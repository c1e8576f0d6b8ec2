/// Wall-clock times people write in scenarios and the cadence slot: `02:17`, `14:00`.
public enum ClockText {
    /// Hour and minute of `H:MM` or `HH:MM` with hours 0–23 and minutes 0–59; nil for
    /// anything else (`25:99`, `2pm`, `14:00:00`).
    public static func hourMinute(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.trimmingWhitespace().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return (hour, minute)
    }
}
