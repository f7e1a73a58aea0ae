// `quiver report centrality` run as the built binary: every format from a script and from a
// database directory, to standard output and to a file; the script's own results kept out of
// the report; one-line errors with their exit status; the progress line on a terminal only.
import Foundation
import Testing

@Suite("quiver report centrality", .tags(.engine))
struct ReportCommandTests {
  /// A directory holding the star script.
  struct Fixture {
    let directory: TemporaryDirectory
    let script: String

    init(_ text: String = ReportFixture.star) throws {
      directory = try TemporaryDirectory()
      script = try directory.write(text, to: "graph.cypher")
    }

    /// `quiver report centrality --script <script> arguments`.
    func report(_ arguments: [String]) throws -> QuiverExecutable.Outcome {
      try QuiverExecutable.run(["report", "centrality", "--script", script] + arguments)
    }
  }

  @Test("text to standard output, nothing on standard error")
  func text() throws {
    let outcome = try Fixture().report(["--direction", "undirected", "--algorithms", "degree,BETWEENNESS", "--top", "2"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardError == "")
    let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.prefix(3) == ["Centrality report", "Graph: 5 nodes, 4 relationships (undirected)", "Degree: top 2 of 5"])
    #expect(lines.contains("|    1 |    0 | Hub    | centre  |     4 |"))
    #expect(lines.contains("Betweenness: top 2 of 5"))
    #expect(lines.contains("|    1 |    0 | Hub    | centre  |     1 |"))
  }

  @Test("csv, json and html to standard output and to --output alike")
  func formats() throws {
    let fixture = try Fixture()
    for format in ["csv", "json", "html", "TEXT"] {
      let printed = try fixture.report(["--format", format, "--direction", "undirected"])
      #expect(printed.status == 0, "\(format): \(printed.standardError)")
      let file = fixture.directory.file("report.\(format)").path
      let written = try fixture.report(["--format", format, "--direction", "undirected", "--output", file])
      #expect(written.status == 0, "\(format): \(written.standardError)")
      #expect(written.standardOutput == "")
      #expect(written.standardError == "")
      #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.standardOutput, "\(format)")
    }
    let csv = OutputFormatTests.parseCSV(try fixture.report(["--format", "csv", "--algorithms", "degree"]).standardOutput)
    #expect(csv.first == ["section", "measure", "rank", "node", "labels", "display", "key", "value"])
    #expect(csv.contains(["top", "degree", "1", "0", "Hub", "centre", "score", "4.0"]))
    let json = try fixture.report(["--format", "json", "--label", "Leaf"]).standardOutput
    let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect((root["graph"] as? [String: Any])?["nodes"] as? Int == 4)
    #expect((root["graph"] as? [String: Any])?["labels"] as? [String] == ["Leaf"])
    let html = try fixture.report(["--format", "html", "--display-property", "rank"]).standardOutput
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<svg"))
    #expect(!html.contains("http://") && !html.contains("https://"))
  }

  @Test("a database directory is read, and not written")
  func database() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("graph.quiver").path
    let created = try QuiverExecutable.run(["--db", path, "-c", ReportFixture.star])
    #expect(created.status == 0, "\(created.standardError)")
    let before = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    let outcome = try QuiverExecutable.run([
      "report", "centrality", "--db", path, "--format", "csv", "--algorithms", "degree", "--direction", "undirected",
      "--relationship-type", "LINK",
    ])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(OutputFormatTests.parseCSV(outcome.standardOutput).contains(["graph", "", "", "", "", "", "nodes", "5"]))
    #expect(try FileManager.default.contentsOfDirectory(atPath: path).sorted() == before)
  }

  @Test("the script's own results and shell commands stay out of the report")
  func scriptOutput() throws {
    let fixture = try Fixture(":param x => 1\n" + ReportFixture.star + "\nMATCH (n) RETURN count(n) AS nodes;\n")
    let outcome = try fixture.report(["--format", "csv", "--algorithms", "degree"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.hasPrefix("section,measure,rank,node,labels,display,key,value\ngraph,,,,,,nodes,5\n"))
  }

  @Test("--script - reads the script from standard input")
  func standardInput() throws {
    let outcome = try QuiverExecutable.run(
      ["report", "centrality", "--script", "-", "--format", "json", "--algorithms", "degree"], input: ReportFixture.star)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    #expect((root["graph"] as? [String: Any])?["relationships"] as? Int == 4)
  }

  @Test(
    "usage errors: one line, exit 2",
    arguments: [
      ([String](), "quiver: give the graph with --db <directory> or --script <file>"),
      (["--script", "a.cypher", "--db", "x"], "quiver: give either --db or --script, not both"),
      (["--script", "a.cypher", "--format", "pdf"], "quiver: unknown format 'pdf'; valid: text, csv, json, html"),
      (
        ["--script", "a.cypher", "--algorithms", "pagerank,katz"],
        "quiver: unknown algorithm 'katz' in --algorithms; valid: degree, pagerank, betweenness, closeness, harmonic, eigenvector, hubs, authorities, hits"
      ),
      (["--script", "a.cypher", "--top", "0"], "quiver: --top takes a whole number of at least 1, not '0'"),
      (["--script", "a.cypher", "--top", "ten"], "quiver: --top takes a whole number of at least 1, not 'ten'"),
      (["--script", "a.cypher", "--sample", "0"], "quiver: --sample takes a whole number of at least 1 or 'all', not '0'"),
      (
        ["--script", "a.cypher", "--direction", "sideways"],
        "quiver: unknown direction 'sideways'; valid: directed, undirected, reverse"
      ),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let outcome = try QuiverExecutable.run(["report", "centrality"] + arguments)
    #expect(outcome.status == 2)
    #expect(outcome.standardOutput == "")
    #expect(outcome.standardError == message + "\n")
  }

  @Test("a graph that cannot be read or a report that cannot be written: one line, exit 1")
  func runtimeErrors() throws {
    let missing = try QuiverExecutable.run(["report", "centrality", "--script", "/nonexistent/graph.cypher"])
    #expect(missing.status == 1)
    #expect(missing.standardError == "quiver: cannot read '/nonexistent/graph.cypher': no such file\n")
    let noDatabase = try QuiverExecutable.run(["report", "centrality", "--db", "/nonexistent/graph.quiver"])
    #expect(noDatabase.status == 1)
    #expect(noDatabase.standardError.hasPrefix("quiver: cannot open the database: "))
    #expect(noDatabase.standardError.contains("/nonexistent/graph.quiver"))
    #expect(!FileManager.default.fileExists(atPath: "/nonexistent/graph.quiver"))
    let fixture = try Fixture()
    let unwritable = try fixture.report(["--output", "/nonexistent/report.html"])
    #expect(unwritable.status == 1)
    #expect(unwritable.standardError == "quiver: cannot write '/nonexistent/report.html': No such file or directory\n")
    let directory = try fixture.report(["--output", fixture.directory.url.path])
    #expect(directory.status == 1)
    #expect(directory.standardError == "quiver: cannot write '\(fixture.directory.url.path)': Is a directory\n")
    let failing = try Fixture("CREATE (:A);\nRETURN nope;\n").report([])
    #expect(failing.status == 1)
    #expect(failing.standardOutput == "")
    #expect(failing.standardError.contains("graph.cypher:2:8: SyntaxError: "))
  }

  @Test("on a terminal a progress line names each step and is erased at the end")
  func progress() throws {
    let executable = try #require(QuiverExecutable.url, "quiver executable not found")
    let directory = try TemporaryDirectory()
    // A graph large enough that the algorithms take a few 50 ms ticks.
    let script = try directory.write(
      """
      UNWIND range(0, 2999) AS i CREATE (:N {id: i});
      MATCH (n:N) WITH n ORDER BY n.id WITH collect(n) AS ns UNWIND range(0, size(ns) - 2) AS i
      WITH ns[i] AS a, ns[i + 1] AS b, ns[(i * 7 + 3) % size(ns)] AS c CREATE (a)-[:R]->(b), (a)-[:R]->(c);
      """, to: "chain.cypher")
    let output = directory.file("report.csv").path
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    let terminal = try PseudoTerminal(
      executable: executable,
      arguments: [
        "report", "centrality", "--script", script, "--algorithms", "betweenness,closeness,harmonic", "--format", "csv",
        "--output", output,
      ],
      environment: environment)
    #expect(terminal.waitForExit(timeout: .seconds(120)) == 0, "transcript:\n\(terminal.transcript)")
    #expect(terminal.transcript.contains("computing "), "transcript:\n\(terminal.transcript)")
    #expect(terminal.transcript.contains("/4)… "))
    #expect(terminal.transcript.hasSuffix("\u{1B}[K"))
    #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("section,"))
  }
}
