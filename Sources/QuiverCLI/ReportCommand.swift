// `quiver report centrality`: computes centrality measures on a graph, either a database
// directory opened read-only (--db) or an in-memory database built by a Cypher script
// (--script), and writes the report as text, CSV, JSON or a self-contained HTML page, to a file
// (--output) or standard output. `quiver report communities` and `quiver report paths` are in
// their own files; ReportCommandSupport.swift holds what the three share.
import ArgumentParser
import Foundation
import Quiver
import QuiverShellSupport

/// `quiver report`: the group of report subcommands. `QuiverCommand.main` parses it as a root
/// command of its own (named `quiver report` in help), so that its --db and --format are not
/// taken by the root's options of the same names.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    _superCommandName: "quiver",
    abstract: "Write analytics reports on a graph.",
    version: QuiverCommand.version,
    subcommands: [CentralityReportCommand.self, CommunityReportCommand.self, PathReportCommand.self])
}

/// `quiver report centrality`: top nodes, statistics and correlation of centrality measures.
struct CentralityReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "centrality",
    abstract: "Report the most central nodes of a graph by several measures.",
    discussion: """
      For each measure: its top nodes (rank, id, labels, display property, score) and \
      statistics of all its scores (count, min, max, mean, median, standard deviation). Then \
      the Pearson and Spearman correlation between the measures and the degree distribution. \
      On graphs of more than \(ReportSample.automaticAbove) nodes, betweenness, closeness and \
      harmonic are estimated from \(ReportSample.automaticSize) sampled source nodes, and the \
      report says so with the expected error; --sample N sets the sample, --sample all computes \
      them exactly. \
      The html format is one self-contained page with charts; csv is one document whose first \
      column, 'section', says what each row holds (see docs/shell.md, "Centrality reports").

      EXAMPLES:
        quiver report centrality --db graph.quiver
        quiver report centrality --script social.cypher --algorithms degree,pagerank,hits --top 5
        quiver report centrality --db graph.quiver --label Person --relationship-type KNOWS \\
            --direction undirected --format html --output report.html
        quiver report centrality --db big.quiver --sample 5000
      """)

  @OptionGroup var graph: ReportGraphOptions

  @Option(
    help: ArgumentHelp(
      "Comma-separated measures: \(CentralityAlgorithm.names.joined(separator: ", ")) (hubs and authorities).",
      valueName: "names"))
  var algorithms = CentralityAlgorithm.defaults.map(\.rawValue).joined(separator: ",")

  @Option(help: ArgumentHelp("How many top nodes to list per measure.", valueName: "k"))
  var top = "20"

  @Option(help: ArgumentHelp("directed, undirected or reverse.", valueName: "direction"))
  var direction = ReportDirection.directed.rawValue

  @Option(
    help: ArgumentHelp(
      "Estimate betweenness, closeness and harmonic from N sampled source nodes, or 'all' for exact scores "
        + "(default: exact up to \(ReportSample.automaticAbove) nodes, else \(ReportSample.automaticSize) sources).",
      valueName: "N"))
  var sample: String?

  func run() throws {
    try graph.run(parsedSettings, compute: { try CentralityReport.compute(on: $0, options: $1, progress: $2, work: $3) }) {
      $0.render($1, tableStyle: $2)
    }
  }

  /// The options and format, or the first thing wrong with them.
  func parsedSettings() throws(ReportError) -> (options: ReportOptions, format: ReportFormat) {
    let format = try graph.parsedFormat()
    guard let direction = ReportDirection(rawValue: direction.lowercased()) else {
      throw ReportError("unknown direction '\(direction)'; valid: \(ReportCLI.names(ReportDirection.self))")
    }
    let count = try ReportCLI.positive(top, "--top")
    var options = ReportOptions()
    options.algorithms = try CentralityAlgorithm.parse(algorithms)
    options.top = count
    options.labels = graph.labels
    options.relationshipTypes = graph.relationshipTypes
    options.displayProperty = graph.displayProperty
    options.direction = direction
    if let sample { options.sample = try ReportSample.parse(sample) }
    options.drawLimit = try graph.parsedDrawLimit()
    options.draws = format == .html && options.drawLimit > 0
    return (options, format)
  }
}
