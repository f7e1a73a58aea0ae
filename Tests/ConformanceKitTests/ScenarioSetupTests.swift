// Tests of the set-up steps through the executor with a fake engine: parameters reach the
// query, declared procedures answer from their tables, named graphs run their script, and a
// control query is checked while side effects stay those of the query under test.
import Foundation
import Testing

@testable import ConformanceKit
import Quiver

@Suite struct ScenarioSetupTests {
  @Test func parametersReachTheQueryButNotTheSetup() throws {
    let steps = """
      Given an empty graph
      And having executed:
        \"\"\"
        CREATE ()
        \"\"\"
      And parameters are:
        | p | 'a'        |
        | q | [1, {k: 2}] |
      When executing query:
        \"\"\"
        RETURN $p AS p
        \"\"\"
      Then the result should be, in any order:
        | p   |
        | 'a' |
      """
    let engine = FakeEngine()
    engine.answer("RETURN $p AS p", columns: ["p"], rows: [["a"]])
    #expect(try outcomes(feature(steps), engine: engine) == [.passed])
    #expect(engine.executed.map(\.query) == ["CREATE ()", "RETURN $p AS p"])
    #expect(engine.executed[0].parameters.isEmpty)
    #expect(engine.executed[1].parameters["p"]?.stringValue == "a")
    #expect(engine.executed[1].parameters["q"]?.listValue?.count == 2)
  }

  @Test func declaredProcedureAnswersFromItsTable() throws {
    let steps = """
      Given an empty graph
      And there exists a procedure test.my.proc(name :: STRING?, id :: INTEGER?) :: (city :: STRING?, code :: INTEGER?):
        | name     | id | city      | code |
        | 'Andres' | 1  | 'Malmö'   | 46   |
        | 'Stefan' | 1  | 'Berlin'  | 49   |
        | 'Stefan' | 2  | 'München' | 49   |
      When executing query:
        \"\"\"
        CALL test.my.proc('Stefan', 1)
        \"\"\"
      Then the result should be, in order:
        | city     | code |
        | 'Berlin' | 49   |
      """
    let engine = FakeEngine()
    engine.answer("CALL test.my.proc('Stefan', 1)", columns: ["city", "code"], rows: [["Berlin", 49]])
    #expect(try outcomes(feature(steps), engine: engine) == [.passed])
    let procedure = try #require(engine.procedures.first)
    #expect(procedure.signature == "test.my.proc(name :: STRING?, id :: INTEGER?) :: (city :: STRING?, code :: INTEGER?)")
    let rows = try procedure.body(["Stefan", 2])
    #expect(rows.count == 1 && rows[0][0].stringValue == "München" && rows[0][1].intValue == 49)
    #expect(try procedure.body(["Stefan", .float(1.0)]).isEmpty)
    #expect(try procedure.body(["Nobody", 1]).isEmpty)
  }

  @Test func floatParameterAcceptsAnIntegerArgument() throws {
    let declaration = try ProcedureDeclaration.parse(
      signature: "test.my.proc(in :: FLOAT?) :: (out :: STRING?):",
      table: DataTable(rows: [["in", "out"], ["42.0", "'close enough'"]]))
    #expect(try declaration.procedure.body([.int(42)]).first?.first?.stringValue == "close enough")
    let void = try ProcedureDeclaration.parse(signature: "test.doNothing() :: ():", table: DataTable(rows: [[]]))
    #expect(void.parameters.isEmpty && void.outputs.isEmpty && void.rows.isEmpty)
    let spaced = try ProcedureDeclaration.parse(
      signature: "test.my.proc(in :: INTEGER?) :: (a :: INTEGER?, b :: INTEGER?) :",
      table: DataTable(rows: [["in", "a", "b"], ["null", "1", "2"]]))
    #expect(spaced.outputs.map(\.name) == ["a", "b"])
    #expect(try spaced.procedure.body([.null]).first?.map(\.intValue) == [1, 2])
  }

  @Test func procedureTableMustMatchTheSignature() {
    #expect(throws: StepFailure.self) {
      try ProcedureDeclaration.parse(signature: "p(in :: INTEGER?) :: (out :: INTEGER?):", table: DataTable(rows: [["in"]]))
    }
  }

  @Test func controlQueryIsCheckedAndSideEffectsStayThoseOfTheQuery() throws {
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
      When executing control query:
        \"\"\"
        MATCH (n) RETURN n.k
        \"\"\"
      Then the result should be, in any order:
        | n.k |
        | 1   |
      """
    let engine = FakeEngine()
    var stats = QueryStatistics()
    stats.nodesCreated = 1
    stats.propertiesSet = 1
    engine.answer("CREATE ({k: 1})", columns: [], rows: [], statistics: stats)
    engine.answer("MATCH (n) RETURN n.k", columns: ["n.k"], rows: [[2]])
    #expect(try outcomes(feature(steps), engine: engine).first?.reason?.hasSuffix(
      "missing row | 1 |; unexpected row | 2 |") == true)
    engine.answer("MATCH (n) RETURN n.k", columns: ["n.k"], rows: [[1]])
    #expect(try outcomes(feature(steps), engine: engine) == [.passed])
  }

  @Test func namedGraphRunsEachStatementOfItsScript() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("tck-graphs-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let graphDir = root.appendingPathComponent("graphs/tiny")
    try FileManager.default.createDirectory(at: graphDir, withIntermediateDirectories: true)
    try "CREATE (:A {s: 'a;b'});\n// comment;\nCREATE (:B);\n".write(
      to: graphDir.appendingPathComponent("tiny.cypher"), atomically: true, encoding: .utf8)
    let features = root.appendingPathComponent("features/sub")
    try FileManager.default.createDirectory(at: features, withIntermediateDirectories: true)
    let graphs = try #require(NamedGraphs.locate(from: features.path))
    #expect(graphs.hasSuffix("/graphs"))
    let steps = "Given the tiny graph\nWhen executing query:\n  \"\"\"\n  RETURN 1 AS x\n  \"\"\"\nThen the result should be, in any order:\n  | x |\n  | 1 |"
    let engine = FakeEngine()
    engine.answer("RETURN 1 AS x", columns: ["x"], rows: [[1]])
    #expect(try outcomes(feature(steps), engine: engine, graphs: graphs) == [.passed])
    #expect(engine.executed.map(\.query) == ["CREATE (:A {s: 'a;b'})", "// comment;\nCREATE (:B)", "RETURN 1 AS x"])
    let missing = try outcomes(feature(steps.replacingAll("tiny", with: "huge")), engine: FakeEngine(), graphs: graphs)
    #expect(missing.first?.reason?.contains("cannot read named graph script") == true)
  }
}
