import Foundation
import RunbookKit

/// Where in the week drills happen (`cadence.slot` in coldread.yaml: Tuesday 14:00 by
/// default), in the slot's own time zone, so a slot stays at 14:00 local across daylight
/// saving switches. A slot time that does not exist on a switch day (the skipped hour)
/// moves forward by the length of the gap, as Foundation's calendar resolves it.
public struct DrillSlot: Sendable {
    public var policy: CadencePolicy
    public var calendar: Calendar

    public init(policy: CadencePolicy) {
        self.policy = policy
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: policy.slotTimeZone) ?? TimeZone(identifier: "UTC")!
        self.calendar = calendar
    }

    /// The slot on the first slot weekday on or after the calendar day of `date` (local to
    /// the slot's time zone). It may lie earlier than `date` on that same day.
    public func slot(onOrAfterDayOf date: Date) -> Date {
        let day = calendar.startOfDay(for: date)
        let weekday = calendar.component(.weekday, from: day)
        let delta = (policy.slotWeekday - weekday + 7) % 7
        let target = calendar.date(byAdding: .day, value: delta, to: day) ?? day
        var parts = calendar.dateComponents([.year, .month, .day], from: target)
        parts.hour = policy.slotHour
        parts.minute = policy.slotMinute
        parts.second = 0
        return calendar.date(from: parts) ?? target
    }

    /// The first slot at or after the instant `date`.
    public func slot(atOrAfter date: Date) -> Date {
        let candidate = slot(onOrAfterDayOf: date)
        if candidate >= date { return candidate }
        let nextDay = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: date)) ?? date
        return slot(onOrAfterDayOf: nextDay)
    }

    /// The slot `months` calendar months after `date`, placed on the slot weekday.
    public func slot(months: Int, after date: Date) -> Date {
        slot(onOrAfterDayOf: calendar.date(byAdding: .month, value: months, to: date) ?? date)
    }

    /// `YYYY-MM-DD` of the instant in the slot's time zone.
    public func day(of date: Date) -> String {
        let p = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0)
    }

    /// The end of a `YYYY-MM-DD` day in the slot's time zone (the last second before the
    /// next day begins), or nil for text that is not a date.
    public func endOfDay(_ text: String) -> Date? {
        guard let start = startOfDay(text), let next = calendar.date(byAdding: .day, value: 1, to: start) else { return nil }
        return next.addingTimeInterval(-1)
    }

    /// The start of a `YYYY-MM-DD` day in the slot's time zone, or nil for a day the
    /// calendar does not have (`IncidentsLoader.isCalendarDate`): the calendar would roll
    /// `2026-13-01` into 2027 and `2026-02-30` into March.
    public func startOfDay(_ text: String) -> Date? {
        guard IncidentsLoader.isCalendarDate(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }
}
