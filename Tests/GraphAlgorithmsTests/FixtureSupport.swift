// Shared helpers for the algorithm tests: loading the networkx fixtures next to this file,
// building CSR graphs from edge lists, reading the Facebook graph from ../shared (when present)
// and comparing floating-point results with a relative tolerance.
import Foundation
import GraphAlgorithms
import Testing

/// Where the fixtures and the shared benchmark data are, found from this file's path.
enum TestData {
  static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
  /// ../shared/bench/data/facebook_combined.txt.gz relative to the repository root.
  static let facebookEdges = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/bench/data/facebook_combined.txt.gz")
  static var facebookAvailable: Bool { FileManager.default.fileExists(atPath: facebookEdges.path) }

  /// A fixture file as a JSON dictionary.
  static func fixture(_ name: String) throws -> [String: Any] {
    let data = try Data(contentsOf: fixtures.appendingPathComponent(name + ".json"))
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The Facebook graph (undirected, nodes 0..<4039), decompressed with `gzip -dc`.
  static func facebookGraph() throws -> CSRGraph {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc", facebookEdges.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    var sources: [Int32] = []
    var targets: [Int32] = []
    var maxNode: Int32 = -1
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard parts.count == 2, let a = Int32(parts[0]), let b = Int32(parts[1]) else { continue }
      sources.append(a)
      targets.append(b)
      maxNode = max(maxNode, a, b)
    }
    let ids = (0...Int64(maxNode)).map { $0 }
    return CSRGraph(nodeIDs: ids, sources: sources, targets: targets, weights: nil, directed: false)
  }
}

/// A small networkx-generated graph with its expected values.
struct SmallFixture {
  let name: String
  let values: [String: Any]
  let directed: Bool
  let graph: CSRGraph
  let weighted: CSRGraph

  init(_ name: String) throws {
    self.name = name
    values = try TestData.fixture(name)
    directed = try #require(values["directed"] as? Bool)
    let n = try #require(values["nodeCount"] as? Int)
    let edges = try #require(values["edges"] as? [[Double]])
    let sources = edges.map { Int32($0[0]) }
    let targets = edges.map { Int32($0[1]) }
    let ids = (0..<Int64(n)).map { $0 }
    graph = CSRGraph(nodeIDs: ids, sources: sources, targets: targets, weights: nil, directed: directed)
    weighted = CSRGraph(nodeIDs: ids, sources: sources, targets: targets, weights: edges.map { $0[2] }, directed: directed)
  }

  func vector(_ key: String) throws -> [Double] { try #require(values[key] as? [Double], "\(name).\(key)") }
  func int(_ key: String) throws -> Int { try #require(values[key] as? Int, "\(name).\(key)") }
  func double(_ key: String) throws -> Double { try #require((values[key] as? NSNumber)?.doubleValue, "\(name).\(key)") }
  /// A map from node index (as a string key) to a number.
  func byNode(_ key: String) throws -> [Int: Double] {
    let raw = try #require(values[key] as? [String: Double], "\(name).\(key)")
    return Dictionary(uniqueKeysWithValues: raw.map { (Int($0.key) ?? -1, $0.value) })
  }
}

/// Whether `a` and `b` agree to a relative tolerance (or both are within 1e-12 of each other).
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool {
  abs(a - b) <= tolerance * max(abs(a), abs(b)) || abs(a - b) <= 1e-12
}

/// Expects every element of `actual` to be close to `expected`, naming the first mismatch.
func expectClose(_ actual: [Double], _ expected: [Double], _ label: String, tolerance: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(actual.count == expected.count, "\(label): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
  for i in 0..<min(actual.count, expected.count) where !close(actual[i], expected[i], tolerance) {
    Issue.record("\(label)[\(i)] = \(actual[i]), expected \(expected[i])", sourceLocation: sourceLocation)
    return
  }
}
