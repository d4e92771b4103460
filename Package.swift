// swift-tools-version: 6.1
import PackageDescription

/// Every target builds in Swift 6 language mode with `NonisolatedNonsendingByDefault`, so that
/// nonisolated async functions run on their caller's executor — the runtime's loop — which is
/// what keeps worker code deterministic (see the architecture notes).
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
]

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
        .library(name: "RPCEngine", targets: ["RPCEngine"]),
        // For Benchmarks/ (a separate package): replaying scenario files.
        .library(name: "Scenarios", targets: ["Scenarios"]),
        // For Benchmarks/ (a separate package): folding logs and rendering frames of the inspector.
        .library(name: "Inspector", targets: ["Inspector"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // Tests only: child processes (tmux, a crashing writer) with a reaped, signal-clean
        // spawn. Foundation's `Process.waitUntilExit` can miss a child's exit on Linux and
        // hang the run; this package waits on a pidfd.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // The model: values, stubs, sessions, entrypoints, runtime, scheduler, clock, events;
        // Durable Object storage is SQLite, through GRDB.
        .target(name: "RPCEngine", dependencies: [.product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        // The built-in worker modules, written only against RPCEngine's public API.
        .target(name: "WorkerCatalog", dependencies: ["RPCEngine"], swiftSettings: strict),
        // Scenario files: header, script language, interpreter, transcripts, exporters.
        .target(
            name: "Scenarios",
            dependencies: ["RPCEngine", "WorkerCatalog", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict),
        // ncurses through a module map and a shim header; only TerminalUI imports it.
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        // A small terminal toolkit that knows nothing of RPC.
        .target(name: "TerminalUI", dependencies: ["CNcurses"], swiftSettings: strict),
        // The inspector app: state, update, render, keymap, panes, the fold of the event log.
        .target(
            name: "Inspector", dependencies: ["RPCEngine", "Scenarios", "TerminalUI"],
            swiftSettings: strict),
        // Argument parsing and wiring only.
        .executableTarget(
            name: "switchboard",
            dependencies: [
                "RPCEngine", "WorkerCatalog", "Scenarios", "Inspector",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "RPCEngineTests",
            dependencies: ["RPCEngine", .product(name: "Subprocess", package: "swift-subprocess")],
            swiftSettings: strict),
        .testTarget(name: "WorkerCatalogTests", dependencies: ["WorkerCatalog"], swiftSettings: strict),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], swiftSettings: strict),
        .testTarget(
            name: "ScenariosTests", dependencies: ["Scenarios", "WorkerCatalog"], swiftSettings: strict),
        .testTarget(
            name: "InspectorTests",
            dependencies: ["Inspector", .product(name: "Subprocess", package: "swift-subprocess")],
            swiftSettings: strict),
    ]
)
