public enum DrillKitPlaceholder {}
