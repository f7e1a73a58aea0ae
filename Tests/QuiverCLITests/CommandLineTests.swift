// The `quiver` executable's command line: help, version, exit status of usage errors and
// unreadable files, and meta-commands through piped standard input. None of these needs the
// query engine.
import Foundation
import QuiverShellSupport
import Testing

@Suite("Command line")
struct CommandLineTests {
  @Test("--help shows usage, options, subcommands and examples")
  func help() throws {
    let outcome = try QuiverExecutable.run(["--help"])
    #expect(outcome.status == 0)
    for text in [
      "USAGE: quiver [<path>] [--format <format>]", "quiver -c <query>", "quiver run <file> ...", "quiver graph.quiver",
      "-c, --command <query>", "--format <format>", "EXAMPLES:", "EXIT STATUS:", "run ",
    ] {
      #expect(outcome.standardOutput.contains(text), "missing \(text)")
    }
  }

  @Test("run --help explains scripts")
  func runHelp() throws {
    let outcome = try QuiverExecutable.run(["run", "--help"])
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput.contains("USAGE: quiver run <files> ..."))
  }

  @Test("--version prints the version")
  func version() throws {
    let outcome = try QuiverExecutable.run(["--version"])
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput == "0.1.0\n")
  }

  @Test(
    "usage errors exit with status 2",
    arguments: [["--bogus"], ["--format", "xml"], ["run"], ["one-directory", "another-directory"], ["dir", "--db", "dir"], ["-c"]])
  func usageError(arguments: [String]) throws {
    let outcome = try QuiverExecutable.run(arguments)
    #expect(outcome.status == 2)
    #expect(outcome.standardError.hasPrefix("Error: "))
    #expect(outcome.standardError.contains("Usage: quiver"))
    #expect(outcome.standardOutput.isEmpty)
  }

  @Test(
    "a timeout that is not a positive number of seconds up to a billion is refused, not a crash",
    arguments: ["1e308", "99999999999999999999", "-1", "0", "nan", "inf"])
  func badTimeout(value: String) throws {
    let outcome = try QuiverExecutable.run(["--timeout", value, "-c", "RETURN 1"])
    #expect(outcome.status == 2)
    #expect(outcome.standardError.hasPrefix("Error: --timeout takes a positive number of seconds, at most 1000000000."))
    #expect(outcome.standardOutput.isEmpty)
  }

  @Test("serve refuses time limits it cannot represent", arguments: ["--query-timeout", "--idle-timeout"])
  func badServeTimeout(option: String) throws {
    let outcome = try QuiverExecutable.run(["serve", "--no-auth", option, "1e308"])
    #expect(outcome.status == 2)
    #expect(outcome.standardError.hasPrefix("Error: \(option) takes 0 (no limit) or a positive number of seconds"))
  }

  @Test("a missing script is reported and exits with status 1")
  func missingFile() throws {
    let outcome = try QuiverExecutable.run(["run", "missing.cypher"])
    #expect(outcome.status == 1)
    #expect(outcome.standardError == "quiver: cannot read 'missing.cypher': no such file\n")
    #expect(outcome.standardOutput.isEmpty)
  }

  @Test("a directory is not a script")
  func directory() throws {
    let directory = try TemporaryDirectory()
    let outcome = try QuiverExecutable.run(["run", directory.url.path])
    #expect(outcome.status == 1)
    #expect(outcome.standardError.hasSuffix(": it is a directory\n"))
  }

  @Test("files are all checked before any runs")
  func laterMissingFile() throws {
    let directory = try TemporaryDirectory()
    let first = try directory.write("RETURN 1 AS x;\n", to: "first.cypher")
    let outcome = try QuiverExecutable.run(["run", first, "missing.cypher"])
    #expect(outcome.status == 1)
    #expect(outcome.standardOutput.isEmpty)
  }

  @Test(":help through piped input prints the help without prompts")
  func pipedHelp() throws {
    let outcome = try QuiverExecutable.run([], input: ":help\n")
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput == HelpText.overview + "\n")
    #expect(outcome.standardError.isEmpty)
  }

  @Test(":quit stops reading piped input")
  func pipedQuit() throws {
    let outcome = try QuiverExecutable.run([], input: ":quit\n:help\n")
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput.isEmpty)
  }

  @Test("an unknown command in piped input fails with its line number")
  func pipedUnknownCommand() throws {
    let outcome = try QuiverExecutable.run([], input: "\n:help\n:frobnicate\n:help\n")
    #expect(outcome.status == 1)
    #expect(outcome.standardOutput == HelpText.overview + "\n")
    #expect(
      outcome.standardError
        == "<stdin>:3: Unknown command ':frobnicate'; type :help for the list of commands\n")
  }

  @Test("empty input is a successful run with no output")
  func emptyInput() throws {
    let outcome = try QuiverExecutable.run([], input: "")
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput.isEmpty)
    #expect(outcome.standardError.isEmpty)
  }
}

@Suite("Database directory argument")
struct DatabaseDirectoryTests {
  @Test("quiver PATH keeps the graph between runs")
  func positionalPath() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quiver-positional-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let first = try QuiverExecutable.run([directory], input: "CREATE (:A {x: 41});\n")
    #expect(first.status == 0, "\(first.standardError)")
    let second = try QuiverExecutable.run([directory, "--format", "csv"], input: "MATCH (a:A) RETURN a.x + 1 AS y;\n")
    #expect(second.status == 0, "\(second.standardError)")
    #expect(second.standardOutput == "y\n42\n")
  }
}
