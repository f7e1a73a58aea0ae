// `quiver run FILE...`: runs Cypher scripts in order against one database, printing each
// statement's result. All files are read before anything runs; the first failing statement
// stops the run and is reported as `file:line:col` with a caret, exit status 1. With
// --continue-on-error every statement runs and every error is reported.
import ArgumentParser
import Foundation
import QuiverShellSupport

/// Runs script files statement by statement.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run Cypher scripts, stopping at the first error.",
    discussion: """
      Statements end with ';' (the last one in a file may omit it). The files share one \
      database, so a later file sees what an earlier one created. Shell commands such as \
      :param, :begin/:commit and :source work in scripts too. Use '-' to read a script from \
      standard input.

      EXAMPLES:
        quiver run movies.cypher
        quiver run --format json schema.cypher queries.cypher
        quiver run import.cypher --param batch=500 --continue-on-error
            Run every statement, report all errors, exit 1 at the end if any failed.
      """)

  @Argument(help: "Script files to run in order ('-' for standard input).")
  var files: [String]

  @Flag(help: "Run on after a failing statement; report every error and exit 1 at the end.")
  var continueOnError = false

  @OptionGroup var options: SessionOptions

  func validate() throws {
    if files.isEmpty { throw ValidationError("Give at least one script file to run.") }
  }

  func run() throws {
    var scripts: [(name: String, path: String, text: String)] = []
    for file in files {
      do {
        scripts.append((file == "-" ? "<stdin>" : file, file, try Self.read(file)))
      } catch {
        Console.error("quiver: cannot read '\(file)': \(error.reason)")
        throw ExitCode(1)
      }
    }
    let session = try options.makeSession(interactive: false)
    let runner = ScriptRunner(host: session, continueOnError: continueOnError)
    var failures = 0
    for script in scripts {
      session.sourceDirectories = script.path == "-" ? [] : [(script.path as NSString).deletingLastPathComponent]
      let outcome = runner.run(script.text, origin: script.name)
      guard case .completed(let failed) = outcome else { break }
      failures += failed
      if failed > 0 && !continueOnError { break }
    }
    session.sourceDirectories = []
    session.rollBackOpenTransaction()
    if failures > 0 {
      if continueOnError { Console.error("quiver: \(failures) statement\(failures == 1 ? "" : "s") failed") }
      throw ExitCode(1)
    }
  }

  /// Why a script could not be read.
  struct ScriptReadError: Error {
    let reason: String
  }

  /// The UTF-8 text of `path`, or of standard input for `-`.
  static func read(_ path: String) throws(ScriptReadError) -> String {
    let data: Data
    if path == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw ScriptReadError(reason: "no such file")
      }
      guard !isDirectory.boolValue else { throw ScriptReadError(reason: "it is a directory") }
      guard let contents = FileManager.default.contents(atPath: path) else {
        throw ScriptReadError(reason: "permission denied or unreadable")
      }
      data = contents
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ScriptReadError(reason: "not valid UTF-8 text")
    }
    return text
  }
}
