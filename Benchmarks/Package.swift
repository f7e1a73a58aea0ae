// swift-tools-version: 6.0
// Quiver's benchmark executable: runs the workloads of ../shared/bench/queries.md through the
// public API in a release build and prints one JSON object per measurement.
import PackageDescription

let package = Package(
  name: "QuiverBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [.package(path: "..")],
  targets: [
    .executableTarget(
      name: "QuiverBench",
      dependencies: [.product(name: "Quiver", package: "main")],
      path: "Sources/QuiverBench",
      swiftSettings: [.swiftLanguageMode(.v6)])
  ]
)
