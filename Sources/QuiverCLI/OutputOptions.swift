// The options that shape output, shared by `quiver` and `quiver run`: the result format and
// whether elapsed times are shown. Also opens the database session they configure.
import ArgumentParser
import Foundation
import Quiver
import QuiverShellSupport

extension OutputFormat: ExpressibleByArgument {}

/// `--format` and `--timing` / `--no-timing`.
struct OutputOptions: ParsableArguments {
  @Option(help: "How results are written: table, csv, or json (one JSON object per row).")
  var format: OutputFormat = .table

  @Flag(
    inversion: .prefixedNo,
    help: "Show how long each statement took. (default: on in the interactive shell only)")
  var timing: Bool?

  /// Opens a database and the session that prints its results. `interactive` is true for the
  /// shell: timing on by default and a blank line after each result.
  func makeSession(interactive: Bool) throws -> Session {
    let database: Database
    do {
      database = try Database()
    } catch {
      Console.error("quiver: cannot open the database: \(error)")
      throw ExitCode(1)
    }
    let renderer = ResultRenderer(
      format: format,
      tableStyle: Console.tableStyle(environment: ProcessInfo.processInfo.environment),
      showsTiming: timing ?? interactive)
    return Session(database: database, renderer: renderer, spacesAfterResults: interactive)
  }
}
