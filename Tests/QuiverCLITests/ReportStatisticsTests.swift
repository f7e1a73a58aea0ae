// The numbers of a centrality report: summary statistics, Pearson and Spearman correlation on
// vectors with known coefficients, tie-averaged ranks, the algorithm list parser, chart ticks
// and histogram bins, and the progress line of a report step.
import QuiverShellSupport
import Testing

@Suite("Report statistics")
struct ReportStatisticsTests {
  @Test("summary of a list with a known mean and standard deviation")
  func summary() {
    let s = SummaryStatistics([2, 4, 4, 4, 5, 5, 7, 9])
    #expect(s.count == 8)
    #expect(s.min == 2)
    #expect(s.max == 9)
    #expect(s.mean == 5)
    #expect(s.median == 4.5)
    #expect(s.standardDeviation == 2)
    #expect(s.entries { "\($0)" }.map(\.name) == ["count", "min", "max", "mean", "median", "stdDev"])
  }

  @Test("median of an odd count, an empty list, non-finite values left out")
  func summaryEdges() {
    #expect(SummaryStatistics([3, 1, 2]).median == 2)
    let empty = SummaryStatistics([])
    #expect(empty.count == 0)
    #expect(empty.mean == 0)
    #expect(empty.standardDeviation == 0)
    let mixed = SummaryStatistics([1, .nan, 3, .infinity])
    #expect(mixed.count == 2)
    #expect(mixed.mean == 2)
  }

  @Test("Pearson: perfect, inverse and a known 0.8")
  func pearson() throws {
    #expect(Correlation.pearson([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]) == 1)
    #expect(Correlation.pearson([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]) == -1)
    let r = try #require(Correlation.pearson([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]))
    #expect(abs(r - 0.8) < 1e-12)
  }

  @Test("Pearson is undefined for a constant vector, one value or unequal lengths")
  func pearsonUndefined() {
    #expect(Correlation.pearson([1, 1, 1], [1, 2, 3]) == nil)
    #expect(Correlation.pearson([1], [2]) == nil)
    #expect(Correlation.pearson([1, 2], [1, 2, 3]) == nil)
    #expect(Correlation.spearman([4, 4], [1, 2]) == nil)
  }

  @Test("Spearman: 1 for any increasing relation, where Pearson is below 1")
  func spearman() throws {
    let x: [Double] = [1, 2, 3, 4]
    let y: [Double] = [1, 10, 100, 1000]
    #expect(Correlation.spearman(x, y) == 1)
    #expect(try #require(Correlation.pearson(x, y)) < 0.95)
    #expect(Correlation.spearman(x, y.reversed()) == -1)
    let rho = try #require(Correlation.spearman([10, 20, 30, 40, 50], [2, 1, 4, 3, 5]))
    #expect(abs(rho - 0.8) < 1e-12)
  }

  @Test("ties share the mean of their ranks")
  func ranks() {
    #expect(Correlation.ranks([10, 20, 20, 30]) == [1, 2.5, 2.5, 4])
    #expect(Correlation.ranks([3, 1, 2]) == [3, 1, 2])
    #expect(Correlation.ranks([5, 5, 5]) == [2, 2, 2])
    #expect(Correlation.ranks([]) == [])
  }

  @Test("algorithm names: any case, spaces, hits as two measures, repeats dropped")
  func algorithmNames() throws {
    #expect(try CentralityAlgorithm.parse("PageRank, BETWEENNESS,closeness") == [.pagerank, .betweenness, .closeness])
    #expect(try CentralityAlgorithm.parse("hits,degree,Hubs") == [.hubs, .authorities, .degree])
    #expect(try CentralityAlgorithm.parse("harmonic,eigenvector") == [.harmonic, .eigenvector])
    #expect(CentralityAlgorithm.defaults == [.pagerank, .betweenness, .closeness])
  }

  @Test("an unknown or empty algorithm name lists the valid ones")
  func unknownAlgorithm() {
    #expect(throws: ReportError(
      "unknown algorithm 'Katz' in --algorithms; valid: degree, pagerank, betweenness, closeness, harmonic, eigenvector, hubs, authorities, hits"
    )) { try CentralityAlgorithm.parse("pagerank,Katz") }
    #expect(throws: ReportError.self) { try CentralityAlgorithm.parse("pagerank,") }
  }

  @Test("numbers for people: six significant digits, coefficients with two decimals")
  func shortNumbers() {
    #expect(ReportNumber.short(4) == "4")
    #expect(ReportNumber.short(4.0 / 7) == "0.571429")
    #expect(ReportNumber.short(.nan) == "n/a")
    #expect(ReportNumber.coefficient(0.8) == "0.80")
    #expect(ReportNumber.coefficient(-0.0001) == "0.00")
    #expect(ReportNumber.coefficient(nil) == "n/a")
  }

  @Test("chart ticks are round steps from 0 past the maximum")
  func ticks() {
    #expect(SVGChart.niceTicks(upTo: 4) == [0, 1, 2, 3, 4])
    #expect(SVGChart.niceTicks(upTo: 52) == [0, 20, 40, 60])
    #expect(SVGChart.niceTicks(upTo: 0) == [0, 1])
    let small = SVGChart.niceTicks(upTo: 0.047)
    #expect(small.count == 6)
    #expect(abs((small.last ?? 0) - 0.05) < 1e-12)
  }

  @Test("coefficient colours: white at 0, red at 1, blue at -1, grey when undefined")
  func colours() {
    #expect(SVGChart.color(0) == "#ffffff")
    #expect(SVGChart.color(1) == "#d62728")
    #expect(SVGChart.color(-1) == "#1f77b4")
    #expect(SVGChart.color(nil) == "#e5e5e5")
  }

  @Test("histogram: a bar per degree when few, equal-width bins when many")
  func histogram() {
    let few = ReportHTMLRenderer.histogram([.init(degree: 1, nodes: 4), .init(degree: 4, nodes: 1)])
    #expect(few.map(\.label) == ["0", "1", "2", "3", "4"])
    #expect(few.map(\.value) == [0, 4, 0, 0, 1])
    let many = ReportHTMLRenderer.histogram([.init(degree: 0, nodes: 1), .init(degree: 3, nodes: 2), .init(degree: 100, nodes: 1)])
    #expect(many.count == 34)
    #expect(many.first?.label == "0–2")
    #expect(many.map(\.value).prefix(3) == [1, 2, 0])
    #expect(many.last?.label == "99–101")
    #expect(many.last?.value == 1)
  }

  @Test("the progress line names the step and its position")
  func progressLine() {
    #expect(
      ProgressLine.frame(step: "betweenness", position: 2, count: 4, elapsed: .milliseconds(2300))
        == "\r⠸ computing betweenness (2/4)… 2.3 s\u{1B}[K")
  }
}
