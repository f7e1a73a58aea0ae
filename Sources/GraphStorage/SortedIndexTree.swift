// A persistent B+-tree of index entries (key, entity id), ordered by Cypher's ORDER BY order on
// the key and then by id: a property index, answering equality look-ups, ranges and prefixes.
// Copies share all nodes; a write copies only the nodes on its path, so a statement's private
// version of an index costs O(log n) per change.
import GraphCore

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

  /// Position of the first entry of this leaf not below `entry`.
  func lowerBound(of entry: IndexEntry) -> Int {
    var low = 0
    var high = entries.count
    while low < high {
      let mid = (low + high) / 2
      if IndexEntry.compare(entries[mid], entry) < 0 { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Whether the leaf entries just before and at position `i` tell that an entry has `key`: true
  /// when one of them has it, false when both exist and neither has it (the entries are sorted),
  /// nil when `i` is at an edge of the leaf and a neighbouring leaf might hold the key.
  func neighboursShare(_ key: IndexKey, around i: Int) -> Bool? {
    let hasBefore = i > 0, hasAfter = i < entries.count
    if hasBefore && IndexKey.compare(entries[i - 1].indexKey, key) == 0 { return true }
    if hasAfter && IndexKey.compare(entries[i].indexKey, key) == 0 { return true }
    return hasBefore && hasAfter ? false : nil
  }
}

/// A sorted set of index entries with cheap copies. It answers equality look-ups as well as
/// ranges (a descent of a few levels), so an index keeps each entry once.
/// - Complexity: insert and remove O(log n) (plus path copying when shared); look-ups and range
///   scans O(log n + k).
package struct SortedIndexTree: Sendable {
  private static let maxLeaf = 64
  private static let maxFanout = 64
  private var root = TreeNode()
  package private(set) var count = 0
  /// Number of distinct keys, kept as entries come and go (for the planner's estimates).
  package private(set) var distinctKeys = 0

  package init() {}

  /// A tree of `entries`, which are in ascending order without repeats, built bottom-up: full
  /// leaves, since they hold nearly all the bytes (a later insert into one splits it, as it
  /// would a leaf filled by inserts), and inner nodes three quarters full, so that later splits
  /// below them rarely split them too.
  /// - Complexity: O(n), where inserting one by one costs O(n log n).
  init(sorted entries: [IndexEntry]) {
    count = entries.count
    guard !entries.isEmpty else { return }
    // A key's entries are next to each other: counting distinct keys compares neighbours.
    distinctKeys = 1
    for i in entries.indices.dropFirst() where IndexKey.compare(entries[i - 1].indexKey, entries[i].indexKey) != 0 {
      distinctKeys += 1
    }
    let leafFill = Self.maxLeaf, fanoutFill = Self.maxFanout * 3 / 4
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
    let (inserted, keyShared, split) = Self.insert(entry, into: root, rightmost: true)
    if let (separator, right) = split {
      root = TreeNode(children: [root, right], separators: [separator])
    }
    guard inserted else { return false }
    count += 1
    if !(keyShared ?? hasEntry(entry.indexKey, otherThan: entry.id)) { distinctKeys += 1 }
    return true
  }

  /// Removes `entry`; returns false when it was not present. Nodes are not merged: the tree stays
  /// correct, and emptied leaves cost only their place.
  @discardableResult
  package mutating func remove(_ entry: IndexEntry) -> Bool {
    if !isKnownUniquelyReferenced(&root) { root = root.copy() }
    let (removed, keyRemains) = Self.remove(entry, from: root)
    guard removed else { return false }
    count -= 1
    if !(keyRemains ?? hasEntry(entry.indexKey, otherThan: entry.id)) { distinctKeys -= 1 }
    return true
  }

  /// Ids of entries whose key lies between `lower` and `upper` (each optional, inclusive or not),
  /// in key order. A key shorter than the index's compares as a prefix.
  package func ids(from lower: [Value]?, inclusive lowerInclusive: Bool = true, to upper: [Value]?, inclusive upperInclusive: Bool = true) -> [Int64] {
    var out: [Int64] = []
    let range = Bounds(lower: lower, lowerInclusive: lowerInclusive, upper: upper, upperInclusive: upperInclusive)
    _ = Self.scan(root, range) { out.append($0.id); return true }
    return out
  }

  /// Ids of entries whose key is equivalent to `key` (1 and 1.0 are one key), in id order.
  package func ids(equalTo key: [Value]) -> [Int64] {
    var out: [Int64] = []
    let range = Bounds(lower: key, lowerInclusive: true, upper: key, upperInclusive: true)
    _ = Self.scan(root, range) { e in
      if e.indexKey.isEquivalent(to: key) { out.append(e.id) }
      return true
    }
    return out
  }

  /// Whether an entry other than `id` has `key`.
  private func hasEntry(_ key: IndexKey, otherThan id: Int64) -> Bool {
    var found = false
    let values = key.values
    _ = Self.scan(root, Bounds(lower: values, lowerInclusive: true, upper: values, upperInclusive: true)) { e in
      found = e.id != id && IndexKey.compare(e.indexKey, key) == 0
      return !found
    }
    return found
  }

  /// Number of distinct keys counted entry by entry (to check the kept count).
  var countedDistinctKeys: Int {
    var n = 0
    var previous: IndexKey?
    Self.walk(root) { e in
      if let p = previous, IndexKey.compare(p, e.indexKey) == 0 {} else { n += 1 }
      previous = e.indexKey
    }
    return n
  }

  /// Heap bytes of the tree: its nodes (object and arrays, by capacity) and the value arrays of
  /// composite keys (separators share theirs with the entries), for the footprint estimate.
  var heapBytes: Int { Self.heapBytes(root) }

  private static func heapBytes(_ node: TreeNode) -> Int {
    // An object: a 16-byte header and three array references, rounded up to 16.
    var bytes = 48 + Footprint.array(node.entries) + Footprint.array(node.children) + Footprint.array(node.separators)
    for e in node.entries {
      if case .composite(let values) = e.indexKey { bytes += Footprint.array(values) }
    }
    for c in node.children { bytes += heapBytes(c) }
    return bytes
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

  /// Inserts into the subtree at `node` (`rightmost` when it is the last node of its level).
  /// Also says whether another entry has the same key, when the leaf's neighbours of the new
  /// entry tell (nil when they do not), and returns the node split off, if any, with its
  /// smallest entry.
  ///
  /// A full node splits in half, except when the new entry went past the end of the last node of
  /// its level, as ascending keys do (ids, an import in key order): then the new entry alone moves
  /// right, so such a build leaves full nodes, where halving would leave them half empty. The
  /// part kept is copied to an array of its own size, which the insert had grown to twice that.
  private static func insert(_ entry: IndexEntry, into node: TreeNode, rightmost: Bool) -> (Bool, Bool?, (IndexEntry, TreeNode)?) {
    if node.isLeaf {
      let low = node.lowerBound(of: entry)
      let n = node.entries.count
      if low < n && IndexEntry.compare(node.entries[low], entry) == 0 { return (false, true, nil) }
      let keyShared = node.neighboursShare(entry.indexKey, around: low)
      node.entries.insert(entry, at: low)
      guard node.entries.count > maxLeaf else { return (true, keyShared, nil) }
      let half = rightmost && low == n ? n : node.entries.count / 2
      let right = TreeNode(entries: Array(node.entries[half...]))
      node.entries = Array(node.entries[..<half])
      return (true, keyShared, (right.entries[0], right))
    }
    let i = node.childIndex(for: entry)
    if !isKnownUniquelyReferenced(&node.children[i]) { node.children[i] = node.children[i].copy() }
    let last = rightmost && i == node.children.count - 1
    let (inserted, keyShared, split) = insert(entry, into: node.children[i], rightmost: last)
    guard let (separator, right) = split else { return (inserted, keyShared, nil) }
    node.separators.insert(separator, at: i)
    node.children.insert(right, at: i + 1)
    guard node.children.count > maxFanout else { return (inserted, keyShared, nil) }
    let half = last ? node.children.count - 1 : node.children.count / 2
    let up = node.separators[half - 1]
    let sibling = TreeNode(children: Array(node.children[half...]), separators: Array(node.separators[half...]))
    node.children = Array(node.children[..<half])
    node.separators = Array(node.separators[..<(half - 1)])
    return (inserted, keyShared, (up, sibling))
  }

  /// Removes from the subtree at `node`; also says whether another entry keeps the key, when the
  /// leaf's neighbours tell (nil when they do not).
  private static func remove(_ entry: IndexEntry, from node: TreeNode) -> (Bool, Bool?) {
    if node.isLeaf {
      let i = node.lowerBound(of: entry)
      guard i < node.entries.count && IndexEntry.compare(node.entries[i], entry) == 0 else { return (false, true) }
      node.entries.remove(at: i)
      return (true, node.neighboursShare(entry.indexKey, around: i))
    }
    let i = node.childIndex(for: entry)
    if !isKnownUniquelyReferenced(&node.children[i]) { node.children[i] = node.children[i].copy() }
    return remove(entry, from: node.children[i])
  }

  /// Calls `body` on the entries within `range` in order until it returns false; returns false
  /// once stopped (by `body` or by passing the upper bound).
  private static func scan(_ node: TreeNode, _ range: Bounds, _ body: (IndexEntry) -> Bool) -> Bool {
    if node.isLeaf {
      // Entries below the lower bound come first: a binary search skips them.
      var low = 0
      var high = node.entries.count
      if range.lower != nil {
        while low < high {
          let mid = (low + high) / 2
          if range.belowLower(node.entries[mid].indexKey) { low = mid + 1 } else { high = mid }
        }
      }
      while low < node.entries.count {
        let e = node.entries[low]
        guard !range.aboveUpper(e.indexKey), body(e) else { return false }
        low += 1
      }
      return true
    }
    // Child i holds entries below separator i: skip the children whose separator is below the
    // lower bound, and stop at the first child whose smallest entry is above the upper bound.
    var start = 0
    if let lower = range.lower {
      var high = node.separators.count
      while start < high {
        let mid = (start + high) / 2
        if node.separators[mid].indexKey.compare(prefixOf: lower) < 0 { start = mid + 1 } else { high = mid }
      }
    }
    for i in start..<node.children.count {
      if i > 0 && range.aboveUpper(node.separators[i - 1].indexKey) { return false }
      if !scan(node.children[i], range, body) { return false }
    }
    return true
  }
}

/// The bounds of a range scan: each optional, inclusive or not, compared with a key's prefix.
private struct Bounds {
  let lower: [Value]?
  let lowerInclusive: Bool
  let upper: [Value]?
  let upperInclusive: Bool

  func belowLower(_ key: IndexKey) -> Bool {
    guard let lower else { return false }
    let c = key.compare(prefixOf: lower)
    return lowerInclusive ? c < 0 : c <= 0
  }

  func aboveUpper(_ key: IndexKey) -> Bool {
    guard let upper else { return false }
    let c = key.compare(prefixOf: upper)
    return upperInclusive ? c > 0 : c >= 0
  }
}
