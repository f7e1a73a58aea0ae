// The HTML form of a centrality report: one self-contained page (inline CSS and inline SVG, no
// script, font or other resource from anywhere) with the graph drawn (when computed), per
// measure a bar chart and a table of its top nodes and its summary statistics; heat maps of the
// Pearson and Spearman correlation; and the degree distribution as a histogram, a log-log plot
// and a table. All data is escaped. `page` is the page shell all three reports share.
import Quiver

/// Renders a centrality report as a standalone HTML page.
package enum ReportHTMLRenderer {
  /// Degrees up to this many get a bar each in the histogram; beyond, degrees are binned.
  static let maximumBars = 40

  /// The page.
  package static func render(_ report: CentralityReport) -> String {
    var body = "<header>\n<h1>Centrality report</h1>\n<p class=\"meta\">\(e(ReportDescription.graphLine(report)))</p>\n"
    if let sampling = report.sampling { body += "<p class=\"meta\">\(e(sampling.sentence))</p>\n" }
    let links = report.measures.map { "<a href=\"#measure-\($0.algorithm.rawValue)\">\(e($0.algorithm.title))</a>" }
      + ["<a href=\"#correlation\">Correlation</a>", "<a href=\"#degrees\">Degree distribution</a>"]
      + (report.drawing == nil ? [] : ["<a href=\"#graph\">Graph</a>"])
    body += "<nav>" + links.joined(separator: " ") + "</nav>\n</header>\n"
    if let drawing = report.drawing { body += drawing.htmlSection(names: { "community \($0 + 1)" }) }
    for measure in report.measures { body += section(measure, report: report) }
    body += correlation(report) + degrees(report)
    return page(title: "Centrality report", body: body, command: "quiver report centrality")
  }

  /// A whole self-contained page titled `title` around `body`, with the reports' style sheet
  /// and a footer naming `command`.
  static func page(title: String, body: String, command: String) -> String {
    """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e(title))</title>
      <style>
      \(style)\(GraphDrawing.style)</style>
      </head>
      <body>
      <main>
      \(body)<footer>Written by <code>\(e(command))</code>.</footer>
      </main>
      </body>
      </html>

      """
  }

  private static func section(_ measure: CentralityReport.Measure, report: CentralityReport) -> String {
    let name = measure.algorithm.rawValue
    var out = "<section id=\"measure-\(name)\">\n<h2>\(e(measure.algorithm.title))</h2>\n"
    out += "<p class=\"meta\">Top \(measure.top.count) of \(ReportDescription.count(measure.summary.count, "node")) by \(e(name)) score.</p>\n"
    guard !measure.top.isEmpty else { return out + "<p>No nodes.</p>\n</section>\n" }
    let bars = measure.top.map { SVGChart.Bar(label: label($0), value: $0.score) }
    out += "<figure>\n" + SVGChart.horizontalBars(bars, axisTitle: measure.algorithm.title + " score")
    out += "<figcaption>\(e(measure.algorithm.title)) of the top \(measure.top.count) nodes.</figcaption>\n</figure>\n"
    out += "<dl class=\"stats\">"
    for (key, shown) in measure.summary.entries(ReportNumber.short) {
      out += "<div><dt>\(e(ReportDescription.statisticTitle(key)))</dt><dd>\(shown)</dd></div>"
    }
    out += "</dl>\n<table>\n<thead><tr><th class=\"num\">rank</th><th class=\"num\">node</th><th>labels</th>"
    out += "<th>\(e(ReportDescription.displayHeading(report)))</th><th class=\"num\">score</th></tr></thead>\n<tbody>\n"
    for node in measure.top {
      out += "<tr><td class=\"num\">\(node.rank)</td><td class=\"num\">\(node.id)</td>"
        + "<td>\(e(node.labels.joined(separator: ", ")))</td><td>\(e(node.display))</td>"
        + "<td class=\"num\">\(ReportNumber.short(node.score))</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</section>\n"
  }

  private static func correlation(_ report: CentralityReport) -> String {
    var out = "<section id=\"correlation\">\n<h2>Correlation between measures</h2>\n"
    let names = report.measures.map(\.algorithm.rawValue)
    guard !names.isEmpty else { return out + "<p>No measures.</p>\n</section>\n" }
    out += "<p class=\"meta\">Over all \(ReportDescription.count(report.nodeCount, "node")); "
      + "Pearson compares scores, Spearman their ranks. n/a where a measure is constant.</p>\n<div class=\"row\">\n"
    for (title, matrix) in [("Pearson", report.pearson), ("Spearman", report.spearman)] {
      out += "<figure>\n" + SVGChart.heatMap(names: names, matrix: matrix, title: "\(title) correlation", id: title.lowercased())
      out += "<figcaption>\(title) correlation</figcaption>\n</figure>\n"
    }
    return out + "</div>\n</section>\n"
  }

  private static func degrees(_ report: CentralityReport) -> String {
    var out = "<section id=\"degrees\">\n<h2>Degree distribution</h2>\n"
    out += "<p class=\"meta\">Relationships per node, counted in either direction.</p>\n"
    guard !report.degreeDistribution.isEmpty else { return out + "<p>No nodes.</p>\n</section>\n" }
    out += "<figure>\n" + SVGChart.columns(histogram(report.degreeDistribution), xTitle: "degree", yTitle: "nodes")
    out += "<figcaption>Histogram of node degrees.</figcaption>\n</figure>\n"
    let points = report.degreeDistribution.filter { $0.degree > 0 }.map { (x: Double($0.degree), y: Double($0.nodes)) }
    if points.count > 1 {
      out += "<figure>\n" + SVGChart.logLog(points, xTitle: "degree (log)", yTitle: "nodes (log)")
      out += "<figcaption>The same on log-log axes (nodes of degree 0 left out).</figcaption>\n</figure>\n"
    }
    out += "<details>\n<summary>Table</summary>\n<table>\n"
      + "<thead><tr><th class=\"num\">degree</th><th class=\"num\">nodes</th></tr></thead>\n<tbody>\n"
    for entry in report.degreeDistribution {
      out += "<tr><td class=\"num\">\(entry.degree)</td><td class=\"num\">\(entry.nodes)</td></tr>\n"
    }
    return out + "</tbody>\n</table>\n</details>\n</section>\n"
  }

  /// One bar per degree from 0 to the largest when there are few, else equal-width bins
  /// labelled `from–to`.
  package static func histogram(_ distribution: [CentralityReport.DegreeCount]) -> [SVGChart.Bar] {
    let largest = distribution.map(\.degree).max() ?? 0
    if largest < maximumBars {
      var counts = [Int](repeating: 0, count: largest + 1)
      for entry in distribution where entry.degree >= 0 { counts[entry.degree] += entry.nodes }
      return counts.enumerated().map { SVGChart.Bar(label: String($0.offset), value: Double($0.element)) }
    }
    let width = (largest + maximumBars) / maximumBars
    var counts = [Int](repeating: 0, count: largest / width + 1)
    for entry in distribution where entry.degree >= 0 { counts[entry.degree / width] += entry.nodes }
    return counts.enumerated().map { bin, count in
      SVGChart.Bar(label: "\(bin * width)–\(bin * width + width - 1)", value: Double(count))
    }
  }

  /// A bar's label: the display text, else the node id.
  private static func label(_ node: CentralityReport.RankedNode) -> String {
    node.display.isEmpty ? "node \(node.id)" : node.display
  }

  static func e(_ text: String) -> String { MarkupText.escape(text) }

  private static let style = """
    :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #3b6fb6; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #f6f8fa; color: var(--ink);
      font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
    main { max-width: 880px; margin: 0 auto; padding: 24px; }
    header, section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 24px; margin-bottom: 20px; }
    h1 { margin: 0 0 4px; font-size: 26px; }
    h2 { margin: 0 0 4px; font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 6px; }
    .meta { color: var(--muted); margin: 4px 0 12px; }
    nav a { color: var(--accent); margin-right: 14px; text-decoration: none; }
    figure { margin: 8px 0 16px; }
    figcaption { color: var(--muted); font-size: 13px; text-align: center; }
    .row { display: flex; flex-wrap: wrap; gap: 16px; }
    svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
    .bar { fill: var(--accent); }
    .dot { fill: var(--accent); fill-opacity: 0.75; }
    .grid { stroke: #eaeef2; }
    .axis { stroke: #6e7781; }
    .tick { fill: var(--muted); font-size: 11px; }
    .label { fill: var(--ink); }
    .value { fill: var(--muted); font-size: 11px; }
    .axis-title { fill: var(--ink); font-weight: 600; }
    .cell { fill: var(--ink); font-size: 13px; }
    .cell-dark { fill: #fff; font-size: 13px; font-weight: 600; }
    dl.stats { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 12px; }
    dl.stats div { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; }
    dt { color: var(--muted); font-size: 12px; }
    dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    th, td { padding: 4px 8px; border-bottom: 1px solid #eaeef2; text-align: left; }
    th { background: #f6f8fa; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    details summary { cursor: pointer; color: var(--accent); margin: 8px 0; }
    footer { color: var(--muted); font-size: 13px; text-align: center; }

    """
}
