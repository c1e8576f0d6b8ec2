public enum ReportKitPlaceholder {}
