public enum ProbeKitPlaceholder {}
