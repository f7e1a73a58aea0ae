// The direction in which a pattern follows relationships from a node; shared by the planner's
// operators and the store's adjacency look-ups.

/// Which relationships of a node to follow.
package enum Direction: Sendable, Hashable {
  case outgoing, incoming, both

  /// The same relationships seen from the other end.
  package var reversed: Direction {
    switch self {
    case .outgoing: return .incoming
    case .incoming: return .outgoing
    case .both: return .both
    }
  }
}
