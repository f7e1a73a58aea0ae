// The example scripts carry their expected results as golden-file comments; `quiver test` must
// find every one of them right.
import Foundation
import QuiverShellSupport
import Testing

@Suite("Example scripts")
struct ExampleScriptTests {
  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples")

  @Test("quiver test passes every example")
  func examplesPass() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.examples.path)
      .filter { $0.hasSuffix(".cypher") }.sorted().map { Self.examples.appendingPathComponent($0).path }
    #expect(files.count >= 2)
    let outcome = try QuiverExecutable.run(["test"] + files)
    #expect(outcome.status == 0, "\(outcome.standardOutput)\(outcome.standardError)")
    #expect(outcome.standardOutput.hasSuffix("77 passed, 0 failed\n"), "\(outcome.standardOutput)")
    for file in files { #expect(outcome.standardOutput.contains("\(file): ok")) }
  }
}
