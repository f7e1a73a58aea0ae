// Features made to fail on purpose, run through the in-process executor with a fake engine: a
// wrong expected value, a missing side effect, a wrong error type or phase, a wrong column name,
// order and list-order rules, unsupported steps — each must fail with the right reason — plus
// correct scenarios that must pass.
import Testing

@testable import ConformanceKit
import Quiver

@Suite struct ScenarioExecutorTests {
  private let returnOne = """
    Given any graph
    When executing query:
      \"\"\"
      RETURN 1 AS x
      \"\"\"
    Then the result should be, in any order:
      | x |
      | 1 |
    And no side effects
    """

  private func engineReturningOne() -> FakeEngine {
    let engine = FakeEngine()
    engine.answer("RETURN 1 AS x", columns: ["x"], rows: [[.int(1)]])
    return engine
  }

  @Test func correctScenarioPasses() throws {
    #expect(try outcomes(feature(returnOne), engine: engineReturningOne()) == [.passed])
  }

  @Test func wrongExpectedValueFails() throws {
    let engine = FakeEngine()
    engine.answer("RETURN 1 AS x", columns: ["x"], rows: [[.float(1.0)]])
    let result = try outcomes(feature(returnOne), engine: engine)
    #expect(result == [.failed(
      "line 8 `Then the result should be, in any order:`: rows differ (any order; expected 1 rows, got 1); missing row | 1 |; unexpected row | 1.0 |"
    )])
  }

  @Test func wrongColumnNameFails() throws {
    let engine = FakeEngine()
    engine.answer("RETURN 1 AS x", columns: ["y"], rows: [[.int(1)]])
    let result = try outcomes(feature(returnOne), engine: engine)
    #expect(result.first?.status == .failed)
    #expect(result.first?.reason?.hasSuffix("columns differ: expected | x |, got | y |") == true)
  }

  @Test func unexpectedSideEffectFails() throws {
    var stats = QueryStatistics()
    stats.nodesCreated = 1
    let engine = FakeEngine()
    engine.answer("RETURN 1 AS x", columns: ["x"], rows: [[.int(1)]], statistics: stats)
    let result = try outcomes(feature(returnOne), engine: engine)
    #expect(result == [.failed("line 11 `And no side effects`: side effects differ: +nodes: expected 0, got 1")])
  }

  @Test func missingAndUnlistedSideEffectsFail() throws {
    let steps = """
      Given an empty graph
      When executing query:
        \"\"\"
        CREATE ({k: 1})
        \"\"\"
      Then the result should be empty
      And the side effects should be:
        | +nodes      | 1 |
        | +properties | 1 |
      """
    let engine = FakeEngine()
    var stats = QueryStatistics()
    stats.nodesCreated = 1
    engine.answer("CREATE ({k: 1})", columns: [], rows: [], statistics: stats)
    #expect(try outcomes(feature(steps), engine: engine).first?.reason?.hasSuffix(
      "side effects differ: +properties: expected 1, got 0") == true)
    stats.propertiesSet = 1
    stats.labelNamesAdded = 2
    engine.answer("CREATE ({k: 1})", columns: [], rows: [], statistics: stats)
    #expect(try outcomes(feature(steps), engine: engine).first?.reason?.hasSuffix(
      "side effects differ: +labels: expected 0, got 2") == true)
    stats.labelNamesAdded = 0
    // Labels added per node (Neo4j's counter) are not the TCK's +labels.
    stats.labelsAdded = 3
    engine.answer("CREATE ({k: 1})", columns: [], rows: [], statistics: stats)
    #expect(try outcomes(feature(steps), engine: engine) == [.passed])
  }

  private let undefinedVariable = """
    Given any graph
    When executing query:
      \"\"\"
      RETURN foo
      \"\"\"
    Then a SyntaxError should be raised at compile time: UndefinedVariable
    """

  @Test func wrongErrorTypeFails() throws {
    let engine = FakeEngine()
    engine.fail("RETURN foo", .type, .undefinedVariable, phase: .compile)
    let result = try outcomes(feature(undefinedVariable), engine: engine)
    #expect(result == [.failed(
      "line 8 `Then a SyntaxError should be raised at compile time: UndefinedVariable`: wrong error type: expected SyntaxError at compile time: UndefinedVariable, got TypeError at compile time: UndefinedVariable (canned error)"
    )])
  }

  @Test func wrongPhaseAndDetailFail() throws {
    let engine = FakeEngine()
    engine.fail("RETURN foo", .syntax, .variableTypeConflict, phase: .runtime)
    let reason = try outcomes(feature(undefinedVariable), engine: engine).first?.reason ?? ""
    #expect(reason.contains("wrong error phase, detail: expected SyntaxError at compile time: UndefinedVariable"))
  }

  @Test func rightErrorPassesAndSuccessFails() throws {
    let engine = FakeEngine()
    engine.fail("RETURN foo", .syntax, .undefinedVariable, phase: .compile)
    #expect(try outcomes(feature(undefinedVariable), engine: engine) == [.passed])
    engine.answer("RETURN foo", columns: ["foo"], rows: [])
    #expect(try outcomes(feature(undefinedVariable), engine: engine).first?.reason?.hasSuffix(
      "expected SyntaxError at compile time: UndefinedVariable, but the query succeeded with 0 rows") == true)
  }

  @Test func anyTimeAndStarDetailAcceptEither() throws {
    let steps = undefinedVariable.replacingAll("a SyntaxError should be raised at compile time: UndefinedVariable", with: "a TypeError should be raised at any time: *")
    let engine = FakeEngine()
    engine.fail("RETURN foo", .type, .invalidArgumentType, phase: .runtime)
    #expect(try outcomes(feature(steps), engine: engine) == [.passed])
    engine.fail("RETURN foo", .type, .invalidArgumentValue, phase: .compile)
    #expect(try outcomes(feature(steps), engine: engine) == [.passed])
  }

  @Test func unexpectedErrorFailsAResultStep() throws {
    let engine = FakeEngine()
    engine.fail("RETURN 1 AS x", .procedure, .procedureCallFailed, phase: .runtime)
    #expect(try outcomes(feature(returnOne), engine: engine).first?.reason?.hasSuffix(
      "expected a result, but the query raised ProcedureError at runtime: ProcedureCallFailed (canned error)") == true)
  }

  @Test func orderIsCheckedOnlyInOrder() throws {
    let template = """
      Given any graph
      When executing query:
        \"\"\"
        UNWIND [2, 1] AS x RETURN x
        \"\"\"
      Then the result should be, MODE:
        | x |
        | 1 |
        | 2 |
      """
    let engine = FakeEngine()
    engine.answer("UNWIND [2, 1] AS x RETURN x", columns: ["x"], rows: [[.int(2)], [.int(1)]])
    #expect(try outcomes(feature(template.replacingAll("MODE", with: "in any order")), engine: engine) == [.passed])
    let ordered = try outcomes(feature(template.replacingAll("MODE", with: "in order")), engine: engine)
    #expect(ordered.first?.reason?.hasSuffix("row 1 differs (in order; expected 2 rows, got 2): expected | 1 |, got | 2 |") == true)
  }

  @Test func listElementOrderIgnoredOnlyWhenTheStepSaysSo() throws {
    let template = """
      Given any graph
      When executing query:
        \"\"\"
        RETURN [2, 1] AS l
        \"\"\"
      Then PHRASE
        | l      |
        | [1, 2] |
      """
    let engine = FakeEngine()
    engine.answer("RETURN [2, 1] AS l", columns: ["l"], rows: [[.list([2, 1])]])
    #expect(try outcomes(feature(template.replacingAll("PHRASE", with: "the result should be (ignoring element order for lists):")), engine: engine) == [.passed])
    #expect(try outcomes(feature(template.replacingAll("PHRASE", with: "the result should be, in order (ignoring element order for lists):")), engine: engine) == [.passed])
    #expect(try outcomes(feature(template.replacingAll("PHRASE", with: "the result should be, in any order:")), engine: engine).first?.status == .failed)
  }

  @Test func unsupportedStepFails() throws {
    let steps = returnOne.replacingAll("Given any graph", with: "Given a graph of penguins")
    #expect(try outcomes(feature(steps), engine: engineReturningOne()) == [.failed(
      "line 3 `Given a graph of penguins`: unsupported step: Given a graph of penguins")])
  }

  @Test func badExpectedValueIsAFailure() throws {
    let steps = returnOne.replacingAll("| 1 |", with: "| [1, |")
    let reason = try outcomes(feature(steps), engine: engineReturningOne()).first?.reason ?? ""
    #expect(reason.contains("bad expected value in row 1, column `x`: cannot read `[1,`"))
  }

  @Test func uncheckedQueryOutcomeFails() throws {
    let steps = "Given any graph\nWhen executing query:\n  \"\"\"\n  RETURN 1 AS x\n  \"\"\"\nAnd no side effects"
    #expect(try outcomes(feature(steps), engine: engineReturningOne()) == [.failed(
      "the outcome of the last query is never checked by a Then step")])
  }

  @Test func ignoredScenarioIsSkipped() throws {
    let text = "Feature: T\n  @ignore\n  Scenario: [1] S\n    Given any graph\n"
    #expect(try outcomes(text, engine: FakeEngine()) == [.skipped("tagged @ignore")])
  }

  @Test func failingSetupQueryFailsTheScenario() throws {
    let steps = "Given an empty graph\nAnd having executed:\n  \"\"\"\n  CREATE (\n  \"\"\"\n" + returnOne
    let engine = engineReturningOne()
    engine.fail("CREATE (", .syntax, .unexpectedSyntax, phase: .compile)
    #expect(try outcomes(feature(steps), engine: engine).first?.reason?.hasSuffix(
      "set-up query failed: SyntaxError at compile time: UnexpectedSyntax (canned error)") == true)
  }
}
