// The JSON form of a centrality report, one object:
//
//   {"graph": {"nodes", "relationships", "direction", "labels", "relationshipTypes",
//              "sampling": null or {"sources", "nodes", "automatic", "seed", "measures", "expectedError"}},
//    "algorithms": {"<measure>": {"top": [{"rank", "node", "labels", "display", "score"}],
//                                 "summary": {"count", "min", "max", "mean", "median", "stdDev"}}},
//    "correlation": {"measures": [...], "pearson": [[...]], "spearman": [[...]]},
//    "degreeDistribution": [{"degree", "nodes"}]}
//
// Measures keep the order they were asked for; undefined coefficients and non-finite scores
// are null.
import Quiver

/// Renders a centrality report as one JSON object.
package enum ReportJSONRenderer {
  /// The report as indented JSON ending in `\n`.
  package static func render(_ report: CentralityReport) -> String {
    let options = report.options
    let graph = object([
      ("nodes", String(report.nodeCount)), ("relationships", String(report.relationshipCount)),
      ("direction", string(options.direction.rawValue)),
      ("labels", options.labels.isEmpty ? "null" : strings(options.labels)),
      ("relationshipTypes", options.relationshipTypes.isEmpty ? "null" : strings(options.relationshipTypes)),
      ("sampling", report.sampling.map(sampling) ?? "null"),
    ])
    let algorithms = report.measures.map { measure in
      let top = measure.top.map { node in
        "      " + object([
          ("rank", String(node.rank)), ("node", String(node.id)), ("labels", strings(node.labels)),
          ("display", string(node.display)), ("score", number(node.score)),
        ])
      }
      let summary = object(measure.summary.entries(number))
      return "    \(string(measure.algorithm.rawValue)): {\n      \"top\": "
        + (top.isEmpty ? "[]" : "[\n" + top.joined(separator: ",\n") + "\n      ]")
        + ",\n      \"summary\": \(summary)\n    }"
    }
    let matrix = { (rows: [[Double?]]) in
      "[" + rows.map { "[" + $0.map { $0.map(number) ?? "null" }.joined(separator: ",") + "]" }.joined(separator: ",") + "]"
    }
    let correlation = [
      "\"measures\": " + strings(report.measures.map(\.algorithm.rawValue)),
      "\"pearson\": " + matrix(report.pearson), "\"spearman\": " + matrix(report.spearman),
    ]
    let degrees = report.degreeDistribution.map { object([("degree", String($0.degree)), ("nodes", String($0.nodes))]) }
    return "{\n  \"graph\": \(graph),\n  \"algorithms\": "
      + (algorithms.isEmpty ? "{}" : "{\n" + algorithms.joined(separator: ",\n") + "\n  }")
      + ",\n  \"correlation\": {\n    " + correlation.joined(separator: ",\n    ") + "\n  },\n"
      + "  \"degreeDistribution\": [" + degrees.joined(separator: ",") + "]\n}\n"
  }

  /// The sampling object: sources, nodes drawn from, automatic, seed, measures, expected error.
  private static func sampling(_ s: ReportSampling) -> String {
    object([
      ("sources", String(s.size)), ("nodes", String(s.nodeCount)), ("automatic", s.automatic ? "true" : "false"),
      ("seed", String(s.seed)), ("measures", strings(s.measures.map(\.rawValue))), ("expectedError", number(s.expectedError)),
    ])
  }

  /// `{"key":value,...}` on one line, values already JSON.
  static func object(_ members: [(String, String)]) -> String {
    "{" + members.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
  }

  static func string(_ text: String) -> String { JSONText.string(text) }

  static func strings(_ texts: [String]) -> String { "[" + texts.map(string).joined(separator: ",") + "]" }

  /// A finite number in full precision, null otherwise.
  static func number(_ x: Double) -> String {
    x.isFinite ? JSONFormatter.json(.float(x)) : "null"
  }
}
