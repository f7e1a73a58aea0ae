// The text, CSV and JSON forms of a path report (PathReportHTML.swift writes the page). Text:
// the graph line, the end nodes, the hops and number of shortest paths (and the least cost and
// number of cheapest paths with a weight), then each path as a table of its nodes. CSV: one
// document `section,path,step,node,labels,display,key,value` where `section` is
//
//   graph  key nodes | relationships | direction | from | to | hops | shortestPaths |
//          weightProperty | cost | cheapestPaths (empty when unreachable)
//   path   path (rank), key hops | cost, value
//   stop   path, step, node id, labels (';'), display, key `cost`, value the cost from the start
//   via    path, step, key `type`, value the type of the relationship into that step
//
// JSON: {"graph": {...}, "from": {node}, "to": {node}, "hops", "shortestPathCount", "cost",
//        "cheapestPathCount", "paths": [{"rank", "hops", "cost", "nodes": [{"node", "labels",
//        "display", "cost", "via"}]}]}; what does not apply is null.
import Quiver

/// Renders a path report as text, CSV or JSON.
package enum PathReportRenderer {
  /// The CSV header's columns.
  package static let columns = ["section", "path", "step", "node", "labels", "display", "key", "value"]

  static func graphLine(_ report: PathReport) -> String {
    ReportDescription.graphLine(
      nodes: report.nodeCount, relationships: report.relationshipCount, direction: report.options.direction.rawValue,
      labels: report.options.labels, types: report.options.relationshipTypes, weight: report.options.weightProperty)
  }

  /// `node 3 (Person) Alice`.
  static func name(_ stop: PathReport.Stop) -> String {
    var out = "node \(stop.id)"
    if !stop.labels.isEmpty { out += " (" + stop.labels.joined(separator: ", ") + ")" }
    return stop.display.isEmpty ? out : out + " " + stop.display
  }

  /// A count of paths as a whole number (counts beyond 2^53 in scientific notation).
  package static func count(_ x: Double) -> String {
    guard x.isFinite else { return "infinitely many" }
    return x < 9_007_199_254_740_992 ? String(Int64(x)) : ReportNumber.short(x)
  }

  /// A count of paths as JSON: a number, or the string "infinite" (a cycle of weight 0).
  package static func jsonCount(_ x: Double) -> String {
    x.isFinite ? count(x) : "\"infinite\""
  }

  /// The lines saying what was found: hops and count, and with a weight, cost and count.
  static func findings(_ report: PathReport) -> [String] {
    var lines = ["From: \(name(report.from))", "To: \(name(report.to))"]
    guard let hops = report.hops else {
      return lines + ["No path from node \(report.from.id) to node \(report.to.id) (\(report.options.direction.rawValue))."]
    }
    let n = report.shortestPathCount
    lines.append("Shortest path: \(ReportDescription.count(hops, "hop")); \(count(n)) shortest path\(n == 1 ? "" : "s")")
    if let weight = report.options.weightProperty, let cost = report.cost, let cheapest = report.cheapestPathCount {
      lines.append(
        "Cheapest path by \(weight): cost \(ReportNumber.short(cost)); \(count(cheapest)) cheapest path\(cheapest == 1 ? "" : "s")")
    }
    return lines
  }

  /// `Path 1: 2 hops, cost 3.5`.
  static func heading(_ path: PathReport.Path, _ report: PathReport) -> String {
    "Path \(path.rank): \(ReportDescription.count(path.hops, "hop"))"
      + (report.options.weightProperty == nil ? "" : ", cost \(ReportNumber.short(path.cost))")
  }

  /// The report as aligned text tables.
  package static func text(_ report: PathReport, style: TableFormatter.Style = .ascii) -> String {
    let table = TableFormatter(style: style)
    var out = "Path report\n" + graphLine(report) + "\n" + findings(report).joined(separator: "\n") + "\n"
    let header = ["step", "node", "labels", ReportDescription.displayHeading(report.options.displayProperty), "via", "cost"]
    for path in report.paths {
      out += "\n" + heading(path, report) + "\n"
      let cells = path.stops.enumerated().map { step, stop in
        [
          String(step), String(stop.id), stop.labels.joined(separator: ", "), stop.display, stop.relationshipType ?? "",
          ReportNumber.short(stop.cost),
        ]
      }
      out += table.format(columns: header, cells: ReportTextRenderer.rightAligned(cells, header: header, columns: [0, 1, 5]))
    }
    return out
  }

  /// The report as one CSV document, every line ending in `\n`.
  package static func csv(_ report: PathReport) -> String {
    let number = ReportCSVRenderer.number
    func row(_ section: String, path: String = "", step: String = "", key: String, value: String) -> [String] {
      [section, path, step, "", "", "", key, value]
    }
    var rows = [
      row("graph", key: "nodes", value: String(report.nodeCount)),
      row("graph", key: "relationships", value: String(report.relationshipCount)),
      row("graph", key: "direction", value: report.options.direction.rawValue),
      row("graph", key: "from", value: String(report.from.id)),
      row("graph", key: "to", value: String(report.to.id)),
      row("graph", key: "hops", value: report.hops.map(String.init) ?? ""),
      row("graph", key: "shortestPaths", value: count(report.shortestPathCount)),
    ]
    if let weight = report.options.weightProperty {
      rows.append(row("graph", key: "weightProperty", value: weight))
      rows.append(row("graph", key: "cost", value: report.cost.map(number) ?? ""))
      rows.append(row("graph", key: "cheapestPaths", value: report.cheapestPathCount.map(count) ?? ""))
    }
    for path in report.paths {
      let rank = String(path.rank)
      rows.append(row("path", path: rank, key: "hops", value: String(path.hops)))
      rows.append(row("path", path: rank, key: "cost", value: number(path.cost)))
      for (step, stop) in path.stops.enumerated() {
        rows.append(["stop", rank, String(step), String(stop.id), stop.labels.joined(separator: ";"), stop.display, "cost", number(stop.cost)])
        if let type = stop.relationshipType { rows.append(row("via", path: rank, step: String(step), key: "type", value: type)) }
      }
    }
    return ReportCSVRenderer.document([columns] + rows)
  }

  /// The report as indented JSON ending in `\n`.
  package static func json(_ report: PathReport) -> String {
    typealias J = ReportJSONRenderer
    let options = report.options
    let graph = J.object([
      ("nodes", String(report.nodeCount)), ("relationships", String(report.relationshipCount)),
      ("direction", J.string(options.direction.rawValue)),
      ("labels", options.labels.isEmpty ? "null" : J.strings(options.labels)),
      ("relationshipTypes", options.relationshipTypes.isEmpty ? "null" : J.strings(options.relationshipTypes)),
      ("weightProperty", options.weightProperty.map(J.string) ?? "null"),
    ])
    func node(_ stop: PathReport.Stop, along: Bool) -> String {
      var members = [("node", String(stop.id)), ("labels", J.strings(stop.labels)), ("display", J.string(stop.display))]
      if along { members += [("cost", J.number(stop.cost)), ("via", stop.relationshipType.map(J.string) ?? "null")] }
      return J.object(members)
    }
    let paths = report.paths.map { path in
      "    " + J.object([
        ("rank", String(path.rank)), ("hops", String(path.hops)), ("cost", J.number(path.cost)),
        ("nodes", "[" + path.stops.map { node($0, along: true) }.joined(separator: ",") + "]"),
      ])
    }
    return "{\n  \"graph\": \(graph),\n  \"from\": \(node(report.from, along: false)),\n"
      + "  \"to\": \(node(report.to, along: false)),\n  \"hops\": \(report.hops.map(String.init) ?? "null"),\n"
      + "  \"shortestPathCount\": \(jsonCount(report.shortestPathCount)),\n"
      + "  \"cost\": \(report.cost.map(J.number) ?? "null"),\n"
      + "  \"cheapestPathCount\": \(report.cheapestPathCount.map(jsonCount) ?? "null"),\n"
      + "  \"paths\": " + (paths.isEmpty ? "[]" : "[\n" + paths.joined(separator: ",\n") + "\n  ]") + "\n}\n"
  }
}
