// The `quiver` command: with no arguments an interactive shell on a terminal, or batch mode
// when standard input is piped; `-c QUERY` for one-off queries; `quiver run FILE...` for
// scripts. Exit status: 0 success, 1 a statement failed, 2 a usage error.
import ArgumentParser
import Foundation

/// The root command; it runs the shell, `-c` text or piped input itself.
@main
struct QuiverCommand: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "quiver",
    abstract: "Quiver: an embeddable property-graph database that speaks Cypher.",
    usage: """
      quiver [--format <format>] [--[no-]timing]
      quiver -c <query> [--format <format>] [--[no-]timing]
      quiver run <file> ... [--format <format>] [--[no-]timing]
      """,
    discussion: """
      With no arguments on a terminal, quiver starts an interactive shell: type Cypher \
      statements ending with ';', and :help for the shell's own commands. When standard input \
      is not a terminal, statements are read from it and run as they arrive. The database \
      lives in memory for the duration of the process.

      EXAMPLES:
        quiver
            Start the interactive shell.
        quiver -c "UNWIND range(1, 3) AS i RETURN i, i * i AS square"
            Run a query and exit.
        quiver run schema.cypher data.cypher queries.cypher
            Run scripts against one database, stopping at the first error.
        quiver < data.cypher
        echo "RETURN 1 AS one;" | quiver --format csv
            Run statements from standard input.

      EXIT STATUS:
        0 success, 1 a statement failed or a file could not be read, 2 a usage error.
      """,
    version: version,
    subcommands: [RunCommand.self])

  @Option(
    name: [.customShort("c"), .customLong("command")],
    help: ArgumentHelp(
      "Run the statements in <query> (separated by ';') and exit.", valueName: "query"))
  var query: String?

  @OptionGroup var output: OutputOptions

  func run() throws {
    if let query {
      let session = try output.makeSession(interactive: false)
      guard ScriptRunner(session: session).run(query, origin: "<command>") else {
        throw ExitCode(1)
      }
    } else if Console.inputIsTerminal {
      let session = try output.makeSession(interactive: true)
      let historyPath = LineEditor.historyPath(environment: ProcessInfo.processInfo.environment)
      Shell(session: session, editor: LineEditor(historyPath: historyPath)).run()
    } else {
      let session = try output.makeSession(interactive: false)
      guard PipedInputRunner(session: session).run() else { throw ExitCode(1) }
    }
  }

  /// Parses the arguments and runs the command, like ArgumentParser's own `main()`, except
  /// that usage errors exit with status 2 (the convention of Unix tools) instead of 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
      Console.error(fullMessage(for: error))
      Foundation.exit(2)
    }
  }
}
