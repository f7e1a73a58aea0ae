// The graph drawing as inline SVG for the HTML reports: relationships as lines under the nodes,
// one circle per drawn node (sized by score, filled by community, outlined when highlighted)
// with its name as a tooltip, and a legend of the largest communities. No script, no external
// resource; every text from data is escaped.
import Foundation
import Quiver

extension GraphDrawing {
  /// Fill colours of the ten largest communities; the others share `otherColor`.
  package static let palette = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
  ]
  package static let otherColor = "#d0d7de"
  /// The fill of nodes when the report has no communities.
  package static let plainColor = "#3b6fb6"

  /// The fill colour of community rank `group`.
  package static func color(_ group: Int?) -> String {
    guard let group else { return plainColor }
    return group >= 0 && group < palette.count ? palette[group] : otherColor
  }

  /// The drawing as one `<svg class="graph">` element; `title` labels it for screen readers.
  package func svg(title: String) -> String {
    var out = "<svg class=\"graph\" viewBox=\"0 0 \(Self.f(Self.width)) \(Self.f(Self.height))\" "
      + "width=\"\(Self.f(Self.width))\" role=\"img\" aria-label=\"\(MarkupText.escape(title))\">\n"
    out += "<rect class=\"frame\" x=\"0\" y=\"0\" width=\"\(Self.f(Self.width))\" height=\"\(Self.f(Self.height))\"/>\n"
    // Highlighted relationships last, so that they are drawn over the others.
    for edge in edges.sorted(by: { !$0.highlighted && $1.highlighted }) {
      let (a, b) = (nodes[edge.from], nodes[edge.to])
      out += "<line class=\"\(edge.highlighted ? "edge-path" : "edge")\" x1=\"\(Self.f(a.x))\" y1=\"\(Self.f(a.y))\" "
        + "x2=\"\(Self.f(b.x))\" y2=\"\(Self.f(b.y))\"/>\n"
    }
    for node in nodes.sorted(by: { !$0.highlighted && $1.highlighted }) {
      out += "<circle class=\"\(node.highlighted ? "node-path" : "node")\" cx=\"\(Self.f(node.x))\" cy=\"\(Self.f(node.y))\" "
        + "r=\"\(Self.f(node.radius))\" fill=\"\(Self.color(node.group))\">"
        + "<title>\(MarkupText.escape(node.label))</title></circle>\n"
    }
    return out + "</svg>\n"
  }

  /// The colour key of the communities drawn, largest first: up to the palette's size, then
  /// "other communities"; empty when the nodes have no communities.
  package func legend(names: (Int) -> String) -> String {
    let groups = Set(nodes.compactMap(\.group)).sorted()
    guard !groups.isEmpty else { return "" }
    var items = groups.filter { $0 < Self.palette.count }.map { group in
      "<span><i style=\"background:\(Self.color(group))\"></i>\(MarkupText.escape(names(group)))</span>"
    }
    if groups.contains(where: { $0 >= Self.palette.count }) {
      items.append("<span><i style=\"background:\(Self.otherColor)\"></i>other communities</span>")
    }
    return "<p class=\"legend\">" + items.joined(separator: " ") + "</p>\n"
  }

  /// The drawing as a report page's section (id `graph`): heading, what is drawn, the legend
  /// of communities (`names` gives a community rank's name) and the SVG.
  package func htmlSection(names: ((Int) -> String)? = nil) -> String {
    var out = "<section id=\"graph\">\n<h2>Graph</h2>\n<p class=\"meta\">\(MarkupText.escape(sentence))</p>\n"
    if let names { out += legend(names: names) }
    out += "<figure>\n" + svg(title: "Graph drawing: " + sentence)
    out += "<figcaption>Force-directed layout (Fruchterman–Reingold).</figcaption>\n</figure>\n"
    return out + "</section>\n"
  }

  /// The CSS the drawing needs, added to a report page's style sheet.
  package static let style = """
    svg.graph { display: block; max-width: 100%; height: auto; }
    svg.graph .frame { fill: #fbfcfd; stroke: #eaeef2; }
    svg.graph .edge { stroke: #8c959f; stroke-opacity: 0.35; stroke-width: 0.8; }
    svg.graph .edge-path { stroke: #d1242f; stroke-width: 3; }
    svg.graph .node { stroke: #fff; stroke-width: 0.8; }
    svg.graph .node-path { stroke: #d1242f; stroke-width: 2.5; }
    .legend span { margin-right: 12px; font-size: 13px; white-space: nowrap; }
    .legend i, .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; }

    """

  private static func f(_ x: Double) -> String { SVGChart.f(x) }
}
