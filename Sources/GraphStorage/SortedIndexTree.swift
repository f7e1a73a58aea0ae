// A persistent B+-tree of index entries (key, entity id), ordered by Cypher's ORDER BY order on
// the key and then by id. Copies share all nodes; a write copies only the nodes on its path, so a
// statement's private version of an index costs O(log n) per change.
import GraphCore

/// One entry of a property index: the indexed values (one per indexed property) and the id.
package struct IndexEntry: Sendable {
  package let key: [Value]
  package let id: Int64

  package init(key: [Value], id: Int64) {
    self.key = key
    self.id = id
  }

  /// Orders by key (element by element, ORDER BY order), then by id.
  static func compare(_ a: IndexEntry, _ b: IndexEntry) -> Int {
    let c = compareKeys(a.key, b.key)
    if c != 0 { return c }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }

  static func compareKeys(_ a: [Value], _ b: [Value]) -> Int {
    for (x, y) in zip(a, b) {
      let c = x.orderCompare(y)
      if c != 0 { return c }
    }
    return a.count < b.count ? -1 : a.count > b.count ? 1 : 0
  }
}

/// A node of the tree: a leaf holds entries, an inner node holds children and, for each child
/// after the first, the smallest entry that child held when it was split off.
private final class TreeNode: @unchecked Sendable {
  var entries: [IndexEntry]
  var children: [TreeNode]
  var separators: [IndexEntry]

  init(entries: [IndexEntry] = [], children: [TreeNode] = [], separators: [IndexEntry] = []) {
    self.entries = entries
    self.children = children
    self.separators = separators
  }

  var isLeaf: Bool { children.isEmpty }

  func copy() -> TreeNode { TreeNode(entries: entries, children: children, separators: separators) }

  /// Index of the child whose range holds `entry`.
  func childIndex(for entry: IndexEntry) -> Int {
    var low = 0
    var high = separators.count
    while low < high {
      let mid = (low + high) / 2
      if IndexEntry.compare(separators[mid], entry) <= 0 { low = mid + 1 } else { high = mid }
    }
    return low
  }
}

/// A sorted set of index entries with cheap copies.
/// - Complexity: insert and remove O(log n) (plus path copying when shared); range scans
///   O(log n + k).
package struct SortedIndexTree: Sendable {
  private static let maxLeaf = 64
  private static let maxFanout = 64
  private var root = TreeNode()
  package private(set) var count = 0

  package init() {}

  /// A tree of `entries`, which are in ascending order without repeats, built bottom-up: leaves
  /// and inner nodes three quarters full, so that later inserts split few of them.
  /// - Complexity: O(n), where inserting one by one costs O(n log n).
  init(sorted entries: [IndexEntry]) {
    count = entries.count
    guard !entries.isEmpty else { return }
    let leafFill = Self.maxLeaf * 3 / 4, fanoutFill = Self.maxFanout * 3 / 4
    var level = stride(from: 0, to: entries.count, by: leafFill).map {
      (first: entries[$0], node: TreeNode(entries: Array(entries[$0..<min($0 + leafFill, entries.count)])))
    }
    while level.count > 1 {
      level = stride(from: 0, to: level.count, by: fanoutFill).map {
        let group = level[$0..<min($0 + fanoutFill, level.count)]
        let node = TreeNode(children: group.map(\.node), separators: group.dropFirst().map(\.first))
        return (first: group[group.startIndex].first, node: node)
      }
    }
    root = level[0].node
  }

  /// Adds `entry`; returns false when it was already present.
  @discardableResult
  package mutating func insert(_ entry: IndexEntry) -> Bool {
    if !isKnownUniquelyReferenced(&root) { root = root.copy() }
    let (inserted, split) = Self.insert(entry, into: root)
    if let (separator, right) = split {
      root = TreeNode(children: [root, right], separators: [separator])
    }
    if inserted { count += 1 }
    return inserted
  }

  /// Removes `entry`; returns false when it was not present. Nodes are not merged: the tree stays
  /// correct, and emptied leaves cost only their place.
  @discardableResult
  package mutating func remove(_ entry: IndexEntry) -> Bool {
    if !isKnownUniquelyReferenced(&root) { root = root.copy() }
    let removed = Self.remove(entry, from: root)
    if removed { count -= 1 }
    return removed
  }

  /// Ids of entries whose key lies between `lower` and `upper` (each optional, inclusive or not),
  /// in key order. A key shorter than the index's compares as a prefix.
  package func ids(from lower: [Value]?, inclusive lowerInclusive: Bool = true, to upper: [Value]?, inclusive upperInclusive: Bool = true) -> [Int64] {
    var out: [Int64] = []
    Self.collect(root, lower, lowerInclusive, upper, upperInclusive, into: &out)
    return out
  }

  /// Ids of entries whose key equals `key`.
  package func ids(equalTo key: [Value]) -> [Int64] {
    ids(from: key, to: key)
  }

  /// Number of distinct keys (for the planner's selectivity estimates).
  package var distinctKeys: Int {
    var n = 0
    var previous: [Value]?
    Self.walk(root) { e in
      if previous == nil || IndexEntry.compareKeys(previous ?? [], e.key) != 0 { n += 1 }
      previous = e.key
    }
    return n
  }

  /// Every entry in order.
  package var entries: [IndexEntry] {
    var out: [IndexEntry] = []
    Self.walk(root) { out.append($0) }
    return out
  }

  private static func walk(_ node: TreeNode, _ body: (IndexEntry) -> Void) {
    if node.isLeaf {
      node.entries.forEach(body)
    } else {
      for c in node.children { walk(c, body) }
    }
  }

  private static func insert(_ entry: IndexEntry, into node: TreeNode) -> (Bool, (IndexEntry, TreeNode)?) {
    if node.isLeaf {
      var low = 0
      var high = node.entries.count
      while low < high {
        let mid = (low + high) / 2
        if IndexEntry.compare(node.entries[mid], entry) < 0 { low = mid + 1 } else { high = mid }
      }
      if low < node.entries.count && IndexEntry.compare(node.entries[low], entry) == 0 { return (false, nil) }
      node.entries.insert(entry, at: low)
      guard node.entries.count > maxLeaf else { return (true, nil) }
      let half = node.entries.count / 2
      let right = TreeNode(entries: Array(node.entries[half...]))
      node.entries.removeSubrange(half...)
      return (true, (right.entries[0], right))
    }
    let i = node.childIndex(for: entry)
    if !isKnownUniquelyReferenced(&node.children[i]) { node.children[i] = node.children[i].copy() }
    let (inserted, split) = insert(entry, into: node.children[i])
    guard let (separator, right) = split else { return (inserted, nil) }
    node.separators.insert(separator, at: i)
    node.children.insert(right, at: i + 1)
    guard node.children.count > maxFanout else { return (inserted, nil) }
    let half = node.children.count / 2
    let up = node.separators[half - 1]
    let sibling = TreeNode(children: Array(node.children[half...]), separators: Array(node.separators[half...]))
    node.children.removeSubrange(half...)
    node.separators.removeSubrange((half - 1)...)
    return (inserted, (up, sibling))
  }

  private static func remove(_ entry: IndexEntry, from node: TreeNode) -> Bool {
    if node.isLeaf {
      guard let i = node.entries.firstIndex(where: { IndexEntry.compare($0, entry) == 0 }) else { return false }
      node.entries.remove(at: i)
      return true
    }
    let i = node.childIndex(for: entry)
    if !isKnownUniquelyReferenced(&node.children[i]) { node.children[i] = node.children[i].copy() }
    return remove(entry, from: node.children[i])
  }

  private static func collect(
    _ node: TreeNode, _ lower: [Value]?, _ lowerInclusive: Bool, _ upper: [Value]?, _ upperInclusive: Bool,
    into out: inout [Int64]
  ) {
    func aboveLower(_ key: [Value]) -> Bool {
      guard let lower else { return true }
      let c = IndexEntry.compareKeys(Array(key.prefix(lower.count)), lower)
      return lowerInclusive ? c >= 0 : c > 0
    }
    func belowUpper(_ key: [Value]) -> Bool {
      guard let upper else { return true }
      let c = IndexEntry.compareKeys(Array(key.prefix(upper.count)), upper)
      return upperInclusive ? c <= 0 : c < 0
    }
    if node.isLeaf {
      for e in node.entries where aboveLower(e.key) && belowUpper(e.key) { out.append(e.id) }
      return
    }
    for (i, child) in node.children.enumerated() {
      // Skip children entirely below the lower bound or above the upper bound.
      if i + 1 < node.children.count, let lower {
        let c = IndexEntry.compareKeys(Array(node.separators[i].key.prefix(lower.count)), lower)
        if c < 0 { continue }
      }
      if i > 0, let upper {
        let c = IndexEntry.compareKeys(Array(node.separators[i - 1].key.prefix(upper.count)), upper)
        if c > 0 || (c == 0 && !upperInclusive) { break }
      }
      collect(child, lower, lowerInclusive, upper, upperInclusive, into: &out)
    }
  }
}
