// `quiver report communities` computed on two 4-cliques joined by one relationship (whose
// modularity and communities are known), its filters and limits, and each format read back
// (CSV parsed, JSON decoded, HTML with one circle per node of the drawing).
import Foundation
import Quiver
import QuiverShellSupport
import Testing

/// Graphs with known communities.
enum CommunityFixture {
  /// Cliques a1…a4 and b1…b4 (LINK, 6 relationships each) and one BRIDGE a1 → b1.
  static let cliques = """
    UNWIND ['a1', 'a2', 'a3', 'a4'] AS n CREATE (:A {name: n});
    UNWIND ['b1', 'b2', 'b3', 'b4'] AS n CREATE (:B {name: n});
    MATCH (x:A), (y:A) WHERE x.name < y.name CREATE (x)-[:LINK]->(y);
    MATCH (x:B), (y:B) WHERE x.name < y.name CREATE (x)-[:LINK]->(y);
    MATCH (x:A {name: 'a1'}), (y:B {name: 'b1'}) CREATE (x)-[:BRIDGE]->(y);
    """

  static func report(
    _ algorithm: CommunityAlgorithm = .louvain, types: [String] = [], communities: Int = 20, draws: Bool = false
  ) throws -> CommunityReport {
    var options = CommunityOptions()
    options.algorithm = algorithm
    options.relationshipTypes = types
    options.communities = communities
    options.draws = draws
    return try CommunityReport.compute(on: ReportFixture.database(cliques), options: options)
  }
}

@Suite("Community report", .tags(.engine))
struct CommunityReportTests {
  @Test("Louvain and Leiden: the two cliques, modularity 11/26, a1 first by degree", arguments: [CommunityAlgorithm.louvain, .leiden])
  func cliques(algorithm: CommunityAlgorithm) throws {
    let report = try CommunityFixture.report(algorithm)
    #expect(report.nodeCount == 8)
    #expect(report.relationshipCount == 13)
    #expect(report.communityCount == 2)
    #expect(report.sizes == [4, 4])
    // Σ_c [6/13 − (13/26)²] over the two cliques.
    #expect(abs(report.modularity - 11.0 / 26) < 1e-9)
    let first = try #require(report.communities.first)
    #expect(first.rank == 1)
    #expect(first.internalRelationships == 6)
    #expect(first.top.map(\.display) == ["a1", "a2", "a3", "a4"])
    #expect(first.top.map(\.score) == [4, 3, 3, 3])
    #expect(first.top.map(\.id) == [0, 1, 2, 3])
    #expect(first.top[0].labels == ["A"])
    #expect(report.communities[1].top.map(\.display) == ["b1", "b2", "b3", "b4"])
    #expect(report.links == [CommunityReport.Link(from: 1, to: 2, relationships: 1)])
    #expect(report.relationshipsBetween == 1)
    #expect(report.drawing == nil)
  }

  @Test("label propagation on the cliques without the bridge: modularity 1/2 computed from the partition")
  func labelPropagation() throws {
    let report = try CommunityFixture.report(.labelPropagation, types: ["LINK"])
    #expect(report.relationshipCount == 12)
    #expect(report.sizes == [4, 4])
    // 2 × (6/12 − (12/24)²).
    #expect(abs(report.modularity - 0.5) < 1e-12)
    #expect(report.links.isEmpty)
    #expect(report.relationshipsBetween == 0)
  }

  @Test("--communities limits the communities and pairs listed, not the counts")
  func limit() throws {
    let report = try CommunityFixture.report(communities: 1)
    #expect(report.communities.count == 1)
    #expect(report.communityCount == 2)
    #expect(report.links.count == 1)
  }

  @Test("text: graph line, modularity, the communities table and the pairs")
  func text() throws {
    let text = ReportFormat.text.render(try CommunityFixture.report())
    let lines = text.split(separator: "\n").map(String.init)
    #expect(
      lines.prefix(4) == [
        "Community report", "Graph: 8 nodes, 13 relationships (undirected)",
        "Louvain (seed 42): 2 communities, modularity 0.423077", "Top nodes by degree (relationships in either direction).",
      ])
    #expect(lines.contains("|         1 |     4 |      6 | a1 (4), a2 (3), a3 (3), a4 (3) |"))
    #expect(lines.contains("Community 2: 4 nodes, 6 relationships inside"))
    #expect(lines.contains("Between communities: 1 relationship; the most joined pairs (1 listed)"))
    #expect(lines.dropLast().last == "|         1 |         2 |             1 |")
  }

  @Test("CSV: graph, community, top and link rows read back")
  func csv() throws {
    let rows = OutputFormatTests.parseCSV(ReportFormat.csv.render(try CommunityFixture.report()))
    #expect(rows.first == CommunityReportRenderer.columns)
    #expect(rows.contains(["graph", "", "", "", "", "", "communities", "2"]))
    #expect(rows.contains(["graph", "", "", "", "", "", "algorithm", "louvain"]))
    #expect(rows.contains(["community", "1", "", "", "", "", "size", "4"]))
    #expect(rows.contains(["top", "1", "1", "0", "A", "a1", "degree", "4"]))
    #expect(rows.contains(["link", "1", "", "", "", "", "2", "1"]))
    let modularity = try #require(rows.first { $0.first == "graph" && $0[6] == "modularity" })
    #expect(abs((Double(modularity[7]) ?? 0) - 11.0 / 26) < 1e-12)
  }

  @Test("JSON: one object with the communities, their top nodes and the links")
  func json() throws {
    let text = ReportFormat.json.render(try CommunityFixture.report(.leiden))
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(root["algorithm"] as? String == "leiden")
    #expect(root["communityCount"] as? Int == 2)
    #expect(root["relationshipsBetween"] as? Int == 1)
    #expect(abs((root["modularity"] as? Double ?? 0) - 11.0 / 26) < 1e-12)
    let communities = try #require(root["communities"] as? [[String: Any]])
    #expect(communities.map { $0["size"] as? Int } == [4, 4])
    let top = try #require(communities.first?["top"] as? [[String: Any]])
    #expect(top.first?["display"] as? String == "a1")
    #expect(top.first?["degree"] as? Int == 4)
    let links = try #require(root["links"] as? [[String: Any]])
    #expect(links.count == 1)
    #expect(links.first?["from"] as? Int == 1 && links.first?["to"] as? Int == 2 && links.first?["relationships"] as? Int == 1)
  }

  @Test("HTML: the drawing has one circle per node, coloured by community; sizes chart; self-contained")
  func html() throws {
    let report = try CommunityFixture.report(draws: true)
    let drawing = try #require(report.drawing)
    #expect(drawing.nodes.count == 8)
    #expect(drawing.edges.count == 13)
    #expect(!drawing.sampled)
    #expect(Set(drawing.nodes.filter { $0.id < 4 }.map(\.group)) == [0])
    #expect(Set(drawing.nodes.filter { $0.id >= 4 }.map(\.group)) == [1])
    let html = ReportFormat.html.render(report)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.components(separatedBy: "<circle class=\"node\"").count - 1 == 8)
    #expect(html.components(separatedBy: "<line class=\"edge\"").count - 1 == 13)
    #expect(html.contains("fill=\"\(GraphDrawing.palette[0])\""))
    #expect(html.contains("<svg class=\"chart\""))
    #expect(html.contains("All 8 nodes and 13 relationships; node size by degree."))
    #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
  }
}
