// swift-tools-version: 6.2
import PackageDescription

/// ColdRead: cold drills of incident runbooks.
/// Targets follow docs/architecture.md: a pure core (RunbookKit, DrillKit, ReportKit),
/// the I/O kits around it (ProbeKit, TerminalUI), and a thin `coldread` executable.
let package = Package(
    name: "ColdRead",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "coldread", targets: ["coldread"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
        // 3.12.3 or later; the upper bound admits the 4.x that swift-certificates already
        // brings in, so the graph keeps one swift-crypto.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // OTLP export (docs/observability.md): only the OTLP/HTTP protobuf exporter, so the
        // build leaves out gRPC and its transport.
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
        // Already in the graph through swift-otel; named so Telemetry can use their API.
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", path: "Sources/CCmark"),
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .systemLibrary(name: "CResolv", path: "Sources/CResolv"),
        .target(
            name: "RunbookKit",
            dependencies: [
                "CCmark", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "ProbeKit",
            dependencies: [
                "RunbookKit", .target(name: "CResolv", condition: .when(platforms: [.linux])),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        .target(
            name: "DrillKit",
            dependencies: ["RunbookKit", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .target(name: "ReportKit", dependencies: ["RunbookKit", "DrillKit"]),
        .target(name: "TerminalUI", dependencies: ["DrillKit", "RunbookKit", "ReportKit", "CNcurses"]),
        // Whole jobs (lint run, probe run, dry-run, drill session, review, schedule, …):
        // plain options and injected I/O in, a result out. No terminal, no flags.
        .target(
            name: "Jobs",
            dependencies: [
                "RunbookKit", "ProbeKit", "DrillKit", "ReportKit", "TerminalUI", "Telemetry",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // Runs and dry-runs as OTLP traces and metrics, and as a Prometheus textfile.
        .target(
            name: "Telemetry",
            dependencies: [
                "RunbookKit", "DrillKit", "ReportKit",
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "coldread",
            dependencies: [
                "RunbookKit", "ProbeKit", "DrillKit", "ReportKit", "TerminalUI", "Jobs", "Telemetry",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Benchmarks that need the release build of the core (see Benchmarks/drill-render.sh).
        .executableTarget(
            name: "render-bench", dependencies: ["TerminalUI", "DrillKit", "RunbookKit"],
            path: "Benchmarks/RenderBench"
        ),
        .executableTarget(
            name: "http-floor",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Benchmarks/HTTPFloor"
        ),
        // Fuzz targets for the loaders (Benchmarks/fuzz builds them with libFuzzer; a
        // plain build is a replay tool for saved inputs).
        .executableTarget(
            name: "coldread-fuzz", dependencies: ["RunbookKit", "DrillKit", "ProbeKit"],
            path: "Benchmarks/Fuzz"
        ),
        // Test support: children started with posix_spawn and waitpid (see its doc comment).
        .target(name: "ChildProcess", path: "Tests/Support/ChildProcess"),
        // PagerDuty, SCIM and GitHub on loopback, in their APIs' shapes, for ProbeKit's
        // provider tests and the binary's drill and lint tests alike.
        .target(
            name: "ProviderServers",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/Support/ProviderServers"
        ),
        .testTarget(name: "RunbookKitTests", dependencies: ["RunbookKit", "CCmark"]),
        .testTarget(
            name: "ProbeKitTests",
            dependencies: [
                "ProbeKit", "RunbookKit", "ChildProcess", "ProviderServers",
                .target(name: "CResolv", condition: .when(platforms: [.linux])),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "DrillKitTests", dependencies: ["DrillKit", "RunbookKit"]),
        .testTarget(
            name: "ReportKitTests", dependencies: ["ReportKit", "DrillKit", "RunbookKit", "ChildProcess"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TelemetryTests",
            dependencies: ["Telemetry", "RunbookKit", "DrillKit", "ReportKit", "ChildProcess", "coldread"]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "DrillKit", "RunbookKit"], exclude: ["Fixtures"]),
        // Whole jobs run in-process: a project folder in, the findings, rows, report or
        // exit code a user sees out, without spawning the binary.
        .testTarget(
            name: "JobsTests",
            dependencies: ["Jobs", "RunbookKit", "ProbeKit", "DrillKit", "ReportKit"]
        ),
        .testTarget(
            name: "ColdReadTests",
            dependencies: [
                "RunbookKit", "coldread", "Jobs", "ReportKit", "TerminalUI", "DrillKit", "ChildProcess", "ProviderServers",
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            // Golden frames and runbooks the tests read by path.
            exclude: ["Fixtures", "ReviewFrames"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
