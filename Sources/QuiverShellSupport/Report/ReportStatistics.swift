// The numbers a centrality report states about its scores: a five-number-style summary of one
// measure (count, min, max, mean, median, population standard deviation) and the Pearson and
// Spearman rank correlation of two measures over the same nodes. Also how the text and HTML
// reports write these numbers for people.
import Foundation

/// Summary statistics of one list of scores.
package struct SummaryStatistics: Sendable, Equatable {
  package var count: Int
  package var min: Double
  package var max: Double
  package var mean: Double
  /// The middle value, or the mean of the two middle values for an even count.
  package var median: Double
  /// The population standard deviation (divided by the count, as numpy's default).
  package var standardDeviation: Double

  /// The statistics of `values`; all zero for an empty list. Non-finite values are left out.
  package init(_ values: [Double]) {
    let sorted = values.filter(\.isFinite).sorted()
    count = sorted.count
    guard let first = sorted.first, let last = sorted.last else {
      (min, max, mean, median, standardDeviation) = (0, 0, 0, 0, 0)
      return
    }
    min = first
    max = last
    let n = Double(sorted.count)
    mean = sorted.reduce(0, +) / n
    let middle = sorted.count / 2
    median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    let mean = mean
    standardDeviation = (sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
  }

  /// The statistics as (name, text) pairs in report order, the names being the JSON keys: the
  /// count as a whole number, the scores written by `number`.
  package func entries(_ number: (Double) -> String) -> [(name: String, text: String)] {
    [
      ("count", String(count)), ("min", number(min)), ("max", number(max)), ("mean", number(mean)),
      ("median", number(median)), ("stdDev", number(standardDeviation)),
    ]
  }
}

/// Correlation coefficients between two equally long lists of scores.
package enum Correlation {
  /// Pearson's r of `x` and `y`, or nil when they differ in length, hold fewer than two values,
  /// or either is constant (the coefficient is undefined then).
  package static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
    guard x.count == y.count, x.count >= 2 else { return nil }
    let n = Double(x.count)
    let meanX = x.reduce(0, +) / n
    let meanY = y.reduce(0, +) / n
    var covariance = 0.0
    var varianceX = 0.0
    var varianceY = 0.0
    for (a, b) in zip(x, y) {
      covariance += (a - meanX) * (b - meanY)
      varianceX += (a - meanX) * (a - meanX)
      varianceY += (b - meanY) * (b - meanY)
    }
    guard varianceX > 0, varianceY > 0 else { return nil }
    let r = covariance / (varianceX * varianceY).squareRoot()
    guard r.isFinite else { return nil }
    return Swift.min(1, Swift.max(-1, r))
  }

  /// Spearman's ρ: Pearson's r of the ranks, ties given their average rank.
  package static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
    guard x.count == y.count else { return nil }
    return pearson(ranks(x), ranks(y))
  }

  /// The 1-based rank of each value in ascending order; equal values share the mean of the
  /// ranks they span (`[10, 20, 20, 30]` → `[1, 2.5, 2.5, 4]`).
  package static func ranks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
      let shared = Double(start + end) / 2 + 1
      for position in start...end { ranks[order[position]] = shared }
      start = end + 1
    }
    return ranks
  }
}

/// Numbers as the text and HTML reports show them (CSV and JSON keep full precision).
package enum ReportNumber {
  /// Six significant digits, as `%g`: `0.571429`, `4`, `1.5e-07`; `n/a` when not finite.
  package static func short(_ x: Double) -> String {
    x.isFinite ? String(format: "%.6g", x) : "n/a"
  }

  /// A correlation coefficient with two decimals, `n/a` when undefined.
  package static func coefficient(_ r: Double?) -> String {
    guard let r, r.isFinite else { return "n/a" }
    let text = String(format: "%.2f", r)
    return text == "-0.00" ? "0.00" : text
  }
}
