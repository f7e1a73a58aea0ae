// The shell's interactive features through a pseudo-terminal: Tab completion of a label from
// the live schema, history recalled in a second session, Ctrl-C cancelling a long statement and
// clearing typed input, and the prompt inside a transaction. Generous deadlines keep these
// stable on a loaded machine.
import Foundation
import QuiverShellSupport
import Testing

@Suite("Shell features", .tags(.engine))
struct ShellFeatureTests {
  typealias Fixture = InteractiveShellTests.Fixture

  @Test("Tab completes a label from the graph")
  func completeLabel() throws {
    let shell = try Fixture()
    shell.expectOutput("quiver> ")
    shell.terminal.send("CREATE (:Person {name: 'Alice'});\r")
    shell.expectOutput("Created 1 node")
    shell.expectOutput("quiver> ", count: 2)
    shell.terminal.send("MATCH (n:Pe\t")
    shell.expectOutput("Person")
    shell.terminal.send(") RETURN n.na\t;\r")
    shell.expectOutput("│ Alice  │")
    shell.terminal.send("\u{04}")
    #expect(shell.terminal.waitForExit() == 0)
    #expect(try shell.history().contains("MATCH (n:Person) RETURN n.name;\n"))
  }

  @Test("history is recalled in a later session with the same file")
  func historyAcrossSessions() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("shared-history").path
    do {
      let first = try Fixture(historyPath: path)
      first.expectOutput("quiver> ")
      first.terminal.send("RETURN 40 + 2 AS answer;\r")
      first.expectOutput("│ 42     │")
      first.terminal.send(":param password => 'hunter2'\r")
      first.expectOutput(":param password => 'hunter2'")
      first.terminal.send(":quit\r")
      #expect(first.terminal.waitForExit() == 0)
    }
    let saved = try String(contentsOfFile: path, encoding: .utf8)
    #expect(!saved.contains("hunter2"))
    let second = try Fixture(historyPath: path)
    second.expectOutput("quiver> ")
    second.terminal.send("\u{1b}[A\u{1b}[A")
    second.expectOutput("RETURN 40 + 2 AS answer;")
    second.terminal.send("\r")
    second.expectOutput("│ 42     │")
    second.terminal.send(":history\r")
    second.expectOutput("1  RETURN 40 + 2 AS answer;")
    second.terminal.send(":quit\r")
    #expect(second.terminal.waitForExit() == 0)
  }

  @Test("Ctrl-C cancels a running statement and the shell stays usable")
  func interruptQuery() throws {
    let shell = try Fixture()
    shell.expectOutput("quiver> ")
    shell.terminal.send("UNWIND range(1, 1000000000) AS x RETURN count(*);\r")
    shell.expectOutput("Running…", timeout: .seconds(20))
    shell.terminal.send("\u{03}")
    shell.expectOutput("Cancelled: the query was cancelled", timeout: .seconds(30))
    shell.expectOutput("quiver> ", count: 2)
    shell.terminal.send("RETURN 1 AS one;\r")
    shell.expectOutput("│ one │\n├─────┤\n│ 1   │")
    shell.terminal.send("half typed\u{03}")
    shell.expectOutput("quiver> ", count: 4)
    shell.terminal.send("\u{04}")
    #expect(shell.terminal.waitForExit() == 0)
  }

  @Test(":begin changes the prompt, :commit publishes, leaving rolls back")
  func transactionPrompt() throws {
    let shell = try Fixture()
    shell.expectOutput("quiver> ")
    shell.terminal.send(":begin\r")
    shell.expectOutput("Transaction started.")
    shell.expectOutput("quiver(tx)> ")
    shell.terminal.send("CREATE (:T)\r")
    shell.expectOutput("       ...> ")
    shell.terminal.send(";\r")
    shell.expectOutput("Created 1 node")
    shell.terminal.send(":commit\r")
    shell.expectOutput("Committed: Created 1 node")
    shell.expectOutput("quiver> ", count: 2)
    shell.terminal.send(":begin\r")
    shell.expectOutput("quiver(tx)> ", count: 3)
    shell.terminal.send("MATCH (t:T) RETURN count(t) AS n;\r")
    shell.expectOutput("│ 1 │")
    shell.terminal.send(":quit\r")
    shell.expectOutput("Rolled back the open transaction.")
    #expect(shell.terminal.waitForExit() == 0)
  }
}
