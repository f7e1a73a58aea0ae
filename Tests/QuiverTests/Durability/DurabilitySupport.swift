// Helpers of the durability tests: scratch database directories, a canonical text dump of a
// whole graph (ids, labels, exact property values, schema) to compare graphs across reopening,
// and locating the crash-test child executable.
import Foundation
import Quiver

/// A fresh directory under the system's temporary directory, removed on deinit.
final class ScratchDirectory {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "quiver-durable-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// A path inside the directory.
  func file(_ name: String) -> String { path + "/" + name }

  func read(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: file(name)))) }

  func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: file(name))) }
}

/// Canonical text of a value that tells apart everything the store keeps: float bit patterns
/// (NaN, -0.0), integer versus float, map keys in sorted order, temporal fields.
func canonical(_ v: Value) -> String {
  switch v {
  case .null: return "null"
  case .bool(let b): return "\(b)"
  case .int(let i): return "i\(i)"
  case .float(let d): return "f\(String(d.bitPattern, radix: 16))"
  case .string(let s): return "s\(s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: ","))"
  case .list(let items): return "[" + items.map(canonical).joined(separator: ";") + "]"
  case .map(let m): return "{" + m.keys.sorted().map { "\($0):\(canonical(m[$0] ?? .null))" }.joined(separator: ";") + "}"
  case .point(let p):
    return "p\(p.srid)(" + p.coordinates.map { String($0.bitPattern, radix: 16) }.joined(separator: ",") + ")"
  case .temporal(let t):
    return "t(\(t.kind),\(t.epochDay),\(t.nanoOfDay),\(t.offsetSeconds),\(t.zoneID ?? "-"),\(t.months),\(t.days),\(t.seconds),\(t.nanoseconds))"
  case .node(let n): return "node\(n.id)"
  case .relationship(let r): return "rel\(r.id)"
  case .path: return "path"
  case .vector(let v):
    let coordinates: [String]
    switch v.coordinates {
    case .integers(let values): coordinates = values.map { String($0) }
    case .floats(let values): coordinates = values.map { String($0.bitPattern, radix: 16) }
    }
    return "v\(v.coordinateType.sizedName)(" + coordinates.joined(separator: ",") + ")"
  }
}

/// The whole graph and its schema as text; two graphs are the same when their dumps are equal.
func dump(_ db: Database) throws -> String {
  var lines: [String] = []
  for row in try db.execute("MATCH (n) RETURN id(n), labels(n), properties(n) ORDER BY id(n)").rows {
    lines.append("N " + row.map(canonical).joined(separator: " "))
  }
  for row in try db.execute(
    "MATCH (a)-[r]->(b) RETURN id(r), type(r), id(a), id(b), properties(r) ORDER BY id(r)"
  ).rows {
    lines.append("R " + row.map(canonical).joined(separator: " "))
  }
  for row in try db.execute("SHOW INDEXES").rows { lines.append("I " + row.prefix(6).map(canonical).joined(separator: " ")) }
  for row in try db.execute("SHOW CONSTRAINTS").rows { lines.append("C " + row.map(canonical).joined(separator: " ")) }
  return lines.joined(separator: "\n")
}

/// The crash-test child: `$QUIVER_CRASH_CHILD`, else `quiver-crash-child` next to the test
/// binary, else the newest `.build*/debug/quiver-crash-child` of the package.
func crashChildExecutable() -> String? {
  let files = FileManager.default
  if let path = ProcessInfo.processInfo.environment["QUIVER_CRASH_CHILD"], !path.isEmpty { return path }
  var directories = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
  if let first = CommandLine.arguments.first { directories.append(URL(fileURLWithPath: first).deletingLastPathComponent()) }
  for directory in directories {
    let candidate = directory.appendingPathComponent("quiver-crash-child").path
    if files.isExecutableFile(atPath: candidate) { return candidate }
  }
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  let builds = (try? files.contentsOfDirectory(atPath: root.path)) ?? []
  let candidates = builds.filter { $0.hasPrefix(".build") }.map { root.path + "/" + $0 + "/debug/quiver-crash-child" }
    .filter { files.isExecutableFile(atPath: $0) }
  func modified(_ p: String) -> Date { (try? files.attributesOfItem(atPath: p)[.modificationDate] as? Date) ?? .distantPast }
  return candidates.max { modified($0) < modified($1) }
}
