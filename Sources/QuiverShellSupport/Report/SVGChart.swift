// Inline SVG charts for the HTML report, drawn from plain numbers with no script and no
// external resource: horizontal bars (a top-k list), vertical bars (a histogram), a log-log
// scatter plot and a correlation heat map with its colour legend. Every text that comes from
// data is escaped; sizes are in a viewBox so the charts scale with the page.
import Foundation
import Quiver

/// SVG chart markup.
package enum SVGChart {
  /// One bar: its label and value.
  package struct Bar: Sendable {
    package var label: String
    package var value: Double

    package init(label: String, value: Double) {
      self.label = label
      self.value = value
    }
  }

  static let width = 760.0

  /// Horizontal bars, largest first as given, labels on the left, values at the bar ends and
  /// an x axis titled `axisTitle`.
  package static func horizontalBars(_ bars: [Bar], axisTitle: String) -> String {
    let (left, right, top, row) = (210.0, 70.0, 12.0, 24.0)
    let plot = width - left - right
    let height = top + row * Double(bars.count) + 48
    let ticks = niceTicks(upTo: bars.map(\.value).filter(\.isFinite).max() ?? 0)
    let scale = plot / (ticks.last ?? 1)
    var out = open(height: height, title: "Bar chart: " + axisTitle)
    for tick in ticks {
      let x = left + tick * scale
      out += line(x, top, x, top + row * Double(bars.count), "grid")
      out += text(ReportNumber.short(tick), x: x, y: top + row * Double(bars.count) + 16, anchor: "middle", style: "tick")
    }
    for (index, bar) in bars.enumerated() {
      let y = top + row * Double(index)
      let length = bar.value.isFinite ? max(0, bar.value * scale) : 0
      out += "<rect class=\"bar\" x=\"\(f(left))\" y=\"\(f(y + 4))\" width=\"\(f(length))\" height=\"\(f(row - 8))\">"
        + "<title>\(MarkupText.escape(bar.label)): \(ReportNumber.short(bar.value))</title></rect>\n"
      out += text(truncated(bar.label, 30), x: left - 8, y: y + row / 2 + 4, anchor: "end", style: "label")
      out += text(ReportNumber.short(bar.value), x: left + length + 6, y: y + row / 2 + 4, anchor: "start", style: "value")
    }
    out += line(left, top, left, top + row * Double(bars.count), "axis")
    out += text(axisTitle, x: left + plot / 2, y: height - 8, anchor: "middle", style: "axis-title")
    return out + "</svg>\n"
  }

  /// Vertical bars of counts with a label under each (every n-th when crowded) and titled axes.
  package static func columns(_ bars: [Bar], xTitle: String, yTitle: String) -> String {
    let (left, right, top, bottom) = (64.0, 16.0, 12.0, 56.0)
    let height = 320.0
    let plot = (width: width - left - right, height: height - top - bottom)
    let ticks = niceTicks(upTo: bars.map(\.value).max() ?? 0)
    let scale = plot.height / (ticks.last ?? 1)
    let slot = plot.width / Double(max(1, bars.count))
    let every = max(1, Int((Double(bars.count) / 20).rounded(.up)))
    var out = open(height: height, title: "Histogram: \(yTitle) by \(xTitle)")
    for tick in ticks {
      let y = top + plot.height - tick * scale
      out += line(left, y, left + plot.width, y, "grid")
      out += text(ReportNumber.short(tick), x: left - 6, y: y + 4, anchor: "end", style: "tick")
    }
    for (index, bar) in bars.enumerated() {
      let x = left + slot * Double(index)
      // A non-zero count stays visible however tall the largest bar is.
      let h = bar.value > 0 ? max(1.5, bar.value * scale) : 0
      out += "<rect class=\"bar\" x=\"\(f(x + slot * 0.1))\" y=\"\(f(top + plot.height - h))\" width=\"\(f(slot * 0.8))\" "
        + "height=\"\(f(h))\"><title>\(MarkupText.escape(bar.label)): \(ReportNumber.short(bar.value))</title></rect>\n"
      if index % every == 0 {
        out += text(bar.label, x: x + slot / 2, y: top + plot.height + 16, anchor: "middle", style: "tick")
      }
    }
    out += axes(left: left, top: top, plot: plot, height: height, xTitle: xTitle, yTitle: yTitle)
    return out + "</svg>\n"
  }

  /// Points (x, y > 0) on logarithmic axes with a tick per power of ten.
  package static func logLog(_ points: [(x: Double, y: Double)], xTitle: String, yTitle: String) -> String {
    let (left, right, top, bottom) = (64.0, 24.0, 12.0, 56.0)
    let height = 340.0
    let plot = (width: width - left - right, height: height - top - bottom)
    let shown = points.filter { $0.x > 0 && $0.y > 0 && $0.x.isFinite && $0.y.isFinite }
    let xs = decades(shown.map(\.x))
    let ys = decades(shown.map(\.y))
    func px(_ x: Double) -> Double { left + (log10(x) - xs.lowerBound) / (xs.upperBound - xs.lowerBound) * plot.width }
    func py(_ y: Double) -> Double {
      top + plot.height - (log10(y) - ys.lowerBound) / (ys.upperBound - ys.lowerBound) * plot.height
    }
    var out = open(height: height, title: "Log-log plot: \(yTitle) by \(xTitle)")
    for e in stride(from: xs.lowerBound, through: xs.upperBound, by: 1) {
      let x = px(pow(10, e))
      out += line(x, top, x, top + plot.height, "grid")
      out += text(power(e), x: x, y: top + plot.height + 16, anchor: "middle", style: "tick")
    }
    for e in stride(from: ys.lowerBound, through: ys.upperBound, by: 1) {
      let y = py(pow(10, e))
      out += line(left, y, left + plot.width, y, "grid")
      out += text(power(e), x: left - 6, y: y + 4, anchor: "end", style: "tick")
    }
    for point in shown {
      out += "<circle class=\"dot\" cx=\"\(f(px(point.x)))\" cy=\"\(f(py(point.y)))\" r=\"3.5\">"
        + "<title>\(ReportNumber.short(point.x)): \(ReportNumber.short(point.y))</title></circle>\n"
    }
    out += axes(left: left, top: top, plot: plot, height: height, xTitle: xTitle, yTitle: yTitle)
    return out + "</svg>\n"
  }

  /// A square matrix of coefficients in [-1, 1] as coloured cells (blue negative, red
  /// positive) with the value in each, names along both sides and a colour legend; `id` names
  /// the legend's gradient and must be unique in the page.
  package static func heatMap(names: [String], matrix: [[Double?]], title: String, id: String) -> String {
    let cell = 64.0
    let longest = Double(min(24, names.map(\.count).max() ?? 0))
    let left = 12 + 7 * longest
    // Column names are written slanted, so that long ones do not run into each other.
    let top = 16 + 4.5 * longest
    let size = cell * Double(names.count)
    let legendX = left + size + 28
    let height = max(top + size, top + 170) + 8
    var out = open(height: height, width: legendX + 90, title: title)
    for (j, name) in names.enumerated() {
      let x = left + cell * (Double(j) + 0.5)
      out += "<text class=\"label\" transform=\"translate(\(f(x - 4)) \(f(top - 8))) rotate(-40)\" text-anchor=\"start\">"
        + "\(MarkupText.escape(truncated(name, 24)))</text>\n"
    }
    for (i, name) in names.enumerated() {
      let y = top + cell * Double(i)
      out += text(truncated(name, 24), x: left - 8, y: y + cell / 2 + 4, anchor: "end", style: "label")
      for (j, r) in (i < matrix.count ? matrix[i] : []).enumerated() {
        let x = left + cell * Double(j)
        out += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cell))\" height=\"\(f(cell))\" fill=\"\(color(r))\" "
          + "stroke=\"#fff\"><title>\(MarkupText.escape(name)) / \(MarkupText.escape(names[j])): "
          + "\(ReportNumber.coefficient(r))</title></rect>\n"
        let ink = (r.map(abs) ?? 0) > 0.6 ? "cell-dark" : "cell"
        out += text(ReportNumber.coefficient(r), x: x + cell / 2, y: y + cell / 2 + 5, anchor: "middle", style: ink)
      }
    }
    let gradient = "gradient-" + id
    out += "<defs><linearGradient id=\"\(gradient)\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">"
      + "<stop offset=\"0\" stop-color=\"\(color(1))\"/><stop offset=\"0.5\" stop-color=\"\(color(0))\"/>"
      + "<stop offset=\"1\" stop-color=\"\(color(-1))\"/></linearGradient></defs>\n"
    out += "<rect x=\"\(f(legendX))\" y=\"\(f(top))\" width=\"16\" height=\"140\" fill=\"url(#\(gradient))\" stroke=\"#999\"/>\n"
    for (value, offset) in [(1.0, 0.0), (0.0, 70.0), (-1.0, 140.0)] {
      out += text(ReportNumber.coefficient(value), x: legendX + 22, y: top + offset + 4, anchor: "start", style: "tick")
    }
    out += text("n/a: undefined", x: legendX, y: top + 162, anchor: "start", style: "tick")
    return out + "</svg>\n"
  }

  /// The colour of coefficient `r`: white at 0, towards red at 1 and blue at -1; grey for nil.
  package static func color(_ r: Double?) -> String {
    guard let r, r.isFinite else { return "#e5e5e5" }
    let t = min(1, abs(r))
    let (red, green, blue) = r >= 0 ? (214.0, 39.0, 40.0) : (31.0, 119.0, 180.0)
    func mix(_ c: Double) -> Int { Int((255 + (c - 255) * t).rounded()) }
    return String(format: "#%02x%02x%02x", mix(red), mix(green), mix(blue))
  }

  /// Round tick values from 0 to at least `maximum`: about five steps of 1, 2 or 5 × 10^k.
  package static func niceTicks(upTo maximum: Double) -> [Double] {
    guard maximum > 0, maximum.isFinite else { return [0, 1] }
    let raw = maximum / 5
    let magnitude = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
    let count = Int((maximum / step).rounded(.up))
    return (0...max(1, count)).map { Double($0) * step }
  }

  /// The whole powers of ten (as exponents) around `values`, at least one decade wide.
  private static func decades(_ values: [Double]) -> ClosedRange<Double> {
    guard let low = values.min(), let high = values.max() else { return 0...1 }
    let from = floor(log10(low))
    return from...max(from + 1, ceil(log10(high)))
  }

  private static func power(_ exponent: Double) -> String {
    let e = Int(exponent)
    return e >= 0 && e <= 4 ? String(Int(pow(10, exponent))) : "1e\(e)"
  }

  private static func open(height: Double, width: Double = width, title: String) -> String {
    "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" "
      + "width=\"\(f(width))\" role=\"img\" aria-label=\"\(MarkupText.escape(title))\">\n"
  }

  private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ style: String) -> String {
    "<line class=\"\(style)\" x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\"/>\n"
  }

  private static func text(_ content: String, x: Double, y: Double, anchor: String, style: String) -> String {
    "<text class=\"\(style)\" x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\">\(MarkupText.escape(content))</text>\n"
  }

  /// The x axis under and the y axis left of the plot area at (`left`, `top`), with `xTitle`
  /// at the bottom of a chart `height` tall and `yTitle` written upwards along the left edge.
  private static func axes(
    left: Double, top: Double, plot: (width: Double, height: Double), height: Double, xTitle: String, yTitle: String
  ) -> String {
    line(left, top + plot.height, left + plot.width, top + plot.height, "axis")
      + line(left, top, left, top + plot.height, "axis")
      + text(xTitle, x: left + plot.width / 2, y: height - 10, anchor: "middle", style: "axis-title")
      + verticalTitle(yTitle, x: 16, y: top + plot.height / 2)
  }

  private static func verticalTitle(_ content: String, x: Double, y: Double) -> String {
    "<text class=\"axis-title\" transform=\"translate(\(f(x)) \(f(y))) rotate(-90)\" text-anchor=\"middle\">"
      + "\(MarkupText.escape(content))</text>\n"
  }

  private static func truncated(_ text: String, _ limit: Int) -> String {
    text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
  }

  /// A coordinate with at most one decimal.
  static func f(_ x: Double) -> String {
    let tenths = (x * 10).rounded()
    return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
  }
}
