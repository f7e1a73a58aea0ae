// Sampling in `quiver report centrality`: parsing --sample, when the report samples by default,
// what it says about the sample in each format, that the sampled scores are db.algorithms' with
// the same sample and seed, and the progress line of a long measure.
import Foundation
import Quiver
import QuiverShellSupport
import Testing

@Suite struct ReportSamplingTests {
  @Test func parsing() throws {
    #expect(try ReportSample.parse("all") == .all)
    #expect(try ReportSample.parse("ALL") == .all)
    #expect(try ReportSample.parse("250") == .sources(250))
    for bad in ["0", "-3", "many"] {
      #expect(throws: ReportError("--sample takes a whole number of at least 1 or 'all', not '\(bad)'")) { try ReportSample.parse(bad) }
    }
  }

  @Test func whenTheReportSamples() {
    let measures: [CentralityAlgorithm] = [.pagerank, .betweenness, .closeness]
    #expect(ReportSample.automatic.sampling(nodeCount: 10_000, measures: measures) == nil)
    #expect(
      ReportSample.automatic.sampling(nodeCount: 10_001, measures: measures)
        == ReportSampling(size: 1_000, nodeCount: 10_001, automatic: true, measures: [.betweenness, .closeness]))
    #expect(ReportSample.automatic.sampling(nodeCount: 50_000, measures: [.pagerank, .degree]) == nil)
    #expect(ReportSample.all.sampling(nodeCount: 50_000, measures: measures) == nil)
    #expect(ReportSample.sources(5).sampling(nodeCount: 5, measures: measures) == nil)
    #expect(
      ReportSample.sources(4).sampling(nodeCount: 5, measures: [.harmonic])
        == ReportSampling(size: 4, nodeCount: 5, automatic: false, measures: [.harmonic]))
  }

  @Test func theSentence() {
    let automatic = ReportSampling(size: 1_000, nodeCount: 100_000, automatic: true, measures: [.betweenness, .closeness])
    #expect(
      automatic.sentence
        == "Betweenness and closeness estimated from 1000 of 100000 source nodes (sampled by default above 10000 nodes; seed 0), "
        + "expected relative error about 3.2% (1/√1000); --sample all computes them exactly.")
    let asked = ReportSampling(size: 100, nodeCount: 500, automatic: false, measures: [.betweenness, .closeness, .harmonic])
    #expect(
      asked.sentence
        == "Betweenness, closeness and harmonic estimated from 100 of 500 source nodes (seed 0), "
        + "expected relative error about 10.0% (1/√100); --sample all computes them exactly.")
  }

  @Test func aSampledReport() throws {
    let database = try ReportFixture.database(ReportFixture.star)
    var options = ReportFixture.options([.degree, .betweenness, .closeness])
    options.sample = .sources(2)
    let report = try CentralityReport.compute(on: database, options: options)
    let sampling = try #require(report.sampling)
    #expect(sampling == ReportSampling(size: 2, nodeCount: 5, automatic: false, measures: [.betweenness, .closeness]))
    let graph = AnalyticsGraph(direction: .both)
    let betweenness = try database.algorithms.betweenness(graph, samplingSize: 2, seed: 0)
    #expect(report.measures[1].summary == SummaryStatistics(betweenness.values))
    let closeness = try database.algorithms.closeness(graph, samplingSize: 2, seed: 0)
    #expect(report.measures[2].summary == SummaryStatistics(closeness.values))
    #expect(ReportTextRenderer.render(report).contains("\nBetweenness and closeness estimated from 2 of 5 source nodes (seed 0)"))
    #expect(ReportHTMLRenderer.render(report).contains("<p class=\"meta\">Betweenness and closeness estimated from 2 of 5"))
    let csv = OutputFormatTests.parseCSV(ReportCSVRenderer.render(report)).filter { $0[0] == "graph" }.map { [$0[6], $0[7]] }
    #expect(csv.suffix(4) == [
      ["sampleSources", "2"], ["sampleSeed", "0"], ["sampledMeasures", "betweenness;closeness"], ["expectedError", "0.7071067811865475"],
    ])
    let root = try #require(try JSONSerialization.jsonObject(with: Data(ReportJSONRenderer.render(report).utf8)) as? [String: Any])
    let json = try #require((root["graph"] as? [String: Any])?["sampling"] as? [String: Any])
    #expect(json["sources"] as? Int == 2)
    #expect(json["nodes"] as? Int == 5)
    #expect(json["automatic"] as? Bool == false)
    #expect(json["measures"] as? [String] == ["betweenness", "closeness"])
    let exact = try CentralityReport.compute(on: database, options: ReportFixture.options([.betweenness]))
    #expect(exact.sampling == nil)
    let unsampled = try #require(try JSONSerialization.jsonObject(with: Data(ReportJSONRenderer.render(exact).utf8)) as? [String: Any])
    #expect((unsampled["graph"] as? [String: Any])?["sampling"] is NSNull)
  }

  @Test func theProgressLineOfALongMeasure() {
    let quarter = AlgorithmProgress(done: 25, total: 100, elapsed: .seconds(10))
    #expect(quarter.fraction == 0.25 && quarter.estimatedRemaining == .seconds(30))
    #expect(
      ProgressLine.frame(step: "betweenness", position: 2, count: 4, elapsed: .milliseconds(2300), work: quarter)
        == "\r⠸ computing betweenness (2/4)… 2.3 s, 25% done, about 30 s left\u{1B}[K")
    let started = AlgorithmProgress(done: 0, total: 100, elapsed: .zero)
    #expect(
      ProgressLine.frame(elapsed: .milliseconds(1500), work: started) == "\r⠴ Running… 1.5 s, 0% done (Ctrl-C cancels)\u{1B}[K")
    #expect(ProgressLine.estimate(.seconds(170)) == "2 min 50 s")
    #expect(ProgressLine.estimate(.seconds(3900)) == "1 h 5 min")
  }
}
