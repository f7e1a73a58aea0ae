// `quiver run FILE...`: runs Cypher scripts in order against one database, printing each
// statement's result. All files are read before anything runs; the first failing statement
// stops the run and is reported as `file:line:col` with a caret, exit status 1.
import ArgumentParser
import Foundation

/// Runs script files statement by statement.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run Cypher scripts, stopping at the first error.",
    discussion: """
      Statements end with ';' (the last one in a file may omit it). The files share one \
      database, so a later file sees what an earlier one created. Use '-' to read a script \
      from standard input.

      EXAMPLES:
        quiver run movies.cypher
        quiver run --format json schema.cypher queries.cypher
      """)

  @Argument(help: "Script files to run in order ('-' for standard input).")
  var files: [String]

  @OptionGroup var output: OutputOptions

  func validate() throws {
    if files.isEmpty { throw ValidationError("Give at least one script file to run.") }
  }

  func run() throws {
    var scripts: [(name: String, text: String)] = []
    for file in files {
      do {
        scripts.append((file == "-" ? "<stdin>" : file, try Self.read(file)))
      } catch {
        Console.error("quiver: cannot read '\(file)': \(error.reason)")
        throw ExitCode(1)
      }
    }
    let runner = ScriptRunner(session: try output.makeSession(interactive: false))
    for script in scripts where !runner.run(script.text, origin: script.name) {
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
