// `quiver report paths` computed on a small weighted graph with known shortest paths: hops and
// the number of shortest paths, the least cost and the number of cheapest paths, Yen's k
// shortest, node selectors and their errors, unreachable ends, and each format read back.
import Foundation
import Quiver
import QuiverShellSupport
import Testing

/// A graph with three 2-hop paths s → t: via a (cost 2), via b (cost 6) and via c (cost 2).
enum PathFixture {
  static let diamond = """
    CREATE (s:P {name: 's'}), (a:P {name: 'a'}), (b:P {name: 'b'}), (t:P {name: 't'}), (c:Q {name: 'c'}),
      (s)-[:R {w: 1}]->(a), (s)-[:R {w: 5}]->(b), (a)-[:R {w: 1}]->(t), (b)-[:S {w: 1}]->(t),
      (s)-[:R {w: 1}]->(c), (c)-[:R {w: 1}]->(t);
    """

  static func report(
    from: String = "P.name=s", to: String = "P.name=t", k: Int = 1, weight: String? = nil,
    direction: ReportDirection = .directed, draws: Bool = false, script: String = diamond
  ) throws -> PathReport {
    var options = PathOptions(from: try NodeSelector.parse(from, option: "--from"), to: try NodeSelector.parse(to, option: "--to"))
    options.k = k
    options.weightProperty = weight
    options.direction = direction
    options.draws = draws
    return try PathReport.compute(on: ReportFixture.database(script), options: options)
  }
}

@Suite("Path report", .tags(.engine))
struct PathReportTests {
  @Test("by hops: 2 hops, 3 shortest paths, the nodes and relationship types along the first")
  func hops() throws {
    let report = try PathFixture.report()
    #expect(report.nodeCount == 5)
    #expect(report.relationshipCount == 6)
    #expect(report.hops == 2)
    #expect(report.shortestPathCount == 3)
    #expect(report.cost == nil && report.cheapestPathCount == nil)
    #expect(report.from.display == "s" && report.from.id == 0 && report.from.labels == ["P"])
    #expect(report.to.display == "t" && report.to.id == 3)
    let path = try #require(report.paths.first)
    #expect(report.paths.count == 1)
    #expect(path.hops == 2)
    #expect(path.cost == 2)
    #expect(path.stops.first?.display == "s" && path.stops.last?.display == "t")
    #expect(path.stops.map(\.cost) == [0, 1, 2])
    #expect(path.stops.map(\.relationshipType) == [nil, "R", "R"])
  }

  @Test("by weight with --k 3: cost 2 reached by 2 paths; Yen lists costs 2, 2, 6")
  func weighted() throws {
    let report = try PathFixture.report(k: 3, weight: "w")
    #expect(report.hops == 2)
    #expect(report.shortestPathCount == 3)
    #expect(report.cost == 2)
    #expect(report.cheapestPathCount == 2)
    #expect(report.paths.map(\.cost) == [2, 2, 6])
    #expect(report.paths.map(\.rank) == [1, 2, 3])
    #expect(report.paths[2].stops.map(\.display) == ["s", "b", "t"])
    #expect(report.paths[2].stops.map(\.relationshipType) == [nil, "R", "S"])
    #expect(report.paths[2].stops.map(\.cost) == [0, 5, 6])
    #expect(Set(report.paths.prefix(2).map { $0.stops[1].display }) == ["a", "c"])
  }

  @Test("unreachable along the direction; reachable undirected")
  func unreachable() throws {
    let directed = try PathFixture.report(from: "3", to: "0")
    #expect(directed.hops == nil)
    #expect(directed.shortestPathCount == 0)
    #expect(directed.paths.isEmpty)
    #expect(ReportFormat.text.render(directed).contains("No path from node 3 to node 0 (directed).\n"))
    let undirected = try PathFixture.report(from: "3", to: "0", direction: .undirected)
    #expect(undirected.hops == 2)
    #expect(undirected.shortestPathCount == 3)
    let reversed = try PathFixture.report(from: "3", to: "0", direction: .reverse)
    #expect(reversed.hops == 2)
  }

  @Test(
    "selectors: ids, label.property=value with typed values",
    arguments: [
      ("42", NodeSelector.id(42)),
      ("Person.name=Alice", .property(label: "Person", key: "name", value: .string("Alice"))),
      ("name='Ann Lee'", .property(label: nil, key: "name", value: .string("Ann Lee"))),
      ("Station.code=17", .property(label: "Station", key: "code", value: .int(17))),
      ("x=2.5", .property(label: nil, key: "x", value: .float(2.5))),
      ("ok=true", .property(label: nil, key: "ok", value: .bool(true))),
    ])
  func selectors(text: String, expected: NodeSelector) throws {
    #expect(try NodeSelector.parse(text, option: "--from") == expected)
  }

  @Test("selector errors: malformed, not found, not unique, not in the filtered graph")
  func selectorErrors() throws {
    #expect(throws: ReportError("--from takes a node id or label.property=value (e.g. Person.name=Alice), not '=x'")) {
      try NodeSelector.parse("=x", option: "--from")
    }
    #expect(throws: ReportError("--to takes a node id or label.property=value (e.g. Person.name=Alice), not 'Alice'")) {
      try NodeSelector.parse("Alice", option: "--to")
    }
    #expect(throws: ReportError("no node of the graph has P.name = 'zz'")) { try PathFixture.report(to: "P.name=zz") }
    #expect(throws: ReportError("node 99 is not in the graph")) { try PathFixture.report(to: "99") }
    let twice = PathFixture.diamond + "\nCREATE (:P {name: 't'});"
    #expect(throws: ReportError("2 nodes have P.name = 't' (ids 3, 5); name one by id")) {
      try PathFixture.report(script: twice)
    }
    #expect(throws: ReportError("weight property 'w' has negative values; shortest paths need weights of at least 0")) {
      try PathFixture.report(weight: "w", script: PathFixture.diamond + "\nMATCH (a {name: 'a'}) CREATE (a)-[:R {w: -1}]->(a);")
    }
  }

  @Test("text: what was found, then each path as a table")
  func text() throws {
    let text = ReportFormat.text.render(try PathFixture.report(k: 2, weight: "w"))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(
      lines.prefix(6) == [
        "Path report", "Graph: 5 nodes, 6 relationships (directed; weight: w)", "From: node 0 (P) s", "To: node 3 (P) t",
        "Shortest path: 2 hops; 3 shortest paths", "Cheapest path by w: cost 2; 2 cheapest paths",
      ])
    #expect(lines.contains("Path 1: 2 hops, cost 2"))
    #expect(lines.contains("Path 2: 2 hops, cost 2"))
  }

  @Test("CSV and JSON read back")
  func csvAndJSON() throws {
    let report = try PathFixture.report(k: 3, weight: "w")
    let rows = OutputFormatTests.parseCSV(ReportFormat.csv.render(report))
    #expect(rows.first == PathReportRenderer.columns)
    #expect(rows.contains(["graph", "", "", "", "", "", "shortestPaths", "3"]))
    #expect(rows.contains(["graph", "", "", "", "", "", "cheapestPaths", "2"]))
    #expect(rows.contains(["path", "3", "", "", "", "", "cost", "6.0"]))
    #expect(rows.contains(["stop", "3", "1", "2", "P", "b", "cost", "5.0"]))
    #expect(rows.contains(["via", "3", "2", "", "", "", "type", "S"]))
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(report).utf8)) as? [String: Any])
    #expect(root["hops"] as? Int == 2)
    #expect(root["shortestPathCount"] as? Int == 3)
    #expect(root["cheapestPathCount"] as? Int == 2)
    #expect(root["cost"] as? Double == 2)
    let paths = try #require(root["paths"] as? [[String: Any]])
    #expect(paths.map { $0["cost"] as? Double } == [2, 2, 6])
    let nodes = try #require(paths.last?["nodes"] as? [[String: Any]])
    #expect(nodes.map { $0["display"] as? String } == ["s", "b", "t"])
    #expect(nodes.map { $0["via"] as? String } == [nil, "R", "S"])
    let unreachable = try PathFixture.report(from: "3", to: "0")
    let empty = try #require(
      try JSONSerialization.jsonObject(with: Data(ReportFormat.json.render(unreachable).utf8)) as? [String: Any])
    #expect(empty["hops"] is NSNull)
    #expect((empty["paths"] as? [Any])?.isEmpty == true)
  }

  @Test("HTML: the drawing highlights the path's 3 nodes and 2 relationships")
  func html() throws {
    let report = try PathFixture.report(draws: true)
    let drawing = try #require(report.drawing)
    #expect(drawing.nodes.count == 5)
    #expect(drawing.nodes.filter(\.highlighted).map(\.id).count == 3)
    #expect(drawing.edges.filter(\.highlighted).count == 2)
    let html = ReportFormat.html.render(report)
    #expect(html.components(separatedBy: "<circle ").count - 1 == 5)
    #expect(html.components(separatedBy: "<circle class=\"node-path\"").count - 1 == 3)
    #expect(html.components(separatedBy: "<line class=\"edge-path\"").count - 1 == 2)
    #expect(html.contains("<section id=\"path-1\">"))
    #expect(!html.contains("http://") && !html.contains("https://"))
  }
}
