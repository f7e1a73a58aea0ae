// `quiver report centrality`: the report computed on small graphs with known centralities (a
// star, a path), its filters and display property, each format read back (CSV parsed, JSON
// decoded, HTML checked to be self-contained and escaped), and the built binary end to end with
// its error messages.
import Foundation
import Quiver
import QuiverShellSupport
import Testing

/// Graphs with known scores and the report options used on them.
enum ReportFixture {
  /// A centre linked to four leaves; leaves carry `rank` 1…4.
  static let star = """
    CREATE (:Hub {name: 'centre'});
    UNWIND range(1, 4) AS i MATCH (c:Hub) CREATE (c)-[:LINK]->(:Leaf {name: 'leaf' + i, rank: i});
    """

  /// a - b - c - d.
  static let path = """
    CREATE (:P {name: 'a'})-[:NEXT]->(:P {name: 'b'})-[:NEXT]->(:P {name: 'c'})-[:NEXT]->(:P {name: 'd'});
    """

  /// A database holding what `script` creates.
  static func database(_ script: String) throws -> Database {
    let database = try Database()
    for statement in Database.split(script: script).statements { _ = try database.execute(statement.text) }
    return database
  }

  static func options(
    _ algorithms: [CentralityAlgorithm], top: Int = 20, direction: ReportDirection = .undirected
  ) -> ReportOptions {
    var options = ReportOptions()
    options.algorithms = algorithms
    options.top = top
    options.direction = direction
    return options
  }

  /// The report on the undirected star with every measure but HITS (whose scores on a star
  /// depend on where the power iteration starts: its leading eigenvalue is not simple).
  static func starReport(top: Int = 20) throws -> CentralityReport {
    try CentralityReport.compute(
      on: database(star), options: options([.degree, .pagerank, .betweenness, .closeness, .harmonic], top: top))
  }

  /// The directed star: betweenness is 0 everywhere, so its correlations are undefined.
  static func directedStarReport() throws -> CentralityReport {
    try CentralityReport.compute(on: database(star), options: options([.betweenness, .degree], direction: .directed))
  }
}

@Suite("Centrality report", .tags(.engine))
struct ReportTests {
  @Test("star: exact degree, betweenness, closeness and harmonic of the centre and the leaves")
  func starScores() throws {
    let report = try ReportFixture.starReport()
    #expect(report.measures.map(\.algorithm) == [.degree, .pagerank, .betweenness, .closeness, .harmonic])
    let expected: [(CentralityAlgorithm, Double, Double)] = [
      (.degree, 4, 1), (.betweenness, 1, 0), (.closeness, 1, 4.0 / 7), (.harmonic, 4, 2.5),
    ]
    for (algorithm, centre, leaf) in expected {
      let measure = try #require(report.measures.first { $0.algorithm == algorithm })
      #expect(measure.top.count == 5)
      #expect(measure.top[0].display == "centre", "\(algorithm)")
      #expect(measure.top[0].labels == ["Hub"])
      #expect(abs(measure.top[0].score - centre) < 1e-12, "\(algorithm)")
      for node in measure.top.dropFirst() {
        #expect(abs(node.score - leaf) < 1e-12, "\(algorithm)")
        #expect(node.labels == ["Leaf"])
      }
      // Equal scores go by node id: leaf1 … leaf4 in creation order.
      #expect(measure.top.map(\.display) == ["centre", "leaf1", "leaf2", "leaf3", "leaf4"])
      #expect(measure.top.map(\.rank) == [1, 2, 3, 4, 5])
    }
    let pagerank = try #require(report.measures.first { $0.algorithm == .pagerank })
    #expect(pagerank.top[0].display == "centre")
    #expect(abs(pagerank.summary.mean - 0.2) < 1e-9)
  }

  @Test("star: summary statistics of the degree")
  func starSummary() throws {
    let degree = try #require(try ReportFixture.starReport().measures.first)
    #expect(degree.summary.count == 5)
    #expect(degree.summary.min == 1)
    #expect(degree.summary.max == 4)
    #expect(abs(degree.summary.mean - 1.6) < 1e-12)
    #expect(degree.summary.median == 1)
    #expect(abs(degree.summary.standardDeviation - 1.2) < 1e-12)
  }

  @Test("star: graph size, degree distribution and correlation")
  func starGraph() throws {
    let report = try ReportFixture.starReport(top: 2)
    #expect(report.nodeCount == 5)
    #expect(report.relationshipCount == 4)
    #expect(report.degreeDistribution == [.init(degree: 1, nodes: 4), .init(degree: 4, nodes: 1)])
    #expect(report.measures.allSatisfy { $0.top.count == 2 })
    // Every measure ranks the centre above four equal leaves: all correlate perfectly.
    #expect(report.pearson.count == 5)
    for i in 0..<5 {
      for j in 0..<5 {
        #expect(abs((report.pearson[i][j] ?? 0) - 1) < 1e-9)
        #expect(abs((report.spearman[i][j] ?? 0) - 1) < 1e-9)
      }
    }
  }

  @Test("hits gives hub and authority scores for every node")
  func hits() throws {
    let options = ReportFixture.options(try CentralityAlgorithm.parse("HITS"), direction: .directed)
    let report = try CentralityReport.compute(on: ReportFixture.database(ReportFixture.star), options: options)
    #expect(report.measures.map(\.algorithm) == [.hubs, .authorities])
    #expect(report.measures.allSatisfy { $0.summary.count == 5 })
    // Only the centre has out-links and only the leaves in-links.
    #expect(report.measures[0].top[0].display == "centre")
    #expect(report.measures[1].top[4].display == "centre")
    #expect(report.measures[1].top[4].score == 0)
  }

  @Test("path: the two inner nodes have betweenness 2/3, ties in id order")
  func pathBetweenness() throws {
    let report = try CentralityReport.compute(
      on: ReportFixture.database(ReportFixture.path), options: ReportFixture.options([.betweenness, .degree], top: 3))
    let betweenness = report.measures[0].top
    #expect(betweenness.map(\.display) == ["b", "c", "a"])
    #expect(abs(betweenness[0].score - 2.0 / 3) < 1e-12)
    #expect(abs(betweenness[1].score - 2.0 / 3) < 1e-12)
    #expect(betweenness[2].score == 0)
    #expect(report.degreeDistribution == [.init(degree: 1, nodes: 2), .init(degree: 2, nodes: 2)])
    #expect(report.relationshipCount == 3)
  }

  @Test("directed: a star's out-links pass through no node, so betweenness is all zero")
  func directed() throws {
    let report = try ReportFixture.directedStarReport()
    #expect(report.measures[0].top.allSatisfy { $0.score == 0 })
    #expect(report.pearson[0][1] == nil)
    #expect(report.measures[1].top[0].score == 4)
    let reverse = try CentralityReport.compute(
      on: ReportFixture.database(ReportFixture.star), options: ReportFixture.options([.degree], direction: .reverse))
    #expect(reverse.measures[0].top.map(\.score) == [1, 1, 1, 1, 0])
  }

  @Test("label and relationship type filters narrow the graph")
  func filters() throws {
    let database = try ReportFixture.database(
      ReportFixture.star + "\nCREATE (:Other {name: 'x'})-[:LINK]->(:Other {name: 'y'});\n"
        + "MATCH (a:Leaf {rank: 1}), (b:Leaf {rank: 2}) CREATE (a)-[:NEAR]->(b);")
    var options = ReportFixture.options([.degree])
    #expect(try CentralityReport.compute(on: database, options: options).nodeCount == 7)
    options.labels = ["Hub", "Leaf"]
    let labelled = try CentralityReport.compute(on: database, options: options)
    #expect(labelled.nodeCount == 5)
    #expect(labelled.relationshipCount == 5)
    options.relationshipTypes = ["LINK"]
    let typed = try CentralityReport.compute(on: database, options: options)
    #expect(typed.relationshipCount == 4)
    #expect(typed.degreeDistribution == [.init(degree: 1, nodes: 4), .init(degree: 4, nodes: 1)])
  }

  @Test("display: the chosen property, else name, else the first key")
  func display() throws {
    var options = ReportFixture.options([.degree])
    options.displayProperty = "rank"
    let report = try CentralityReport.compute(on: ReportFixture.database(ReportFixture.star), options: options)
    #expect(report.measures[0].top.map(\.display) == ["", "1", "2", "3", "4"])
    #expect(CentralityReport.display(Node(id: 1, properties: ["zeta": 1, "alpha": "a"]), property: nil) == "a")
    #expect(CentralityReport.display(Node(id: 1, properties: ["zeta": 1, "name": "n"]), property: nil) == "n")
    #expect(CentralityReport.display(Node(id: 1, properties: ["tags": ["x"]]), property: nil) == "['x']")
    #expect(CentralityReport.display(Node(id: 1), property: nil) == "")
  }

  @Test("text: tables, statistics line, correlation and degree bars")
  func text() throws {
    let text = ReportTextRenderer.render(try ReportFixture.starReport(top: 2))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "Centrality report")
    #expect(lines[1] == "Graph: 5 nodes, 4 relationships (undirected)")
    #expect(lines.contains("Degree: top 2 of 5"))
    #expect(lines.contains("| rank | node | labels | display | score |"))
    #expect(lines.contains("|    1 |    0 | Hub    | centre  |     4 |"))
    #expect(lines.contains("count 5 · min 1 · max 4 · mean 1.6 · median 1 · std dev 1.2"))
    #expect(lines.contains("Closeness: top 2 of 5"))
    #expect(lines.contains("|    2 |    1 | Leaf   | leaf1   | 0.571429 |"))
    #expect(lines.contains("Correlation (Pearson)"))
    #expect(lines.contains("Correlation (Spearman)"))
    #expect(lines.contains("|      1 |     4 | " + String(repeating: "█", count: 40) + " |"))
    #expect(lines.contains("|      4 |     1 | " + String(repeating: "█", count: 10) + String(repeating: " ", count: 30) + " |"))
    let undefined = ReportTextRenderer.render(try ReportFixture.directedStarReport())
    #expect(undefined.contains("\n| betweenness |         n/a |    n/a |\n"))
    #expect(undefined.contains("\n| degree      |         n/a |   1.00 |\n"))
  }

  @Test("CSV: one header, every section, values read back")
  func csv() throws {
    let database = try ReportFixture.database(ReportFixture.star.replacingOccurrences(of: "'centre'", with: #"'centre, "the hub"'"#))
    let report = try CentralityReport.compute(on: database, options: ReportFixture.options([.degree, .betweenness], top: 2))
    let rows = OutputFormatTests.parseCSV(ReportCSVRenderer.render(report))
    #expect(rows[0] == ["section", "measure", "rank", "node", "labels", "display", "key", "value"])
    #expect(rows.allSatisfy { $0.count == 8 })
    #expect(rows[1...3].map { [$0[0], $0[6], $0[7]] } == [
      ["graph", "nodes", "5"], ["graph", "relationships", "4"], ["graph", "direction", "undirected"],
    ])
    let top = rows.filter { $0[0] == "top" && $0[1] == "degree" }
    #expect(top == [
      ["top", "degree", "1", "0", "Hub", #"centre, "the hub""#, "score", "4.0"],
      ["top", "degree", "2", "1", "Leaf", "leaf1", "score", "1.0"],
    ])
    let summary = rows.filter { $0[0] == "summary" && $0[1] == "betweenness" }
    #expect(summary.map(\.[6]) == ["count", "min", "max", "mean", "median", "stdDev"])
    #expect(summary.map { Double($0[7]) } == [5, 0, 1, 0.2, 0, 0.4])
    let pearson = rows.filter { $0[0] == "pearson" }
    #expect(pearson.map { [$0[1], $0[6]] } == [
      ["degree", "degree"], ["degree", "betweenness"], ["betweenness", "degree"], ["betweenness", "betweenness"],
    ])
    #expect(pearson.allSatisfy { abs((Double($0[7]) ?? 0) - 1) < 1e-9 })
    #expect(rows.filter { $0[0] == "spearman" }.count == 4)
    #expect(rows.filter { $0[0] == "degree" }.map { [$0[6], $0[7]] } == [["1", "4"], ["4", "1"]])
  }

  @Test("JSON: one object with graph, algorithms, correlation and degree distribution")
  func json() throws {
    let report = try ReportFixture.starReport(top: 2)
    let data = Data(ReportJSONRenderer.render(report).utf8)
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(root.keys) == ["graph", "algorithms", "correlation", "degreeDistribution"])
    let graph = try #require(root["graph"] as? [String: Any])
    #expect(graph["nodes"] as? Int == 5)
    #expect(graph["relationships"] as? Int == 4)
    #expect(graph["direction"] as? String == "undirected")
    #expect(graph["labels"] is NSNull)
    let algorithms = try #require(root["algorithms"] as? [String: Any])
    #expect(Set(algorithms.keys) == ["degree", "pagerank", "betweenness", "closeness", "harmonic"])
    let betweenness = try #require(algorithms["betweenness"] as? [String: Any])
    let top = try #require(betweenness["top"] as? [[String: Any]])
    #expect(top.count == 2)
    #expect(top[0]["rank"] as? Int == 1)
    #expect(top[0]["node"] as? Int == 0)
    #expect(top[0]["labels"] as? [String] == ["Hub"])
    #expect(top[0]["display"] as? String == "centre")
    #expect(top[0]["score"] as? Double == 1)
    #expect(top[1]["score"] as? Double == 0)
    let summary = try #require(betweenness["summary"] as? [String: Double])
    #expect(summary == ["count": 5, "min": 0, "max": 1, "mean": 0.2, "median": 0, "stdDev": 0.4])
    let correlation = try #require(root["correlation"] as? [String: Any])
    let measures = try #require(correlation["measures"] as? [String])
    #expect(measures == ["degree", "pagerank", "betweenness", "closeness", "harmonic"])
    let pearson = try #require(correlation["pearson"] as? [[Double]])
    #expect(pearson.count == 5)
    #expect(pearson.allSatisfy { $0.count == 5 && $0.allSatisfy { abs($0 - 1) < 1e-9 } })
    let distribution = try #require(root["degreeDistribution"] as? [[String: Int]])
    #expect(distribution == [["degree": 1, "nodes": 4], ["degree": 4, "nodes": 1]])
    let directed = Data(ReportJSONRenderer.render(try ReportFixture.directedStarReport()).utf8)
    let undefined = try #require(try JSONSerialization.jsonObject(with: directed) as? [String: Any])
    let matrix = try #require((undefined["correlation"] as? [String: Any])?["spearman"] as? [[Any]])
    #expect(matrix[0][1] is NSNull)
    #expect(matrix[1][1] as? Double == 1)
  }

  @Test("HTML: one self-contained page, charts inline, user data escaped")
  func html() throws {
    let script = ReportFixture.star.replacingOccurrences(of: "'centre'", with: #"'<script>alert("x")</script> & co'"#)
    let report = try CentralityReport.compute(
      on: ReportFixture.database(script), options: ReportFixture.options([.degree, .pagerank, .betweenness]))
    let html = ReportHTMLRenderer.render(report)
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.hasSuffix("</html>\n"))
    // A bar chart per measure, two heat maps, a histogram and a log-log plot.
    #expect(html.components(separatedBy: "<svg").count - 1 == 3 + 2 + 2)
    #expect(html.contains("<style>"))
    for external in ["http://", "https://", "src=", "<link", "@import", "<script", "url(http", "//fonts"] {
      #expect(!html.contains(external), "\(external)")
    }
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co"))
    #expect(html.contains("<h2>Betweenness</h2>"))
    #expect(html.contains("Pearson correlation"))
    #expect(html.contains("<h2>Degree distribution</h2>"))
    #expect(html.contains("<dt>std dev</dt><dd>1.2</dd>"))
    #expect(MarkupText.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
  }

  @Test("an empty graph still renders in every format")
  func empty() throws {
    let report = try CentralityReport.compute(on: Database(), options: ReportFixture.options([.pagerank, .closeness]))
    #expect(report.nodeCount == 0)
    #expect(report.measures.allSatisfy { $0.top.isEmpty && $0.summary.count == 0 })
    #expect(report.degreeDistribution.isEmpty)
    for format in ReportFormat.allCases { #expect(!format.render(report).isEmpty) }
    let data = Data(ReportJSONRenderer.render(report).utf8)
    #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
  }
}
