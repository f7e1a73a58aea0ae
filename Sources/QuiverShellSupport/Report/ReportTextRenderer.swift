// The text form of a centrality report, for a terminal or a log: a heading with the graph's
// size and filters, then per measure its top-k table and a line of statistics, the Pearson and
// Spearman correlation matrices, and the degree distribution with a bar per degree.

/// Renders a centrality report as aligned text tables.
package enum ReportTextRenderer {
  /// Widest bar of the degree distribution, in characters.
  static let barWidth = 40

  /// The report as text; `style` draws the tables (ASCII for files and pipes).
  package static func render(_ report: CentralityReport, style: TableFormatter.Style = .ascii) -> String {
    let table = TableFormatter(style: style)
    var out = "Centrality report\n" + ReportDescription.graphLine(report) + "\n"
    if let sampling = report.sampling { out += sampling.sentence + "\n" }
    for measure in report.measures {
      out += "\n\(measure.algorithm.title): top \(measure.top.count) of \(measure.summary.count)\n"
      let cells = measure.top.map { node in
        [String(node.rank), String(node.id), node.labels.joined(separator: ", "), node.display, ReportNumber.short(node.score)]
      }
      let header = ["rank", "node", "labels", ReportDescription.displayHeading(report), "score"]
      out += table.format(columns: header, cells: rightAligned(cells, header: header, columns: [0, 1, 4]))
      out += measure.summary.entries(ReportNumber.short).map { "\(ReportDescription.statisticTitle($0.name)) \($0.text)" }
        .joined(separator: " · ") + "\n"
    }
    let names = report.measures.map(\.algorithm.rawValue)
    for (title, matrix) in [("Pearson", report.pearson), ("Spearman", report.spearman)] where !names.isEmpty {
      out += "\nCorrelation (\(title))\n"
      let cells = zip(names, matrix).map { name, row in [name] + row.map(ReportNumber.coefficient) }
      out += table.format(columns: [""] + names, cells: rightAligned(cells, header: [""] + names, columns: Array(1...names.count)))
    }
    out += "\nDegree distribution (relationships per node, either direction)\n"
    let most = report.degreeDistribution.map(\.nodes).max() ?? 0
    let bars = report.degreeDistribution.map { entry in
      [String(entry.degree), String(entry.nodes), bar(entry.nodes, of: most)]
    }
    let header = ["degree", "nodes", ""]
    out += table.format(columns: header, cells: rightAligned(bars, header: header, columns: [0, 1]))
    return out
  }

  /// A bar of `█` proportional to `value / most`, at least one block for a non-zero value.
  static func bar(_ value: Int, of most: Int) -> String {
    guard most > 0, value > 0 else { return "" }
    return String(repeating: "█", count: max(1, value * barWidth / most))
  }

  /// `rows` with the cells of `columns` padded on the left to the column's width (its widest
  /// cell or its `header`), so that the table shows them right-aligned.
  static func rightAligned(_ rows: [[String]], header: [String], columns: [Int]) -> [[String]] {
    var rows = rows
    for column in columns {
      let heading = column < header.count ? header[column].displayWidth : 0
      let width = rows.map { column < $0.count ? $0[column].displayWidth : 0 }.reduce(heading, max)
      for index in rows.indices where column < rows[index].count {
        let cell = rows[index][column]
        rows[index][column] = String(repeating: " ", count: width - cell.displayWidth) + cell
      }
    }
    return rows
  }
}

/// Wording the report formats for people (text, HTML) share.
package enum ReportDescription {
  /// `Graph: 5 nodes, 4 relationships (directed; labels: Person; types: KNOWS)`.
  package static func graphLine(_ report: CentralityReport) -> String {
    graphLine(
      nodes: report.nodeCount, relationships: report.relationshipCount, direction: report.options.direction.rawValue,
      labels: report.options.labels, types: report.options.relationshipTypes)
  }

  /// The graph line of any report: its size, direction and filters (and weight, when given).
  package static func graphLine(
    nodes: Int, relationships: Int, direction: String, labels: [String], types: [String], weight: String? = nil
  ) -> String {
    var filters = [direction]
    if !labels.isEmpty { filters.append("labels: " + labels.joined(separator: ", ")) }
    if !types.isEmpty { filters.append("relationship types: " + types.joined(separator: ", ")) }
    if let weight { filters.append("weight: " + weight) }
    return "Graph: \(count(nodes, "node")), \(count(relationships, "relationship"))"
      + " (\(filters.joined(separator: "; ")))"
  }

  /// The heading of the display column: the chosen property, or `display` for the default
  /// (`name`, else the first property).
  package static func displayHeading(_ report: CentralityReport) -> String {
    displayHeading(report.options.displayProperty)
  }

  /// The heading of the display column for `property` (nil: the default).
  package static func displayHeading(_ property: String?) -> String {
    property ?? "display"
  }

  /// `count`, `std dev` for the statistics' JSON keys.
  package static func statisticTitle(_ key: String) -> String {
    key == "stdDev" ? "std dev" : key
  }

  /// `1 node`, `3 nodes`.
  package static func count(_ n: Int, _ noun: String) -> String {
    "\(n) \(noun)\(n == 1 ? "" : "s")"
  }
}
