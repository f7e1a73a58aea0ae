// Reads the shipped TCK (../shared/tck/features from the repository root, or the directory in
// QUIVER_TCK_FEATURES) and checks that every file parses, the case count is as documented, and
// every step of every case is a supported phrasing whose tables hold valid values.
import Foundation
import Quiver
import Testing

@testable import ConformanceKit

/// The TCK features directory, if present on this machine.
private let tckFeatures: String? = {
  let fromEnvironment = ProcessInfo.processInfo.environment["QUIVER_TCK_FEATURES"]
  let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  let path = fromEnvironment ?? repository.appendingPathComponent("../shared/tck/features").standardizedFileURL.path
  return FileManager.default.fileExists(atPath: path) ? path : nil
}()

@Suite(.enabled(if: tckFeatures != nil, "the TCK features directory is not present"))
struct TCKCorpusTests {
  @Test func everyFileParsesAndEveryStepIsUnderstood() throws {
    let (_, files) = try FeatureCatalog.load(root: try #require(tckFeatures))
    #expect(files.count == 189)
    #expect(files.compactMap(\.parseError) == [])
    let cases = files.flatMap(\.cases)
    #expect(cases.count == 3178)
    #expect(cases.filter(\.isIgnored).map(\.featurePath) == ["expressions/graph/Graph5.feature"])
    #expect(Set(cases.map(\.id)).count == cases.count)
    var problems: [String] = []
    for c in cases {
      for step in c.steps {
        do {
          _ = try TCKStep.read(step)
        } catch {
          problems.append("\(c.id) line \(step.line): \(error)")
        }
      }
    }
    #expect(problems == [])
    let docStrings = cases.flatMap(\.steps).compactMap(\.docString)
    #expect(docStrings.filter { $0.hasPrefix(" ") || $0.hasPrefix("\t") || $0.contains("\r") } == [])
    let tabbed = try #require(cases.first { $0.id.hasPrefix("expressions/pattern/Pattern1.feature :: [13] ") })
    #expect(tabbed.steps.compactMap(\.docString) == [
      "CREATE (a:A)-[:REL1]->(b:B), (b)-[:REL2]->(a), (a)-[:REL3]->(:C), (a)-[:REL1]->(:D)",
      "MATCH (n), (m) WHERE (n)-[:REL1|REL2|REL3|REL4]-(m) RETURN n, m",
    ])
  }

  /// Every detail code a TCK error step names is one of Quiver's typed codes, so comparing
  /// `QuiverError.code.rawValue` with the step's text can match.
  @Test func everyExpectedDetailCodeIsATypedCode() throws {
    let (_, files) = try FeatureCatalog.load(root: try #require(tckFeatures))
    var details = Set<String>()
    for step in files.flatMap(\.cases).flatMap(\.steps) {
      if case .error(let expected)? = try? TCKStep.read(step), expected.detail != "*" {
        details.insert(expected.detail)
      }
    }
    #expect(details.count == 36)
    #expect(details.filter { QuiverError.Code(rawValue: $0) == nil }.sorted() == [])
  }

  @Test func namedGraphsAreFoundNextToTheFeatures() throws {
    let features = try #require(tckFeatures)
    let graphs = try #require(NamedGraphs.locate(from: features))
    let statements = try NamedGraphs(directory: graphs).statements(of: "binary-tree-1")
    #expect(statements.count == 1)
    #expect(statements.first?.hasPrefix("CREATE (a:A {name: 'a'})") == true)
  }
}
