// Sampling in `quiver report centrality`: betweenness, closeness and harmonic centrality cost one
// shortest-path search per source node, so on big graphs the report estimates them from a seeded
// sample of sources. `--sample N` sets the sample, `--sample all` asks for exact scores, and by
// default the report samples `automaticSize` sources once the graph has more than
// `automaticAbove` nodes, saying so in the report with the sample and the expected error.

/// The sample asked for on the command line.
package enum ReportSample: Sendable, Equatable {
  /// Exact up to `automaticAbove` nodes, else `automaticSize` sources.
  case automatic
  /// Every node a source: exact scores.
  case all
  /// This many sources (exact when the graph has no more nodes).
  case sources(Int)

  /// Graphs with more nodes than this are sampled by default.
  package static let automaticAbove = 10_000
  /// The default sample on big graphs: about 3% expected error, and on a graph of 100,000 nodes
  /// and 1,000,000 relationships a few seconds per measure.
  package static let automaticSize = 1_000

  /// `all` or a whole number of at least 1.
  package static func parse(_ text: String) throws(ReportError) -> ReportSample {
    if text.lowercased() == "all" { return .all }
    guard let size = Int(text), size > 0 else {
      throw ReportError("--sample takes a whole number of at least 1 or 'all', not '\(text)'")
    }
    return .sources(size)
  }

  /// What the report does on a graph of `nodeCount` nodes: nil to compute exactly.
  package func sampling(nodeCount: Int, measures: [CentralityAlgorithm]) -> ReportSampling? {
    let sampled = measures.filter(ReportSampling.sampledMeasures.contains)
    guard !sampled.isEmpty else { return nil }
    switch self {
    case .all: return nil
    case .sources(let size):
      return size < nodeCount ? ReportSampling(size: size, nodeCount: nodeCount, automatic: false, measures: sampled) : nil
    case .automatic:
      guard nodeCount > Self.automaticAbove else { return nil }
      return ReportSampling(size: Self.automaticSize, nodeCount: nodeCount, automatic: true, measures: sampled)
    }
  }
}

/// How a report sampled: the sources, the graph they came from and the measures estimated.
package struct ReportSampling: Sendable, Equatable {
  /// The measures computed from one search per source, which sampling speeds up.
  static let sampledMeasures: [CentralityAlgorithm] = [.betweenness, .closeness, .harmonic]

  /// Source nodes sampled.
  package var size: Int
  /// Nodes of the graph they were drawn from.
  package var nodeCount: Int
  /// True when the report sampled because of the graph's size, false for `--sample N`.
  package var automatic: Bool
  /// The measures estimated from the sample.
  package var measures: [CentralityAlgorithm]
  /// The seed that drew the sample.
  package var seed = 0

  package init(size: Int, nodeCount: Int, automatic: Bool, measures: [CentralityAlgorithm], seed: Int = 0) {
    self.size = size
    self.nodeCount = nodeCount
    self.automatic = automatic
    self.measures = measures
    self.seed = seed
  }

  /// The expected relative error of an estimated score, 1 / √size: the estimates are means over
  /// the sampled sources, whose standard error falls as the square root of their number.
  package var expectedError: Double { 1 / Double(size).squareRoot() }

  /// `Betweenness and closeness estimated from 1000 of 100000 source nodes (sampled by default
  /// above 10000 nodes; seed 0), expected relative error about 3.2% (1/√1000); --sample all
  /// computes them exactly.`
  package var sentence: String {
    let names = measures.map { $0.title.lowercased() }
    let listed = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    let why = automatic ? "sampled by default above \(ReportSample.automaticAbove) nodes; " : ""
    let percent = (expectedError * 1000).rounded() / 10
    return "\(listed.prefix(1).uppercased() + listed.dropFirst()) estimated from \(size) of \(nodeCount) source nodes "
      + "(\(why)seed \(seed)), expected relative error about \(percent)% (1/√\(size)); --sample all computes them exactly."
  }
}
