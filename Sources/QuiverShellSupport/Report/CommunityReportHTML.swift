// The HTML form of a community report: one self-contained page (inline CSS and SVG, no script)
// with the graph drawn and coloured by community, a bar chart of the community sizes, a table
// of the communities with their top nodes, and the pairs of communities joined by most
// relationships. All data is escaped.
import Quiver

/// Renders a community report as a standalone HTML page.
package enum CommunityReportHTML {
  /// The page.
  package static func render(_ report: CommunityReport) -> String {
    typealias R = CommunityReportRenderer
    var body = "<header>\n<h1>Community report</h1>\n<p class=\"meta\">\(e(R.graphLine(report)))</p>\n"
    body += "<p class=\"meta\">\(e(R.summaryLine(report))). Top nodes by degree (relationships in either direction).</p>\n"
    var links = ["<a href=\"#sizes\">Sizes</a>", "<a href=\"#communities\">Communities</a>", "<a href=\"#links\">Between communities</a>"]
    if report.drawing != nil { links.insert("<a href=\"#graph\">Graph</a>", at: 0) }
    body += "<nav>" + links.joined(separator: " ") + "</nav>\n</header>\n"
    if let drawing = report.drawing { body += drawing.htmlSection(names: { name(report, rank: $0 + 1) }) }
    body += sizes(report) + communities(report) + between(report)
    return ReportHTMLRenderer.page(title: "Community report", body: body, command: "quiver report communities")
  }

  /// `community 1 (centre)`: the rank and its top node's name.
  static func name(_ report: CommunityReport, rank: Int) -> String {
    let community = report.communities.first { $0.rank == rank }
    return "community \(rank)" + (community?.top.first.map { " (\(CommunityReportRenderer.name($0)))" } ?? "")
  }

  private static func sizes(_ report: CommunityReport) -> String {
    var out = "<section id=\"sizes\">\n<h2>Community sizes</h2>\n"
    guard !report.communities.isEmpty else { return out + "<p>No nodes.</p>\n</section>\n" }
    out += "<p class=\"meta\">The largest \(report.communities.count) of \(report.communityCount).</p>\n"
    let bars = report.communities.map { SVGChart.Bar(label: name(report, rank: $0.rank), value: Double($0.size)) }
    out += "<figure>\n" + SVGChart.horizontalBars(bars, axisTitle: "nodes")
    return out + "<figcaption>Nodes per community.</figcaption>\n</figure>\n</section>\n"
  }

  private static func communities(_ report: CommunityReport) -> String {
    var out = "<section id=\"communities\">\n<h2>Communities</h2>\n"
    guard !report.communities.isEmpty else { return out + "<p>No nodes.</p>\n</section>\n" }
    out += "<table>\n<thead><tr><th class=\"num\">community</th><th class=\"num\">nodes</th>"
      + "<th class=\"num\">inside</th><th>top nodes (degree)</th></tr></thead>\n<tbody>\n"
    for community in report.communities {
      let top = community.top.map { "\(CommunityReportRenderer.name($0)) (\(Int($0.score)))" }.joined(separator: ", ")
      out += "<tr><td class=\"num\"><span class=\"swatch\" style=\"background:\(GraphDrawing.color(community.rank - 1))\"></span>"
        + "\(community.rank)</td><td class=\"num\">\(community.size)</td>"
        + "<td class=\"num\">\(community.internalRelationships)</td><td>\(e(top))</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</section>\n"
  }

  private static func between(_ report: CommunityReport) -> String {
    var out = "<section id=\"links\">\n<h2>Between communities</h2>\n"
    out += "<p class=\"meta\">\(ReportDescription.count(report.relationshipsBetween, "relationship")) join different communities.</p>\n"
    guard !report.links.isEmpty else { return out + "</section>\n" }
    out += "<table>\n<thead><tr><th class=\"num\">community</th><th class=\"num\">community</th>"
      + "<th class=\"num\">relationships</th></tr></thead>\n<tbody>\n"
    for link in report.links {
      out += "<tr><td class=\"num\">\(link.from)</td><td class=\"num\">\(link.to)</td><td class=\"num\">\(link.relationships)</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</section>\n"
  }

  private static func e(_ text: String) -> String { MarkupText.escape(text) }
}
