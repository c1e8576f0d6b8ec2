import RunbookKit

/// A SARIF 2.1.0 log of lint findings, for GitHub code scanning and other viewers.
/// Every result carries `ruleId`, `ruleIndex`, a level, one physical location and a
/// `partialFingerprints` entry that survives edits elsewhere in the file (see
/// `FindingFingerprint`), so code scanning keeps an alert's history across commits.
/// Every rule carries `helpUri` (its section of docs/rules.md) and a short `help`.
struct SARIFLog: Encodable {
    struct Message: Encodable { var text: String }
    struct Region: Encodable { var startLine: Int; var startColumn: Int }
    struct ArtifactLocation: Encodable { var uri: String }
    struct PhysicalLocation: Encodable { var artifactLocation: ArtifactLocation; var region: Region }
    struct Location: Encodable { var physicalLocation: PhysicalLocation }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
    }
    struct Configuration: Encodable { var level: String }
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var help: Message
        var helpUri: String
        var defaultConfiguration: Configuration
    }
    struct Driver: Encodable {
        var name = "coldread"
        var version: String
        var informationUri = "https://github.com/coldread/coldread"
        var rules: [Rule]
    }
    struct Tool: Encodable { var driver: Driver }
    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }

    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    init(findings: [Finding], toolVersion: String) {
        let rules = LintRule.allCases
        let results = findings.map { f in
            Result(
                ruleId: f.rule.rawValue, ruleIndex: rules.firstIndex(of: f.rule) ?? 0, level: f.severity.rawValue,
                message: Message(text: f.message),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: Self.uri(f.location.file)),
                    region: Region(startLine: f.location.line, startColumn: f.location.column)))],
                partialFingerprints: [FindingFingerprint.key: FindingFingerprint.of(f)])
        }
        let driver = Driver(version: toolVersion, rules: rules.map {
            Rule(id: $0.rawValue, name: $0.rawValue, shortDescription: Message(text: $0.summary),
                 help: Message(text: $0.help), helpUri: $0.helpURI,
                 defaultConfiguration: Configuration(level: $0.defaultSeverity.rawValue))
        })
        runs = [Run(tool: Tool(driver: driver), results: results)]
    }

    /// SARIF wants URIs: relative paths stay relative, spaces and `%` are escaped.
    static func uri(_ path: String) -> String { uriEscaping(path) }

    private static let uriEscaping = ScalarEscaping(
        replacements: [" ": "%20", "%": "%25", "#": "%23", "?": "%3F"], forbids: { _ in false })

    func rendered() -> String { JSONDocument.text(self) ?? "{}" }
}
