// The HTML form of a path report: one self-contained page (inline CSS and SVG, no script) with
// what was found (hops, number of shortest paths, cost), the graph drawn with the first path
// highlighted, and each path as a chain of nodes and a table. All data is escaped.
import Quiver

/// Renders a path report as a standalone HTML page.
package enum PathReportHTML {
  /// The page.
  package static func render(_ report: PathReport) -> String {
    typealias R = PathReportRenderer
    var body = "<header>\n<h1>Path report</h1>\n<p class=\"meta\">\(e(R.graphLine(report)))</p>\n"
    for line in R.findings(report) { body += "<p>\(e(line))</p>\n" }
    body += "</header>\n"
    if let drawing = report.drawing { body += drawing.htmlSection() }
    for path in report.paths { body += section(path, report) }
    return ReportHTMLRenderer.page(title: "Path report", body: body, command: "quiver report paths")
  }

  private static func section(_ path: PathReport.Path, _ report: PathReport) -> String {
    var out = "<section id=\"path-\(path.rank)\">\n<h2>\(e(PathReportRenderer.heading(path, report)))</h2>\n"
    let chain = path.stops.map { stop in
      (stop.relationshipType.map { "–[\(e($0))]→ " } ?? "") + "<b>\(e(stop.display.isEmpty ? "node \(stop.id)" : stop.display))</b>"
    }
    out += "<p class=\"chain\">" + chain.joined(separator: " ") + "</p>\n"
    out += "<table>\n<thead><tr><th class=\"num\">step</th><th class=\"num\">node</th><th>labels</th>"
      + "<th>\(e(ReportDescription.displayHeading(report.options.displayProperty)))</th><th>via</th>"
      + "<th class=\"num\">cost</th></tr></thead>\n<tbody>\n"
    for (step, stop) in path.stops.enumerated() {
      out += "<tr><td class=\"num\">\(step)</td><td class=\"num\">\(stop.id)</td><td>\(e(stop.labels.joined(separator: ", ")))</td>"
        + "<td>\(e(stop.display))</td><td>\(e(stop.relationshipType ?? ""))</td>"
        + "<td class=\"num\">\(ReportNumber.short(stop.cost))</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</section>\n"
  }

  private static func e(_ text: String) -> String { MarkupText.escape(text) }
}
