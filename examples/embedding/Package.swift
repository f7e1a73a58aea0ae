// swift-tools-version: 6.0
// A small command-line app that embeds Quiver through its public API only, depending on the
// repository by path. CI builds and runs it (scripts/test-embedding.sh).
import PackageDescription

let package = Package(
  name: "QuiverEmbeddingExample",
  dependencies: [.package(name: "Quiver", path: "../..")],
  targets: [
    .executableTarget(
      name: "QuiverEmbeddingExample",
      dependencies: [.product(name: "Quiver", package: "Quiver")],
      swiftSettings: [.swiftLanguageMode(.v6)])
  ]
)
