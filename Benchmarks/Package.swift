// swift-tools-version: 6.1
import PackageDescription

/// The benchmark suite for issue 7: Switchboard's engine side by side with its floors (a direct
/// `async` call, an actor hop) and its peers (gRPC Swift 2 in-process, `Distributed` with the
/// local testing actor system). A separate package so that the root build stays lean; it depends
/// on the root package by path.
///
///     cd Benchmarks && swift package --disable-sandbox benchmark
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "SwitchboardBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Switchboard", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/grpc/grpc-swift-2", exact: "2.4.3"),
    ],
    targets: [
        // The workers and runtime the benchmarks and the profiling driver share.
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "RPCEngine", package: "Switchboard"),
                .product(name: "Inspector", package: "Switchboard"),
            ],
            swiftSettings: strict),
        // glibc's heap statistics (mallinfo2), which Swift's Glibc module does not export.
        .target(name: "CHeapInfo"),
        // A plain driver for profilers (callgrind, perf): runs one workload N times, no harness.
        .executableTarget(
            name: "SwitchboardProfile",
            dependencies: [
                "BenchSupport",
                .product(name: "RPCEngine", package: "Switchboard"),
                .product(name: "Inspector", package: "Switchboard"),
                .product(name: "TerminalUI", package: "Switchboard"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "SwitchboardBenchmarks",
            dependencies: [
                "BenchSupport",
                "CHeapInfo",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "RPCEngine", package: "Switchboard"),
                .product(name: "Scenarios", package: "Switchboard"),
                .product(name: "Inspector", package: "Switchboard"),
                .product(name: "TerminalUI", package: "Switchboard"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCInProcessTransport", package: "grpc-swift-2"),
            ],
            path: "Benchmarks/SwitchboardBenchmarks",
            swiftSettings: strict,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
