// A scripted stand-in for the database: answers each query text with a canned result or error
// and records what it was asked, so executor tests can make scenarios pass or fail on purpose.
@testable import ConformanceKit
import Quiver

/// A `QueryEngine` that replies from a table of canned answers keyed by query text.
final class FakeEngine: QueryEngine {
  /// Answers by query text (trimmed); unknown queries return an empty result.
  var answers: [String: Result<QueryResult, QuiverError>] = [:]
  private(set) var executed: [(query: String, parameters: [String: Value])] = []
  private(set) var procedures: [Procedure] = []

  func execute(_ query: String, parameters: [String: Value]) throws -> QueryResult {
    executed.append((query, parameters))
    guard let answer = answers[query.trimmingBlanks()] else { return QueryResult(columns: [], rows: []) }
    return try answer.get()
  }

  func register(_ procedure: Procedure) {
    procedures.append(procedure)
  }

  func answer(_ query: String, columns: [String], rows: [[Value]], statistics: QueryStatistics = QueryStatistics()) {
    answers[query] = .success(QueryResult(columns: columns, rows: rows, statistics: statistics))
  }

  func fail(_ query: String, _ category: QuiverError.Category, _ code: QuiverError.Code, phase: QuiverError.Phase) {
    answers[query] = .failure(QuiverError(category, code, "canned error", phase: phase))
  }
}

/// Runs every case of `featureText` on `engine` (the same engine for each case).
func outcomes(_ featureText: String, engine: FakeEngine, graphs: String? = nil) throws -> [CaseOutcome] {
  let feature = try GherkinParser.parse(featureText)
  let executor = ScenarioExecutor(makeEngine: { engine }, graphs: NamedGraphs(directory: graphs))
  return TestCase.all(in: feature, path: "T.feature").map(executor.run)
}

/// A feature with one scenario made of `steps` (indented as in the TCK).
func feature(_ steps: String) -> String {
  "Feature: T\n  Scenario: [1] S\n" + steps.split(separator: "\n", omittingEmptySubsequences: false)
    .map { "    " + $0 }.joined(separator: "\n") + "\n"
}
