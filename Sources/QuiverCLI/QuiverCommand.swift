// The `quiver` command: with no arguments an interactive shell on a terminal, or batch mode
// when standard input is piped; `-c QUERY` for one-off queries; `quiver run FILE...` for
// scripts; `quiver test FILE...` for golden files; `quiver report centrality|communities|paths`
// for analytics reports; `quiver import` for bulk loading CSV files. Exit status: 0 success, 1 a statement
// failed, 2 a usage error.
import ArgumentParser
import Foundation
import QuiverShellSupport

/// The root command; it runs the shell, `-c` text or piped input itself.
@main
struct QuiverCommand: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "quiver",
    abstract: "Quiver: an embeddable property-graph database that speaks Cypher.",
    usage: """
      quiver [<path>] [--format <format>] [--[no-]timing] [--timeout <seconds>] [--param <name=value> ...]
      quiver -c <query> [--format <format>] [--[no-]timing] [--timeout <seconds>] [--param <name=value> ...]
      quiver run <file> ... [--continue-on-error] [options]
      quiver test <file> ...
      quiver report centrality (--db <directory> | --script <file>) [options]
      quiver report communities (--db <directory> | --script <file>) [options]
      quiver report paths (--db <directory> | --script <file>) --from <node> --to <node> [options]
      quiver import --db <directory> --nodes <labels=file> ... [--relationships <type=file> ...] [options]
      quiver dump <directory> [--output <file>]
      quiver restore <file> --db <directory> [--force]
      quiver export <directory> --format csv|jsonl|graphml|gexf|dot|cypher [--output <path>]
      quiver serve [<directory>] [--listen <host:port>] [--no-auth] [options]
      quiver user add <name> (--db <directory> | --users <file>)
      """,
    discussion: """
      With no arguments on a terminal, quiver starts an interactive shell: type Cypher \
      statements ending with ';', and :help for the shell's own commands. When standard input \
      is not a terminal, statements (and the same commands) are read from it and run as they \
      arrive. The database lives in memory for the duration of the process, or in the directory \
      <path> (or --db <directory>), where it is kept durably.

      EXAMPLES:
        quiver
            Start the interactive shell on an in-memory database.
        quiver graph.quiver
            Start the shell on the database in the directory graph.quiver (created if missing).
        quiver -c "UNWIND range(1, 3) AS i RETURN i, i * i AS square"
            Run a query and exit.
        quiver -c "UNWIND ['Alice','Bob'] AS n RETURN n" --format csv | sort
            Use a query's rows in a pipeline.
        quiver -c 'MATCH (n) WHERE n.age > $age RETURN n' --param age=30 --timeout 5
            Bind a parameter and bound the running time.
        quiver run schema.cypher data.cypher queries.cypher
            Run scripts against one database, stopping at the first error.
        quiver < data.cypher
        echo "RETURN 1 AS one;" | quiver --format json
            Run statements from standard input.
        quiver test tests/*.cypher
            Check golden files (see docs/shell.md, "Golden files").

        quiver report centrality --db graph.quiver --format html --output report.html
            Write a centrality report on a graph (see 'quiver report centrality --help'); also
            'quiver report communities' and 'quiver report paths --from <node> --to <node>'.
        quiver import --db graph.quiver --nodes Person=nodes.csv --relationships KNOWS=edges.csv
            Bulk-load CSV files into a database (see 'quiver import --help').
        quiver dump graph.quiver --output graph.cypher; quiver restore graph.cypher --db copy.quiver
            Back a database up as a Cypher script and load it into another directory.
        quiver export graph.quiver --format graphml --output graph.graphml
            Write the graph for networkx, Gephi or Neo4j (see 'quiver export --help').

      EXIT STATUS:
        0 success, 1 a statement failed or a file could not be read, 2 a usage error.
      """,
    version: version,
    subcommands: [RunCommand.self, TestCommand.self, ReportCommand.self])

  @Option(
    name: [.customShort("c"), .customLong("command")],
    help: ArgumentHelp(
      "Run the statements in <query> (separated by ';') and exit.", valueName: "query"))
  var query: String?

  @OptionGroup var options: SessionOptions

  /// The database directory may come first, as in `quiver graph.quiver`; it is read as `--db`
  /// before parsing so that it never shadows the subcommands.
  static func rewritingPath(_ arguments: [String]) throws -> [String] {
    guard let first = arguments.first, !first.hasPrefix("-"), !["run", "test", "report", "import", "dump", "restore", "export", "serve", "user", "help"].contains(first) else {
      return arguments
    }
    if arguments.contains("--db") {
      throw ValidationError("Give the database directory either as <path> or with --db, not both.")
    }
    return ["--db", first] + arguments.dropFirst()
  }

  func run() throws {
    if let query {
      let session = try options.makeSession(interactive: false)
      let outcome = ScriptRunner(host: session).run(query, origin: "<command>")
      session.rollBackOpenTransaction()
      if outcome != .completed(failures: 0) && outcome != .quit { throw ExitCode(1) }
    } else if Console.inputIsTerminal {
      let session = try options.makeSession(interactive: true)
      let historyPath = LineEditor.historyPath(environment: ProcessInfo.processInfo.environment)
      Shell(session: session, editor: LineEditor(historyPath: historyPath)).run()
    } else {
      let session = try options.makeSession(interactive: false)
      let outcome = ScriptRunner(host: session).run(origin: "<stdin>") { readLine(strippingNewline: true) }
      session.rollBackOpenTransaction()
      if outcome != .completed(failures: 0) && outcome != .quit { throw ExitCode(1) }
    }
  }

  /// Parses the arguments and runs the command, like ArgumentParser's own `main()`, except
  /// that usage errors exit with status 2 (the convention of Unix tools) instead of 64.
  /// `quiver report ...` is parsed on its own: the root's options (--db, --format) would
  /// otherwise take the report's options of the same names.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == "report" {
      execute(ReportCommand.self, Array(arguments.dropFirst()))
    } else if arguments.first == "import" {
      execute(ImportCommand.self, Array(arguments.dropFirst()))
    } else if let first = arguments.first, let command = exchangeCommands[first] {
      execute(command, Array(arguments.dropFirst()))
    } else if arguments.first == "serve" {
      execute(ServeCommand.self, Array(arguments.dropFirst()))
    } else if arguments.first == "user" {
      execute(UserCommand.self, Array(arguments.dropFirst()))
    } else {
      execute(Self.self, try rewritingPath(arguments))
    }
  }

  /// Subcommands parsed on their own, like `import` (their `--db` and `--format` differ from the root's).
  private static let exchangeCommands: [String: any ParsableCommand.Type] = [
    "dump": DumpCommand.self, "restore": RestoreCommand.self, "export": ExportCommand.self,
  ]

  private static func execute<Command: ParsableCommand>(
    _ root: Command.Type, _ arguments: @autoclosure () throws -> [String]
  ) {
    do {
      var command = try root.parseAsRoot(try arguments())
      try command.run()
    } catch {
      guard root.exitCode(for: error) == .validationFailure else { root.exit(withError: error) }
      Console.error(root.fullMessage(for: error))
      Foundation.exit(2)
    }
  }
}
