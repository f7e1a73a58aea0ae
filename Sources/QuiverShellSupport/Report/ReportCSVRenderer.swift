// The CSV form of a centrality report: one RFC 4180 document with one header and eight columns,
// `section,measure,rank,node,labels,display,key,value`, where `section` says what a row holds:
//
//   graph     key nodes | relationships | direction, value its value; when sampled also
//             sampleSources | sampleSeed | sampledMeasures (joined with ';') | expectedError
//   top       measure, rank, node id, labels (joined with ';'), display, key `score`, value
//   summary   measure, key count | min | max | mean | median | stdDev, value
//   pearson   measure, key the other measure, value the coefficient (empty when undefined)
//   spearman  as pearson
//   degree    key a degree, value how many nodes have it
//
// Columns a section does not use are empty. Scores keep full precision.
import Quiver

/// Renders a centrality report as one CSV document.
package enum ReportCSVRenderer {
  /// The header row's columns.
  package static let columns = ["section", "measure", "rank", "node", "labels", "display", "key", "value"]

  /// The report as CSV, every line ending in `\n`.
  package static func render(_ report: CentralityReport) -> String {
    var rows: [[String]] = [
      row("graph", key: "nodes", value: String(report.nodeCount)),
      row("graph", key: "relationships", value: String(report.relationshipCount)),
      row("graph", key: "direction", value: report.options.direction.rawValue),
    ]
    if let sampling = report.sampling {
      rows += [
        row("graph", key: "sampleSources", value: String(sampling.size)),
        row("graph", key: "sampleSeed", value: String(sampling.seed)),
        row("graph", key: "sampledMeasures", value: sampling.measures.map(\.rawValue).joined(separator: ";")),
        row("graph", key: "expectedError", value: number(sampling.expectedError)),
      ]
    }
    for measure in report.measures {
      let name = measure.algorithm.rawValue
      for node in measure.top {
        rows.append([
          "top", name, String(node.rank), String(node.id), node.labels.joined(separator: ";"), node.display, "score",
          number(node.score),
        ])
      }
      for (key, value) in measure.summary.entries(number) {
        rows.append(row("summary", measure: name, key: key, value: value))
      }
    }
    let names = report.measures.map(\.algorithm.rawValue)
    for (section, matrix) in [("pearson", report.pearson), ("spearman", report.spearman)] {
      for (name, coefficients) in zip(names, matrix) {
        for (other, r) in zip(names, coefficients) {
          rows.append(row(section, measure: name, key: other, value: r.map(number) ?? ""))
        }
      }
    }
    for entry in report.degreeDistribution {
      rows.append(row("degree", key: String(entry.degree), value: String(entry.nodes)))
    }
    return ReportCSVRenderer.document([columns] + rows)
  }

  private static func row(_ section: String, measure: String = "", key: String, value: String) -> [String] {
    [section, measure, "", "", "", "", key, value]
  }

  /// `rows` as RFC 4180 lines, each ending in `\n`.
  static func document(_ rows: [[String]]) -> String {
    rows.map { $0.map { CSVText.field($0) }.joined(separator: ",") + "\n" }.joined()
  }

  /// A score in Cypher notation, which reads back to the same double.
  static func number(_ x: Double) -> String { CypherText.float(x) }
}
