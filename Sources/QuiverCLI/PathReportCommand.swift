// `quiver report paths --from … --to …`: the shortest path(s) between two nodes of a graph given
// by --db or --script (by hops, and by a weight property with --weight), how many there are, and
// the k shortest with --k; as text, CSV, JSON or an HTML page that also draws the graph with the
// path highlighted. End nodes are named by id or by `label.property=value`.
import ArgumentParser
import Quiver
import QuiverShellSupport

/// `quiver report paths`: shortest paths between two nodes.
struct PathReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "paths",
    abstract: "Report the shortest paths between two nodes.",
    discussion: """
      --from and --to name a node by id (42) or by a property value with an optional label \
      (Person.name=Alice, name='Ann Lee', Station.code=17); the selector must match exactly one \
      node of the graph. The report gives the hops of a shortest path and how many distinct \
      shortest paths there are; with --weight also the least total cost and how many paths \
      reach it; then up to --k loopless paths (Yen), cheapest first, with the nodes along each \
      (see docs/shell.md, "Path reports").

      EXAMPLES:
        quiver report paths --db graph.quiver --from Person.name=Alice --to Person.name=Bob
        quiver report paths --script roads.cypher --from 0 --to 17 --weight km --k 3
        quiver report paths --db graph.quiver --from 1 --to 2 --direction undirected --format html --output path.html
      """)

  @OptionGroup var graph: ReportGraphOptions

  @Option(help: ArgumentHelp("The start node: an id or label.property=value.", valueName: "node"))
  var from: String?

  @Option(help: ArgumentHelp("The end node: an id or label.property=value.", valueName: "node"))
  var to: String?

  @Option(help: ArgumentHelp("How many shortest paths to list (Yen's k shortest).", valueName: "k"))
  var k = "1"

  @Option(help: ArgumentHelp("Numeric relationship property giving each relationship's cost (≥ 0).", valueName: "key"))
  var weight: String?

  @Option(help: ArgumentHelp("directed, undirected or reverse.", valueName: "direction"))
  var direction = ReportDirection.directed.rawValue

  func run() throws {
    try graph.run(parsedSettings, compute: { database, options, progress, _ in
      try PathReport.compute(on: database, options: options, progress: progress)
    }) { $0.render($1, tableStyle: $2) }
  }

  /// The options and format, or the first thing wrong with them.
  func parsedSettings() throws(ReportError) -> (options: PathOptions, format: ReportFormat) {
    let format = try graph.parsedFormat()
    guard let from else { throw ReportError("give the start node with --from <id or label.property=value>") }
    guard let to else { throw ReportError("give the end node with --to <id or label.property=value>") }
    guard let direction = ReportDirection(rawValue: direction.lowercased()) else {
      throw ReportError("unknown direction '\(direction)'; valid: \(ReportCLI.names(ReportDirection.self))")
    }
    var options = PathOptions(
      from: try NodeSelector.parse(from, option: "--from"), to: try NodeSelector.parse(to, option: "--to"))
    options.k = try ReportCLI.positive(k, "--k")
    options.weightProperty = weight
    options.labels = graph.labels
    options.relationshipTypes = graph.relationshipTypes
    options.displayProperty = graph.displayProperty
    options.direction = direction
    options.drawLimit = try graph.parsedDrawLimit()
    options.draws = format == .html && options.drawLimit > 0
    return (options, format)
  }
}
