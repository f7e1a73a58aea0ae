// swift-tools-version: 6.0
// Quiver: an embeddable property-graph database with Cypher.
// Layers depend one way: QuiverCLI → QuiverServer (Bolt and HTTP, over SwiftNIO) → QuiverExchange → Quiver →
// CypherRuntime → CypherPlanner → CypherSyntax → GraphCore, with CypherRuntime also over GraphStorage
// and GraphAlgorithms. CypherRuntime reads plans only (CypherPlanner/Plan has its own operator and
// mode vocabulary) and never imports CypherSyntax; LayeringTests checks that.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
  name: "Quiver",
  products: [
    .library(name: "Quiver", targets: ["Quiver"]),
    .executable(name: "quiver", targets: ["QuiverCLI"]),
    .executable(name: "quiver-tck", targets: ["QuiverTCK"]),
    .executable(name: "quiver-bench", targets: ["QuiverBench"]),
    .executable(name: "quiver-crash-child", targets: ["QuiverCrashChild"]),
    .executable(name: "quiver-fuzz", targets: ["QuiverFuzz"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    // `swift package generate-documentation --target Quiver` (the DocC catalog); build-time only.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
  ],
  targets: [
    .target(name: "GraphCore", swiftSettings: strict),
    .target(name: "GraphStorage", dependencies: ["GraphCore"], swiftSettings: strict),
    .target(name: "CypherSyntax", dependencies: ["GraphCore"], swiftSettings: strict),
    .target(name: "CypherPlanner", dependencies: ["CypherSyntax", "GraphCore"], swiftSettings: strict),
    .target(name: "GraphAlgorithms", dependencies: ["GraphCore"], swiftSettings: strict),
    .target(
      name: "CypherRuntime",
      dependencies: ["CypherPlanner", "GraphStorage", "GraphAlgorithms", "GraphCore", "CZlib"],
      swiftSettings: strict),
    .target(
      name: "Quiver",
      dependencies: ["CypherRuntime", "CypherPlanner", "CypherSyntax", "GraphStorage", "GraphAlgorithms", "GraphCore"],
      swiftSettings: strict),
    .systemLibrary(
      name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "QuiverExchange", dependencies: ["Quiver", "CypherRuntime"], swiftSettings: strict),
    .target(name: "QuiverShellSupport", dependencies: ["Quiver", "QuiverExchange"], swiftSettings: strict),
    .target(
      name: "QuiverServer",
      dependencies: [
        "Quiver", "QuiverExchange", "GraphCore",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict),
    .executableTarget(
      name: "QuiverCLI",
      dependencies: [
        "Quiver", "QuiverShellSupport", "QuiverExchange", "QuiverServer", "GraphCore", "CEditLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    .target(name: "ConformanceKit", dependencies: ["Quiver"], swiftSettings: strict),
    .executableTarget(
      name: "QuiverTCK",
      dependencies: [
        "ConformanceKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict),
    .executableTarget(
      name: "QuiverBench",
      dependencies: [
        "Quiver", "QuiverExchange", "QuiverShellSupport", "CypherSyntax", "CypherPlanner", "CypherRuntime", "GraphStorage",
      ],
      path: "Benchmarks/Sources/QuiverBench", swiftSettings: strict),
    .executableTarget(name: "QuiverCrashChild", dependencies: ["Quiver", "GraphCore"], swiftSettings: strict),
    // The seeded mutation fuzzer over the parser, engine, storage readers, importers and servers
    // (Fuzz/README.md).
    .executableTarget(
      name: "QuiverFuzz",
      dependencies: [
        "Quiver", "CypherSyntax", "GraphStorage", "GraphAlgorithms", "QuiverExchange", "QuiverServer",
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      path: "Fuzz/Sources/QuiverFuzz", swiftSettings: strict),
    .testTarget(name: "GraphCoreTests", dependencies: ["GraphCore"], swiftSettings: strict),
    .testTarget(name: "CypherSyntaxTests", dependencies: ["CypherSyntax"], swiftSettings: strict),
    .testTarget(
      name: "CypherPlannerTests", dependencies: ["CypherPlanner", "CypherSyntax", "GraphCore"],
      swiftSettings: strict),
    .testTarget(name: "GraphStorageTests", dependencies: ["GraphStorage"], swiftSettings: strict),
    .testTarget(name: "QuiverTests", dependencies: ["Quiver", "GraphCore"], swiftSettings: strict),
    .testTarget(
      name: "GraphAlgorithmsTests", dependencies: ["GraphAlgorithms", "GraphStorage", "CypherRuntime", "Quiver", "GraphCore"],
      exclude: ["Fixtures"],
      swiftSettings: strict),
    .testTarget(name: "ConformanceKitTests", dependencies: ["ConformanceKit"], swiftSettings: strict),
    .testTarget(name: "QuiverExchangeTests", dependencies: ["QuiverExchange", "Quiver"], swiftSettings: strict),
    .testTarget(
      name: "QuiverServerTests",
      dependencies: ["QuiverServer", "Quiver", "QuiverExchange", "GraphCore", .product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: strict),
    .testTarget(
      name: "QuiverCLITests", dependencies: ["Quiver", "QuiverShellSupport"], swiftSettings: strict),
  ]
)
