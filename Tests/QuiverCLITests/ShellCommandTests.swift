// Parsing of the newer shell commands (transactions, formats, toggles, timeouts, export),
// `:help` topics, the history policy that keeps secrets out of the history file, and
// `--param name=value` arguments.
import QuiverShellSupport
import Testing

@Suite("Shell commands, help topics and history policy")
struct ShellCommandTests {
  @Test(
    "commands",
    arguments: [
      (":begin", MetaCommand.begin), (":commit;", .commit), (":ROLLBACK", .rollback),
      (":clear params", .clearParameters), (":source 'my file.cypher'", .source(path: "my file.cypher")),
      (":format tsv", .format(.tsv)), (":format Markdown", .format(.markdown)), (":timing off", .timing(false)),
      (":explain", .explain(nil)), (":profile on", .profile(true)), (":history", .history), (":schema", .schema),
      (":timeout 2.5", .timeout(.milliseconds(2500))), (":timeout off", .timeout(nil)),
      (":export dot out.dot", .export(.dot, path: "out.dot")), (":export mermaid g.mmd", .export(.mermaid, path: "g.mmd")),
      (":help begin", .help(topic: "begin")),
      (":format xml", .malformed(usage: "usage: :format table|csv|tsv|json|jsonl|markdown")),
      (":timeout -1", .malformed(usage: "usage: :timeout SECONDS|off (a positive number of seconds, at most 1000000000)")),
      (":timing maybe", .malformed(usage: "usage: :timing on|off")),
      (":export png x", .malformed(usage: "usage: :export dot|mermaid FILE")),
      (":begin now", .malformed(usage: "usage: :begin")), (":source", .malformed(usage: "usage: :source FILE")),
      (":clear", .malformed(usage: "usage: :clear params")),
    ])
  func parse(line: String, expected: MetaCommand) {
    #expect(MetaCommand.parse(line) == expected)
  }

  @Test("every command has a help topic", arguments: CypherVocabulary.commands)
  func topics(command: String) {
    #expect(HelpText.topic(command) != nil)
    #expect(HelpText.overview.contains(command))
  }

  @Test("unknown help topics")
  func unknownTopic() {
    #expect(HelpText.topic("frobnicate") == nil)
  }

  @Test("history keeps no blank lines, no repeats and no secrets")
  func historyPolicy() {
    #expect(HistoryPolicy.shouldKeep("RETURN 1;", after: nil))
    #expect(!HistoryPolicy.shouldKeep("RETURN 1;", after: "RETURN 1;"))
    #expect(HistoryPolicy.shouldKeep("RETURN 1;", after: "RETURN 2;"))
    #expect(!HistoryPolicy.shouldKeep("   ", after: nil))
    for secret in [
      ":param password => 'x'", ":param dbPassword => 'x'", ":param API_KEY => 'x'", ":param $Token => 1",
      ":param clientSecret => 's'", ":param credentials => {}", ":param `my key` => 1", ":param password 'x'",
    ] {
      #expect(HistoryPolicy.isSecret(secret), "\(secret)")
      #expect(!HistoryPolicy.shouldKeep(secret, after: nil))
    }
    for plain in [":param name => 'password'", ":param limit => 10", "RETURN $password;", ":params"] {
      #expect(!HistoryPolicy.isSecret(plain), "\(plain)")
    }
  }

  @Test("--param name=value")
  func parameterArgument() {
    #expect(ParameterArgument("age=30") == ParameterArgument("age=30"))
    #expect(ParameterArgument("age=30")?.name == "age")
    #expect(ParameterArgument("age=30")?.isLiteral == true)
    #expect(ParameterArgument("$q=a=b")?.value == "a=b")
    #expect(ParameterArgument("name=Alice")?.isLiteral == false)
    #expect(ParameterArgument("day=2024-01-01")?.isLiteral == false)
    #expect(ParameterArgument("list=[1, 2]")?.isLiteral == true)
    #expect(ParameterArgument("s='x'")?.isLiteral == true)
    #expect(ParameterArgument("flag=true")?.isLiteral == true)
    #expect(ParameterArgument("=1") == nil)
    #expect(ParameterArgument("novalue") == nil)
  }
}
