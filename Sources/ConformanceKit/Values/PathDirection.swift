// How a relationship sits in a path: walked forward (from its start node) or backward. Shared by
// the comparator and the renderer so both read direction the same way.
import Quiver

/// How a relationship inside a path is oriented relative to the path's walking order.
enum PathDirection {
  /// True when `r` starts at `node`, the node the path reaches first.
  static func isForward(_ r: Relationship, from node: Node) -> Bool {
    r.startID == node.id
  }

  /// True for a relationship from a node to itself, which a path can walk either way.
  static func isLoop(_ r: Relationship) -> Bool { r.startID == r.endID }
}
