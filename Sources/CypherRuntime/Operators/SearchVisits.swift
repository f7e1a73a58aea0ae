// The nodes one side of a bidirectional shortest-path search has reached. On a small graph they
// sit in an array indexed by node id, which costs a fill of the whole graph per search but no
// hashing per visit; on a large one in a hash map, so that a search costs what it visits (a few
// thousand nodes between two people of a social graph), not the size of the graph.

/// How a search side reached a node: its depth from that side's end, and the node and
/// relationship it came through.
struct SearchVisit {
  var depth: Int32
  var previous: Int64
  var relationship: Int64
}

/// The nodes a search side reached, dense or hashed by the graph's size.
struct SearchVisits {
  /// Graphs up to this many node ids use the dense arrays (1.3 MB per side at most).
  static let denseLimit = 1 << 16

  /// Dense: the depth of each node (-1: not reached), read on every relationship followed and so
  /// kept apart from the (previous node, relationship) pairs, read only for the nodes reached.
  private var depths: [Int32]
  private var via: [(previous: Int64, relationship: Int64)]
  private var hashed: [Int64: SearchVisit] = [:]
  private(set) var count = 0

  init(nodeIDLimit: Int) {
    let dense = nodeIDLimit <= Self.denseLimit
    depths = dense ? Array(repeating: -1, count: nodeIDLimit) : []
    via = dense ? Array(repeating: (-1, -1), count: nodeIDLimit) : []
  }

  /// The visit of `node`, or nil when the side has not reached it. Setting records a visit
  /// (never removes one).
  subscript(node: Int64) -> SearchVisit? {
    get {
      guard !depths.isEmpty else { return hashed[node] }
      let depth = depths[Int(node)]
      guard depth >= 0 else { return nil }
      let (previous, relationship) = via[Int(node)]
      return SearchVisit(depth: depth, previous: previous, relationship: relationship)
    }
    set {
      guard let newValue else { return }
      count += 1
      if depths.isEmpty {
        hashed[node] = newValue
      } else {
        depths[Int(node)] = newValue.depth
        via[Int(node)] = (newValue.previous, newValue.relationship)
      }
    }
  }

  /// Whether the side has reached `node` (the dense depths alone, without the visit).
  func reached(_ node: Int64) -> Bool {
    depths.isEmpty ? hashed[node] != nil : depths[Int(node)] >= 0
  }
}
