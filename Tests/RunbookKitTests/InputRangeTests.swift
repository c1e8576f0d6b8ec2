import Foundation
import RunbookKit
import Testing

/// Numbers and times people write, read into checked ranges: nothing traps, everything
/// out of range is one located error.
@Suite struct InputRangeTests {
    @Test(arguments: [
        ("30m", DurationReading.seconds(1800)), ("1h30m", .seconds(5400)), ("45", .seconds(2700)), ("2d", .seconds(172_800)),
        ("30d", .seconds(2_592_000)), ("31d", .overLimit), ("9999999999999h", .overLimit),
        ("99999999999999999999999m", .overLimit), ("9223372036854775807s", .overLimit), ("-5m", .invalid),
        ("5x", .invalid), ("", .invalid), ("m", .invalid), ("٣m", .invalid), ("1h30", .invalid),
    ])
    func durationsAreReadIntoTheThirtyDayRange(_ text: String, _ expected: DurationReading) {
        #expect(readDuration(text) == expected)
    }

    @Test(arguments: [("02:17", true), ("0:05", true), ("23:59", true), ("24:00", false), ("25:99", false), ("12:60", false),
                      ("2pm", false), ("14:00:00", false), ("-1:30", false), ("١٢:٠٠", false)])
    func clockTimesAreHoursAndMinutesOfADay(_ text: String, _ valid: Bool) {
        #expect((ClockText.hourMinute(text) != nil) == valid)
    }

    func loadErrors(_ body: () throws -> Void) -> [String] {
        do { try body(); return [] } catch let error as LoadErrors { return error.errors.map(\.description) } catch { return ["\(error)"] }
    }

    @Test func aHugeBudgetIsALocatedErrorNotATrap() {
        let errors = loadErrors { _ = try RunbookLoader.parse("---\nbudget: 9999999999999h\n---\n# T\n## S\n1. Do.\n", file: "rb.md") }
        #expect(errors == ["rb.md:2:9: error: expected a duration of at most 30 days, found '9999999999999h' (hint: budget 9999999999999h is over the limit of 30 days)"])
    }

    @Test(arguments: [
        ("---\nid: a\ntitle: A\nid: b\n---\n# T\n", "rb.md:4:1: error: expected each key once in a mapping, found 'id' a second time"),
        ("# T\n## S\n1. Do.\n   <!-- coldread\n   scopes: [a]\n   scopes: [b]\n   -->\n", "rb.md:6:4: error: expected each key once in a mapping, found 'scopes' a second time"),
    ])
    func aDuplicateKeyIsOneLineAtTheRepeat(_ text: String, _ expected: String) {
        let errors = loadErrors { _ = try RunbookLoader.parse(text, file: "rb.md") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix(expected) == true, "\(errors)")
        #expect(errors.allSatisfy { !$0.contains("\n") })
    }

    @Test func aScenarioNamingMissingStepsIsLocatedInTheScenario() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coldread-range-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "# T\n".write(toFile: dir + "/rb.md", atomically: true, encoding: .utf8)
        let text = "runbook: rb.md\ninjects:\n  - at_step: 3\n    text: late\nexpect:\n  resolved_by_step: 4\n"
        let scenario = try ScenarioLoader.parse(text, file: dir + "/s.yaml").scenario
        let problems = scenario.stepProblems(stepCount: 2).map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(problems == [
            "3:14 expected at_step: a step from 1 to 2 (the runbook '\(scenario.runbookPath)' has 2 steps), found 3",
            "6:21 expected resolved_by_step: a step from 1 to 2 (the runbook '\(scenario.runbookPath)' has 2 steps), found 4",
        ])
        #expect(scenario.stepProblems(stepCount: 4).isEmpty)
    }

    @Test func controlCharactersAreEscapedToOneLine() {
        #expect(OneLine.escaped("a\nb\r\tc\u{1B}[2J\u{2028}") == "a\\nb\\r\\tc\\u{1B}[2J\\u{2028}")
        #expect(OneLine.escaped("plain ünïcode") == "plain ünïcode")
    }
}
