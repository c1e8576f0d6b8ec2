import ArgumentParser

/// The flags `probe` and `gap` end with, in this order: the probe limits, whether to ask
/// the live providers, and where coldread.yaml is. One group, so both commands read and
/// document them alike.
struct ProbingFlags: ParsableArguments {
    @OptionGroup var limits: ProbeFlags

    @OptionGroup var access: OfflineFlag

    @OptionGroup var config: ConfigOptions
}
