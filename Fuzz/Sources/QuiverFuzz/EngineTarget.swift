// The whole engine (parse, plan, execute) on statements mutated and spliced from the openCypher
// TCK's and the examples' queries, against a small graph rebuilt every few hundred statements.
// Each statement runs with a time limit and tight resource limits; after each one the store's
// invariants (adjacency symmetry, label and property indexes) must hold.
import Foundation
import Quiver

/// Runs mutated statements against a small graph and checks the store after each.
final class EngineTarget: FuzzTarget {
  let maxLength = 2048
  let dictionary: [[UInt8]] = cypherWords
  private let tck: String?
  private let examples: String?
  private var database: Database?
  private var executions = 0

  init(tck: String?, examples: String?) {
    self.tck = tck
    self.examples = examples
  }

  static let graph = """
    CREATE (a:Person {name: 'Ann', age: 30, tags: ['x', 'y']}), (b:Person {name: 'Bo', age: 41}),
           (c:City {name: 'Oslo', born: date('1990-05-01')}), (d {n: 1.5}),
           (a)-[:KNOWS {since: 2001}]->(b), (b)-[:KNOWS]->(a), (a)-[:LIVES_IN]->(c), (b)-[:LIVES_IN]->(c), (c)-[:SELF]->(c)
    """

  func seeds(corpus: String) throws -> [[UInt8]] {
    var queries = corpusFiles(corpus + "/engine")
    if let tck { queries += Self.tckQueries(tck).map { Array($0.utf8) } }
    if let examples {
      for file in (try? FileManager.default.contentsOfDirectory(atPath: examples)) ?? [] where file.hasSuffix(".cypher") {
        let text = (try? String(contentsOfFile: examples + "/" + file, encoding: .utf8)) ?? ""
        queries += text.components(separatedBy: ";\n").filter { !$0.isEmpty }.map { Array($0.utf8) }
      }
    }
    return queries
  }

  /// The text of every triple-quoted block of the `.feature` files under `directory`.
  static func tckQueries(_ directory: String) -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
    var queries: [String] = []
    for case let file as String in walker where file.hasSuffix(".feature") {
      guard let text = try? String(contentsOfFile: directory + "/" + file, encoding: .utf8) else { continue }
      var block: [Substring]?
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.trimmingCharacters(in: .whitespaces) == "\"\"\"" {
          if let lines = block {
            queries.append(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n"))
            block = nil
          } else {
            block = []
          }
        } else if block != nil {
          block?.append(line)
        }
      }
    }
    return queries
  }

  /// A fresh database holding the small graph, with limits that keep each statement small.
  private func freshDatabase() throws -> Database {
    let db = try Database()
    db.limits = ResourceLimits(
      maxQueryLength: 1 << 20, maxListSize: 100_000, maxStringSize: 1 << 20, maxMaterializedRows: 200_000,
      maxMemoryBytes: 64 << 20, maxExpansionSteps: 2_000_000)
    _ = try db.execute(Self.graph)
    return db
  }

  func run(_ input: [UInt8]) -> String? {
    executions += 1
    if database == nil || executions % 200 == 0 { database = try? freshDatabase() }
    guard let db = database else { return "the small graph could not be created" }
    let query = String(decoding: input, as: UTF8.self)
    // A tenth of a second: statements on the small graph take microseconds, and the mutated
    // ones that run into the timeout would otherwise set the pace of the whole run.
    do { _ = try db.execute(query, timeout: .milliseconds(100)) } catch {}
    let violations = db.consistencyViolations
    if !violations.isEmpty {
      database = nil
      return "store invariants broken: " + violations.prefix(3).joined(separator: "; ")
    }
    if db.counts.nodes > 50_000 { database = nil }
    return nil
  }
}
