// `quiver report communities`: finds communities (Louvain by default, Leiden or label
// propagation) in a graph given by --db or --script and writes their sizes, the modularity,
// the top nodes of each by degree and the relationships between communities, as text, CSV,
// JSON or an HTML page that also draws the graph coloured by community.
import ArgumentParser
import Quiver
import QuiverShellSupport

/// `quiver report communities`: communities, modularity and the links between them.
struct CommunityReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "communities",
    abstract: "Report the communities of a graph.",
    discussion: """
      Communities are found on the graph seen as undirected. For each community, largest \
      first: its size, the relationships inside it and its top nodes by degree (relationships \
      in either direction); then the modularity of the partition and the pairs of communities \
      joined by most relationships. The html format also draws the graph, nodes sized by \
      degree and coloured by community (see docs/shell.md, "Community reports").

      EXAMPLES:
        quiver report communities --db graph.quiver
        quiver report communities --script social.cypher --algorithm leiden --top 3
        quiver report communities --db graph.quiver --weight strength --format html --output communities.html
      """)

  @OptionGroup var graph: ReportGraphOptions

  @Option(
    help: ArgumentHelp(
      "\(CommunityAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
  var algorithm = CommunityAlgorithm.louvain.rawValue

  @Option(help: ArgumentHelp("How many top nodes to list per community (by degree).", valueName: "k"))
  var top = "5"

  @Option(help: ArgumentHelp("How many communities (largest first) and pairs of communities to list.", valueName: "n"))
  var communities = "20"

  @Option(help: ArgumentHelp("Numeric relationship property weighting Louvain, Leiden and the modularity.", valueName: "key"))
  var weight: String?

  @Option(help: ArgumentHelp("Seed of the community detection and the drawing.", valueName: "n"))
  var seed = "42"

  func run() throws {
    try graph.run(parsedSettings, compute: { database, options, progress, _ in
      try CommunityReport.compute(on: database, options: options, progress: progress)
    }) { $0.render($1, tableStyle: $2) }
  }

  /// The options and format, or the first thing wrong with them.
  func parsedSettings() throws(ReportError) -> (options: CommunityOptions, format: ReportFormat) {
    let format = try graph.parsedFormat()
    guard let algorithm = CommunityAlgorithm(rawValue: algorithm.lowercased()) else {
      throw ReportError("unknown algorithm '\(self.algorithm)'; valid: \(ReportCLI.names(CommunityAlgorithm.self))")
    }
    guard let seed = Int(seed) else { throw ReportError("--seed takes a whole number, not '\(self.seed)'") }
    var options = CommunityOptions()
    options.algorithm = algorithm
    options.top = try ReportCLI.positive(top, "--top")
    options.communities = try ReportCLI.positive(communities, "--communities")
    options.labels = graph.labels
    options.relationshipTypes = graph.relationshipTypes
    options.displayProperty = graph.displayProperty
    options.weightProperty = weight
    options.seed = seed
    options.drawLimit = try graph.parsedDrawLimit()
    options.draws = format == .html && options.drawLimit > 0
    return (options, format)
  }
}
