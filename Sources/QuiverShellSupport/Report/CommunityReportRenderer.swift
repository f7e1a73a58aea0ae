// The text, CSV and JSON forms of a community report (CommunityReportHTML.swift writes the
// page). Text: the graph line, the algorithm and modularity, a table of the communities, each
// community's top nodes, and the pairs of communities joined by most relationships. CSV: one
// document `section,community,rank,node,labels,display,key,value` where `section` is
//
//   graph      key nodes | relationships | algorithm | seed | modularity | communities | relationshipsBetween
//   community  community (rank), key size | internalRelationships, value
//   top        community, rank, node id, labels (';'), display, key `degree`, value
//   link       community, key the other community, value the relationships between them
//
// JSON: {"graph": {...}, "algorithm", "seed", "modularity", "communityCount", "relationshipsBetween",
//        "communities": [{"community", "size", "internalRelationships", "top": [{"rank", "node",
//        "labels", "display", "degree"}]}], "links": [{"from", "to", "relationships"}]}
import Quiver

/// Renders a community report as text, CSV or JSON.
package enum CommunityReportRenderer {
  /// The CSV header's columns.
  package static let columns = ["section", "community", "rank", "node", "labels", "display", "key", "value"]

  /// The graph line of the report.
  static func graphLine(_ report: CommunityReport) -> String {
    ReportDescription.graphLine(
      nodes: report.nodeCount, relationships: report.relationshipCount, direction: "undirected",
      labels: report.options.labels, types: report.options.relationshipTypes, weight: report.options.weightProperty)
  }

  /// `Louvain (seed 42): 3 communities, modularity 0.412`.
  static func summaryLine(_ report: CommunityReport) -> String {
    "\(report.options.algorithm.title) (seed \(report.options.seed)): "
      + "\(report.communityCount) \(report.communityCount == 1 ? "community" : "communities"), "
      + "modularity \(ReportNumber.short(report.modularity))"
  }

  /// The report as aligned text tables.
  package static func text(_ report: CommunityReport, style: TableFormatter.Style = .ascii) -> String {
    let table = TableFormatter(style: style)
    var out = "Community report\n" + graphLine(report) + "\n" + summaryLine(report) + "\n"
    out += "Top nodes by degree (relationships in either direction).\n"
    out += "\nCommunities: largest \(report.communities.count) of \(report.communityCount)\n"
    let header = ["community", "nodes", "inside", "top nodes (degree)"]
    let rows = report.communities.map { community in
      [
        String(community.rank), String(community.size), String(community.internalRelationships),
        community.top.map { "\(name($0)) (\(Int($0.score)))" }.joined(separator: ", "),
      ]
    }
    out += table.format(columns: header, cells: ReportTextRenderer.rightAligned(rows, header: header, columns: [0, 1, 2]))
    for community in report.communities {
      out += "\nCommunity \(community.rank): \(ReportDescription.count(community.size, "node")), "
        + "\(ReportDescription.count(community.internalRelationships, "relationship")) inside\n"
      let header = ["rank", "node", "labels", ReportDescription.displayHeading(report.options.displayProperty), "degree"]
      let cells = community.top.map { node in
        [String(node.rank), String(node.id), node.labels.joined(separator: ", "), node.display, String(Int(node.score))]
      }
      out += table.format(columns: header, cells: ReportTextRenderer.rightAligned(cells, header: header, columns: [0, 1, 4]))
    }
    out += "\nBetween communities: \(ReportDescription.count(report.relationshipsBetween, "relationship"))"
    guard !report.links.isEmpty else { return out + "\n" }
    out += "; the most joined pairs (\(report.links.count) listed)\n"
    let linkHeader = ["community", "community", "relationships"]
    let links = report.links.map { [String($0.from), String($0.to), String($0.relationships)] }
    return out + table.format(columns: linkHeader, cells: ReportTextRenderer.rightAligned(links, header: linkHeader, columns: [0, 1, 2]))
  }

  /// The report as one CSV document, every line ending in `\n`.
  package static func csv(_ report: CommunityReport) -> String {
    let number = ReportCSVRenderer.number
    func row(_ section: String, community: String = "", key: String, value: String) -> [String] {
      [section, community, "", "", "", "", key, value]
    }
    var rows = [
      row("graph", key: "nodes", value: String(report.nodeCount)),
      row("graph", key: "relationships", value: String(report.relationshipCount)),
      row("graph", key: "algorithm", value: report.options.algorithm.rawValue),
      row("graph", key: "seed", value: String(report.options.seed)),
      row("graph", key: "modularity", value: number(report.modularity)),
      row("graph", key: "communities", value: String(report.communityCount)),
      row("graph", key: "relationshipsBetween", value: String(report.relationshipsBetween)),
    ]
    for community in report.communities {
      let rank = String(community.rank)
      rows.append(row("community", community: rank, key: "size", value: String(community.size)))
      rows.append(row("community", community: rank, key: "internalRelationships", value: String(community.internalRelationships)))
      for node in community.top {
        rows.append([
          "top", rank, String(node.rank), String(node.id), node.labels.joined(separator: ";"), node.display, "degree",
          String(Int(node.score)),
        ])
      }
    }
    for link in report.links {
      rows.append(row("link", community: String(link.from), key: String(link.to), value: String(link.relationships)))
    }
    return ReportCSVRenderer.document([columns] + rows)
  }

  /// The report as indented JSON ending in `\n`.
  package static func json(_ report: CommunityReport) -> String {
    typealias J = ReportJSONRenderer
    let options = report.options
    let graph = J.object([
      ("nodes", String(report.nodeCount)), ("relationships", String(report.relationshipCount)),
      ("labels", options.labels.isEmpty ? "null" : J.strings(options.labels)),
      ("relationshipTypes", options.relationshipTypes.isEmpty ? "null" : J.strings(options.relationshipTypes)),
      ("weightProperty", options.weightProperty.map(J.string) ?? "null"),
    ])
    let communities = report.communities.map { community in
      let top = community.top.map { node in
        J.object([
          ("rank", String(node.rank)), ("node", String(node.id)), ("labels", J.strings(node.labels)),
          ("display", J.string(node.display)), ("degree", String(Int(node.score))),
        ])
      }
      return "    " + J.object([
        ("community", String(community.rank)), ("size", String(community.size)),
        ("internalRelationships", String(community.internalRelationships)), ("top", "[" + top.joined(separator: ",") + "]"),
      ])
    }
    let links = report.links.map {
      "    " + J.object([("from", String($0.from)), ("to", String($0.to)), ("relationships", String($0.relationships))])
    }
    func list(_ items: [String]) -> String { items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n  ]" }
    return "{\n  \"graph\": \(graph),\n  \"algorithm\": \(J.string(options.algorithm.rawValue)),\n"
      + "  \"seed\": \(options.seed),\n  \"modularity\": \(J.number(report.modularity)),\n"
      + "  \"communityCount\": \(report.communityCount),\n  \"relationshipsBetween\": \(report.relationshipsBetween),\n"
      + "  \"communities\": \(list(communities)),\n  \"links\": \(list(links))\n}\n"
  }

  /// A node's name in a list: its display text, else `node <id>`.
  static func name(_ node: CentralityReport.RankedNode) -> String {
    node.display.isEmpty ? "node \(node.id)" : node.display
  }
}
