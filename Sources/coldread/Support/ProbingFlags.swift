import ArgumentParser

/// The flags `probe` and `gap` end with, in this order: the probe limits, whether to ask
/// the live providers, and where coldread.yaml is. One group, so both commands read and
/// document them alike.
struct ProbingFlags: ParsableArguments {
    @OptionGroup var limits: ProbeFlags

    @Flag(help: "Use the access directory file only, not the live providers configured in coldread.yaml.")
    var offline = false

    @OptionGroup var config: ConfigOptions
}
