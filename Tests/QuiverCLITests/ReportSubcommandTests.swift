// `quiver report communities` and `quiver report paths` run as the built binary: text and HTML
// from a script and from a database directory, node selectors on the command line, and one-line
// errors with their exit status.
import Foundation
import Testing

@Suite("quiver report communities and paths", .tags(.engine))
struct ReportSubcommandTests {
  /// `quiver report <kind> --script <text as a file> arguments`.
  static func report(_ kind: String, _ script: String, _ arguments: [String]) throws -> QuiverExecutable.Outcome {
    let directory = try TemporaryDirectory()
    let path = try directory.write(script, to: "graph.cypher")
    return try QuiverExecutable.run(["report", kind, "--script", path] + arguments)
  }

  @Test("communities: text to standard output, nothing on standard error")
  func communitiesText() throws {
    let outcome = try Self.report("communities", CommunityFixture.cliques, ["--top", "2"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardError == "")
    let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.prefix(3) == ["Community report", "Graph: 8 nodes, 13 relationships (undirected)", "Louvain (seed 42): 2 communities, modularity 0.423077"])
    #expect(lines.contains("Community 1: 4 nodes, 6 relationships inside"))
  }

  @Test("communities on a database directory, as HTML with the drawing")
  func communitiesDatabase() throws {
    let directory = try TemporaryDirectory()
    let path = directory.file("graph.quiver").path
    let build = try directory.write(CommunityFixture.cliques, to: "build.cypher")
    let created = try QuiverExecutable.run(["run", "--db", path, build])
    #expect(created.status == 0, "\(created.standardError)")
    let outcome = try QuiverExecutable.run(["report", "communities", "--db", path, "--format", "html", "--algorithm", "leiden"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.components(separatedBy: "<circle class=\"node\"").count - 1 == 8)
    #expect(outcome.standardOutput.contains("Leiden (seed 42): 2 communities, modularity 0.423077"))
  }

  @Test("paths: selectors on the command line, weight and k")
  func paths() throws {
    let outcome = try Self.report(
      "paths", PathFixture.diamond, ["--from", "P.name=s", "--to", "name=t", "--weight", "w", "--k", "3", "--format", "json"])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let root = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    #expect(root["shortestPathCount"] as? Int == 3)
    #expect(root["cheapestPathCount"] as? Int == 2)
    #expect((root["paths"] as? [[String: Any]])?.map { $0["cost"] as? Double } == [2, 2, 6])
  }

  @Test(
    "usage errors: one line, exit 2",
    arguments: [
      (["communities", "--algorithm", "girvan"], "quiver: unknown algorithm 'girvan'; valid: louvain, leiden, label-propagation"),
      (["communities", "--communities", "0"], "quiver: --communities takes a whole number of at least 1, not '0'"),
      (["communities", "--draw-limit", "many"], "quiver: --draw-limit takes a whole number of at least 0, not 'many'"),
      (["paths", "--to", "1"], "quiver: give the start node with --from <id or label.property=value>"),
      (["paths", "--from", "1"], "quiver: give the end node with --to <id or label.property=value>"),
      (
        ["paths", "--from", "Alice", "--to", "1"],
        "quiver: --from takes a node id or label.property=value (e.g. Person.name=Alice), not 'Alice'"
      ),
      (["paths", "--from", "0", "--to", "1", "--k", "0"], "quiver: --k takes a whole number of at least 1, not '0'"),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let outcome = try QuiverExecutable.run(["report", arguments[0], "--script", "a.cypher"] + arguments.dropFirst())
    #expect(outcome.status == 2)
    #expect(outcome.standardOutput == "")
    #expect(outcome.standardError == message + "\n")
  }

  @Test("an end node not found: one line, exit 1")
  func notFound() throws {
    let outcome = try Self.report("paths", PathFixture.diamond, ["--from", "P.name=s", "--to", "P.name=nobody"])
    #expect(outcome.status == 1)
    #expect(outcome.standardOutput == "")
    #expect(outcome.standardError == "quiver: no node of the graph has P.name = 'nobody'\n")
  }
}
