// The dependency rules Package.swift cannot state: SwiftPM lets a target import any module its
// dependencies depend on, so these tests read the sources and check that the runtime, and the
// plan types it reads, never import the syntax layer.
import Foundation
import Testing

struct LayeringTests {
  /// The repository's root, from this file's path.
  private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// Paths (relative to the root) of the Swift files under `folder` that import `module`.
  private static func files(under folder: String, importing module: String) throws -> [String] {
    let base = root.appendingPathComponent(folder)
    guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
    var found: [String] = []
    for case let url as URL in walker where url.pathExtension == "swift" {
      let text = try String(contentsOf: url, encoding: .utf8)
      if text.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "import \(module)" }) {
        found.append(String(url.path.dropFirst(root.path.count + 1)))
      }
    }
    return found.sorted()
  }

  @Test(arguments: ["Sources/CypherRuntime", "Sources/CypherPlanner/Plan"])
  func doesNotImportTheSyntaxLayer(folder: String) throws {
    #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(folder).path))
    #expect(try Self.files(under: folder, importing: "CypherSyntax") == [])
  }
}
