// Runs one test case in-process against a fresh engine: performs its steps in order and stops
// at the first step that does not hold, whose reason becomes the case's failure reason. Side
// effects are those of the `executing query` step; a query that throws has none.
import Quiver

/// Executes test cases, each on an engine made fresh by `makeEngine`.
struct ScenarioExecutor {
  var makeEngine: () throws -> any QueryEngine
  var graphs: NamedGraphs

  func run(_ testCase: TestCase) -> CaseOutcome {
    if testCase.isIgnored { return .skipped("tagged @ignore") }
    let engine: any QueryEngine
    do {
      engine = try makeEngine()
    } catch {
      return .failed("cannot open a database: \(QueryOutcome.describe(error))")
    }
    var state = ScenarioState(engine: engine, graphs: graphs)
    for step in testCase.steps {
      do {
        try state.perform(try TCKStep.read(step))
      } catch {
        return .failed("line \(step.line) `\(step.keyword) \(step.text)`: \(error.message)")
      }
    }
    if state.uncheckedQuery {
      return .failed("the outcome of the last query is never checked by a Then step")
    }
    return .passed
  }
}

/// What a scenario has done so far: its engine, parameters, and the last query's outcome.
private struct ScenarioState {
  let engine: any QueryEngine
  let graphs: NamedGraphs
  var parameters: [String: Value] = [:]
  /// The outcome of the last `executing query` or `executing control query` step.
  var outcome: QueryOutcome?
  /// The statistics of the last `executing query` step (zero when it threw).
  var statistics: QueryStatistics?
  /// True after a query until a result or error step checks its outcome.
  var uncheckedQuery = false

  init(engine: any QueryEngine, graphs: NamedGraphs) {
    self.engine = engine
    self.graphs = graphs
  }

  mutating func perform(_ step: TCKStep) throws(StepFailure) {
    switch step {
    case .freshGraph:
      break
    case .namedGraph(let name):
      for statement in try graphs.statements(of: name) {
        try runSetup(statement, what: "building graph `\(name)`")
      }
    case .setup(let query):
      try runSetup(query, what: "set-up query")
    case .parameters(let values):
      parameters.merge(values) { _, new in new }
    case .procedure(let declaration):
      engine.register(declaration.procedure)
    case .query(let query, let isControl):
      let outcome = execute(query, parameters: parameters)
      self.outcome = outcome
      uncheckedQuery = true
      if !isControl {
        if case .result(let r) = outcome { statistics = r.statistics } else { statistics = QueryStatistics() }
      }
    case .result(let expected):
      let result = try checkedResult()
      if let mismatch = ResultComparator.mismatch(expected, result) { throw StepFailure(mismatch) }
    case .emptyResult:
      let result = try checkedResult()
      if !result.rows.isEmpty {
        throw StepFailure(
          "expected no rows, got \(result.rows.count), first \(ResultComparator.row(result.rows.first))")
      }
    case .error(let expected):
      guard let outcome else { throw StepFailure("no query was executed before this step") }
      uncheckedQuery = false
      switch outcome {
      case .result(let r):
        throw StepFailure("expected \(expected), but the query succeeded with \(r.rows.count) rows")
      case .error(let error):
        if let mismatch = expected.mismatch(error) { throw StepFailure(mismatch) }
      }
    case .sideEffects(let expected):
      guard let statistics else { throw StepFailure("no query was executed before this step") }
      if let mismatch = expected.mismatch(statistics) { throw StepFailure(mismatch) }
    }
  }

  private func execute(_ query: String, parameters: [String: Value]) -> QueryOutcome {
    do {
      return .result(try engine.execute(query, parameters: parameters))
    } catch {
      return .error(error)
    }
  }

  private func runSetup(_ query: String, what: String) throws(StepFailure) {
    if case .error(let error) = execute(query, parameters: [:]) {
      throw StepFailure("\(what) failed: \(QueryOutcome.describe(error))")
    }
  }

  /// The result of the last query, or a failure when there is none or it raised an error.
  private mutating func checkedResult() throws(StepFailure) -> QueryResult {
    guard let outcome else { throw StepFailure("no query was executed before this step") }
    uncheckedQuery = false
    switch outcome {
    case .result(let r): return r
    case .error(let error):
      throw StepFailure("expected a result, but the query raised \(QueryOutcome.describe(error))")
    }
  }
}
