// The script runner's rules, without spawning the shell: statements end at their `;` (not at
// one inside a string) and a last one may omit it, meta-commands count only at the start of a
// statement, the first error stops a script unless errors are collected, errors are reported at
// their place in the script, and `:quit` ends it. The host runs statements in a library Session.
import Quiver
import QuiverShellSupport
import Testing

/// Runs statements and transaction commands in a library session and records what happened.
private final class RecordingHost: ScriptHost {
  let session: Session
  var results: [[String]] = []
  var reports: [String] = []

  init() throws { session = Session(database: try Database()) }

  func perform(_ command: MetaCommand) -> MetaOutcome {
    do {
      switch command {
      case .begin: try session.begin()
      case .commit: try session.commit()
      case .rollback: try session.rollback()
      case .quit: return .quit
      case .setParameter(let name, let expression): session.parameters[name] = try session.evaluate(expression)
      default: return .failed("not supported here")
      }
    } catch {
      return .failed("\(error)")
    }
    return .proceed
  }

  func run(_ statement: ScriptStatement, source: String, firstLine: Int, origin: String?) throws {
    results += try session.run(statement.text).collect().rows.map { $0.map(\.cypherText) }
  }

  func report(_ text: String) { reports.append(text) }
}

@Suite struct ScriptRunnerTests {
  @Test func statementsEndAtTheirSemicolonAndTheLastMayOmitIt() throws {
    let host = try RecordingHost()
    let script = "RETURN 'a;b' AS x; RETURN\n  2 AS y;\nRETURN 3 AS z"
    #expect(ScriptRunner(host: host).run(script, origin: "s.cypher") == .completed(failures: 0))
    #expect(host.results == [["'a;b'"], ["2"], ["3"]])
    #expect(host.reports.isEmpty)
  }

  @Test func aColonLineInsideAStatementIsCypher() throws {
    let host = try RecordingHost()
    let script = "CREATE (:Person), (:Person);\nMATCH (n\n:Person) RETURN count(n) AS c;"
    #expect(ScriptRunner(host: host).run(script, origin: "s.cypher") == .completed(failures: 0))
    #expect(host.results == [["2"]])
  }

  @Test func theFirstErrorStopsTheScriptAtItsPlace() throws {
    let host = try RecordingHost()
    let script = "RETURN 1 AS a;\nRETURN 2 +\n  AS b;\nRETURN 3 AS c;"
    #expect(ScriptRunner(host: host).run(script, origin: "s.cypher") == .completed(failures: 1))
    #expect(host.results == [["1"]])
    #expect(host.reports.count == 1)
    #expect(host.reports.first?.hasPrefix("s.cypher:3:3: SyntaxError:") == true)
  }

  @Test func collectingErrorsRunsOn() throws {
    let host = try RecordingHost()
    let script = "RETURN x;\n:nonsense\nRETURN 1 / 0;\nRETURN 4 AS d;"
    #expect(ScriptRunner(host: host, continueOnError: true).run(script, origin: "t") == .completed(failures: 3))
    #expect(host.results == [["4"]])
    #expect(host.reports.count == 3)
    #expect(host.reports[1] == "t:2: not supported here")
    #expect(host.reports[2].hasPrefix("t:3:") && host.reports[2].contains("ArithmeticError"))
  }

  @Test func aStrayCharacterFailsItsStatementAndTheRestStillRuns() throws {
    // The lexer rejects these characters; cutting the script must not give up at them.
    for stray in ["#", "\u{0}", "\u{1}", "\u{FFFF}"] {
      let host = try RecordingHost()
      let script = "RETURN 1 AS a;\nRETURN 2 \(stray) AS b;\nRETURN 3 AS c;"
      #expect(ScriptRunner(host: host, continueOnError: true).run(script, origin: "t") == .completed(failures: 1))
      #expect(host.results == [["1"], ["3"]])
      #expect(host.reports.count == 1)
      #expect(host.reports.first?.hasPrefix("t:2:10: SyntaxError:") == true)
    }
  }

  @Test func onlyLineFeedsEndLines() throws {
    // U+2028 and a CR inside a string literal are kept as they are; the line feed after the CR
    // starts line 2, and U+2028 starts none, so the unknown function is on line 4.
    let host = try RecordingHost()
    let script = "RETURN 'a\u{2028}b' = 'a\\u2028b' AS same, size('c\r\nd') AS n;\r\nRETURN\n  nope(1);"
    #expect(ScriptRunner(host: host, continueOnError: true).run(script, origin: "t") == .completed(failures: 1))
    #expect(host.results == [["true", "3"]])
    #expect(host.reports.first?.hasPrefix("t:4:3: SyntaxError:") == true)
  }

  @Test func quitEndsTheScript() throws {
    let host = try RecordingHost()
    #expect(ScriptRunner(host: host).run("RETURN 1;\n:quit\nRETURN 2;", origin: "s") == .quit)
    #expect(host.results == [["1"]])
  }

  @Test func transactionsAndParametersGoThroughTheSession() throws {
    let host = try RecordingHost()
    let script = """
      :param n => 2 + 3
      :begin
      CREATE (:A {v: $n});
      MATCH (a:A) RETURN a.v AS v;
      :rollback
      MATCH (a:A) RETURN count(a) AS c;
      """
    #expect(ScriptRunner(host: host).run(script, origin: "s") == .completed(failures: 0))
    #expect(host.results == [["5"], ["0"]])
    #expect(!host.session.isInTransaction)
  }
}
