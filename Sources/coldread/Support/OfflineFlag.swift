import ArgumentParser

/// `--offline`, said one way by every command that may ask live access sources (`lint`,
/// `access`, `probe`, `gap`, `drill`, `dry-run`): it means the same thing in each.
struct OfflineFlag: ParsableArguments {
    @Flag(help: "Answer access from coldread.yaml alone: ask no live source (PagerDuty, SCIM, GitHub, command checks).")
    var offline = false
}
