// The centrality measures `quiver report centrality` can compute, their names on the command
// line (case-insensitive; `hits` stands for both of its scores) and the directions a report
// sees relationships in.
import Foundation
import Quiver

/// A centrality measure of `db.algorithms`.
package enum CentralityAlgorithm: String, CaseIterable, Sendable {
  case degree
  case pagerank
  case betweenness
  case closeness
  case harmonic
  case eigenvector
  /// HITS hub scores.
  case hubs
  /// HITS authority scores.
  case authorities

  /// The measures a report computes when none are named.
  package static let defaults: [CentralityAlgorithm] = [.pagerank, .betweenness, .closeness]

  /// The names `parse` accepts, for messages and help.
  package static var names: [String] { allCases.map(\.rawValue) + ["hits"] }

  /// The measures named in a comma-separated `list`, in order and without repeats; `hits`
  /// gives hubs and authorities. Throws for an empty list or an unknown name.
  package static func parse(_ list: String) throws(ReportError) -> [CentralityAlgorithm] {
    var out: [CentralityAlgorithm] = []
    for raw in list.split(separator: ",", omittingEmptySubsequences: false) {
      let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
      let named: [CentralityAlgorithm]
      if name == "hits" {
        named = [.hubs, .authorities]
      } else if let algorithm = CentralityAlgorithm(rawValue: name) {
        named = [algorithm]
      } else {
        let shown = name.isEmpty ? "an empty name" : "'\(raw.trimmingCharacters(in: .whitespaces))'"
        throw ReportError(
          "unknown algorithm \(shown) in --algorithms; valid: \(names.joined(separator: ", "))")
      }
      for algorithm in named where !out.contains(algorithm) { out.append(algorithm) }
    }
    return out
  }

  /// The measure's name for people: "PageRank", "HITS authorities".
  package var title: String {
    switch self {
    case .degree: return "Degree"
    case .pagerank: return "PageRank"
    case .betweenness: return "Betweenness"
    case .closeness: return "Closeness"
    case .harmonic: return "Harmonic"
    case .eigenvector: return "Eigenvector"
    case .hubs: return "HITS hubs"
    case .authorities: return "HITS authorities"
    }
  }
}

/// How a report treats relationship direction: as stored, ignored, or reversed.
package enum ReportDirection: String, CaseIterable, Sendable {
  case directed
  case undirected
  case reverse

  /// The direction of the analytics projection.
  var analytics: AnalyticsGraph.Direction {
    switch self {
    case .directed: return .outgoing
    case .undirected: return .both
    case .reverse: return .incoming
    }
  }
}

/// The formats a report is written in.
package enum ReportFormat: String, CaseIterable, Sendable {
  case text
  case csv
  case json
  case html

  /// The report in this format; `tableStyle` draws the text format's tables.
  package func render(_ report: CentralityReport, tableStyle: TableFormatter.Style = .ascii) -> String {
    switch self {
    case .text: return ReportTextRenderer.render(report, style: tableStyle)
    case .csv: return ReportCSVRenderer.render(report)
    case .json: return ReportJSONRenderer.render(report)
    case .html: return ReportHTMLRenderer.render(report)
    }
  }

  /// The community report in this format.
  package func render(_ report: CommunityReport, tableStyle: TableFormatter.Style = .ascii) -> String {
    switch self {
    case .text: return CommunityReportRenderer.text(report, style: tableStyle)
    case .csv: return CommunityReportRenderer.csv(report)
    case .json: return CommunityReportRenderer.json(report)
    case .html: return CommunityReportHTML.render(report)
    }
  }

  /// The path report in this format.
  package func render(_ report: PathReport, tableStyle: TableFormatter.Style = .ascii) -> String {
    switch self {
    case .text: return PathReportRenderer.text(report, style: tableStyle)
    case .csv: return PathReportRenderer.csv(report)
    case .json: return PathReportRenderer.json(report)
    case .html: return PathReportHTML.render(report)
    }
  }
}

/// A report option that cannot be used; the message says why, in one line.
package struct ReportError: Error, Equatable, CustomStringConvertible {
  package let message: String

  package init(_ message: String) {
    self.message = message
  }

  package var description: String { message }
}
