// Parsing of the shell's colon commands (`:help`, `:param x => 1`), and the single history
// entries built from statements typed over several lines.
import QuiverShellSupport
import Testing

@Suite("Meta-commands and history entries")
struct MetaCommandTests {
  @Test(
    "commands",
    arguments: [
      (":help", MetaCommand.help(topic: nil)), ("  :help  ", .help(topic: nil)), (":help;", .help(topic: nil)), (":quit", .quit),
      (":exit", .quit), (":quit ;", .quit), (":params", .listParameters),
      (":param x => 42", .setParameter(name: "x", expression: "42")),
      (":param $name=>'Alice' + 'B'", .setParameter(name: "name", expression: "'Alice' + 'B'")),
      (":param `odd name` => [1, 2];", .setParameter(name: "odd name", expression: "[1, 2]")),
      (":param x", .malformed(usage: "usage: :param NAME => EXPRESSION")),
      (":param => 1", .malformed(usage: "usage: :param NAME => EXPRESSION")),
      (":frobnicate now", .unknown(":frobnicate")),
      (":timeout 2.5", .timeout(.milliseconds(2500))), (":timeout off", .timeout(nil)),
      (":notifications off", .notifications(false)), (":notifications on;", .notifications(true)),
      (":notifications", .malformed(usage: "usage: :notifications on|off")),
      (":timeout 1e308", .malformed(usage: "usage: :timeout SECONDS|off (a positive number of seconds, at most 1000000000)")),
      (":timeout -1", .malformed(usage: "usage: :timeout SECONDS|off (a positive number of seconds, at most 1000000000)")),
    ])
  func parse(line: String, expected: MetaCommand) {
    #expect(MetaCommand.parse(line) == expected)
  }

  @Test("Cypher is not a command", arguments: ["RETURN 1;", "", "  ", "MATCH (n:Person)"])
  func cypher(line: String) {
    #expect(MetaCommand.parse(line) == nil)
  }

  @Test("the help lists every command")
  func help() {
    for command in [":help", ":param", ":params", ":quit", ":exit"] {
      #expect(HelpText.overview.contains(command))
    }
  }

  @Test("lines of one statement are joined with spaces")
  func joinWithSpaces() {
    #expect(HistoryEntry.join(["RETURN", "1 AS x;"]) == "RETURN 1 AS x;")
    #expect(HistoryEntry.join(["MATCH (n)  ", "", "    RETURN n;"]) == "MATCH (n) RETURN n;")
    #expect(HistoryEntry.join(["RETURN 'a' AS s;"]) == "RETURN 'a' AS s;")
  }

  @Test("line comments and open strings keep the line breaks")
  func joinWithLineBreaks() {
    #expect(
      HistoryEntry.join(["MATCH (n) // every node", "RETURN n;"])
        == "MATCH (n) // every node\nRETURN n;")
    #expect(HistoryEntry.join(["RETURN 'two", "lines';"]) == "RETURN 'two\nlines';")
  }

  @Test("blank input makes no entry")
  func blank() {
    #expect(HistoryEntry.join(["", "   "]) == nil)
    #expect(HistoryEntry.join([]) == nil)
  }
}
