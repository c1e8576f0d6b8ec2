import DrillKit
import Foundation
import ReportKit
import Testing

@Suite("Drill calendar (RFC 5545)")
struct DrillCalendarTests {
    static let longTitle = "Прод упал: откат промпта ответбота; проверь «трассы», журналы и панель — 東京リージョン 🚨 всё сразу"

    static func calendar() -> String {
        let due = RFC3339.date("2026-03-10T13:00:00Z")!
        let entries = [
            DrillCalendar.Entry(runbookId: "agent-wrong-answers", title: longTitle, due: due, overdue: true,
                                detail: "mode monthly, last drill 2026-02-17 (not clean); streak 0, a;b,c\\d"),
            DrillCalendar.Entry(runbookId: "checkout latency/ü", title: "Checkout latency", due: due.addingTimeInterval(86_400 * 7),
                                overdue: false, detail: "never drilled"),
        ]
        return DrillCalendar.render(entries, stamp: RFC3339.date("2026-03-01T09:00:00Z")!)
    }

    @Test func linesEndInCRLFAndFoldAt75OctetsWithoutSplittingCharacters() throws {
        let bytes = Array(Self.calendar().utf8)
        #expect(bytes.suffix(2) == [13, 10])
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13 {
                #expect(i + 1 < bytes.count && bytes[i + 1] == 10, "CR without LF at \(i)")
                lines.append(current)
                current = []
                i += 2
                continue
            }
            #expect(bytes[i] != 10, "bare LF at \(i)")
            current.append(bytes[i])
            i += 1
        }
        #expect(lines.allSatisfy { $0.count <= 75 })
        #expect(lines.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "a fold split a UTF-8 sequence")
        #expect(lines.filter { $0.first == 0x20 }.count >= 2, "the long title must have been folded")
    }

    @Test func icalendarParsesItBack() async throws {
        let script = """
        import sys, json
        from icalendar import Calendar
        cal = Calendar.from_ical(sys.stdin.buffer.read())
        out = []
        for ev in cal.walk("VEVENT"):
            out.append({"uid": str(ev["UID"]), "summary": str(ev["SUMMARY"]), "description": str(ev["DESCRIPTION"]),
                        "start": ev.decoded("DTSTART").isoformat(), "stamp": ev.decoded("DTSTAMP").isoformat()})
        print(json.dumps(out))
        """
        let result = try await PythonCheck.run(script, input: Self.calendar())
        try #require(result.status == 0, "icalendar failed (install it: python3 -m pip install icalendar): \(result.stderr)")
        let events = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: String]])
        #expect(events.count == 2)
        #expect(events[0]["summary"] == "Cold drill: \(Self.longTitle) (overdue)")
        #expect(events[0]["description"] == "mode monthly, last drill 2026-02-17 (not clean); streak 0, a;b,c\\d")
        #expect(events[0]["uid"] == "agent-wrong-answers-20260310@coldread")
        #expect(events[0]["start"] == "2026-03-10T13:00:00+00:00")
        #expect(events[0]["stamp"] == "2026-03-01T09:00:00+00:00")
        #expect(events[1]["uid"] == "checkout%20latency%2F%C3%BC-20260317@coldread")
    }

    @Test func uidsAreStableForTheSameRunbookAndDueDate() {
        #expect(Self.calendar() == Self.calendar())
    }
}
