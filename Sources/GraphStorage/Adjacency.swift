// The relationships of one node in one direction, grouped by relationship type: the adjacency
// delta, holding what was created since the store's compact rows (AdjacencyBase) were built.
import GraphCore

/// Relationships of one node in one direction, grouped by relationship type. Most nodes have
/// relationships of one type per direction, so the first type's list is held inline and the
/// others in a short array scanned by type id: finding a list hashes nothing and, for the common
/// node, follows no pointer beyond the list itself.
package struct Adjacency: Sendable {
  /// One type's list.
  struct TypedList: Sendable {
    var type: TypeID
    var entries: [AdjacentRelationship]
  }

  /// The type of `first` (-1 while the node has no relationships in this direction).
  private var firstType: TypeID = -1
  private var first: [AdjacentRelationship] = []
  /// The lists of the other types, in ascending type order, none empty.
  private var others: [TypedList] = []

  package var isEmpty: Bool { firstType < 0 }
  package var count: Int { others.reduce(first.count) { $0 + $1.entries.count } }

  /// Whether the lists hold heap storage (also once emptied by removals).
  var holdsStorage: Bool { first.capacity > 0 || others.capacity > 0 }

  /// Heap bytes of the lists (for footprint estimates).
  var heapBytes: Int {
    others.reduce(Footprint.array(first) + Footprint.array(others)) { $0 + Footprint.array($1.entries) }
  }

  /// The entries of one type, in insertion order (shared, not copied).
  package func list(of type: TypeID) -> [AdjacentRelationship] {
    if type == firstType { return first }
    for l in others where l.type == type { return l.entries }
    return []
  }

  /// Every type's list, in ascending type order.
  package var lists: [(type: TypeID, entries: [AdjacentRelationship])] {
    var out = others.map { (type: $0.type, entries: $0.entries) }
    if firstType >= 0 {
      let at = out.firstIndex { $0.type > firstType } ?? out.count
      out.insert((firstType, first), at: at)
    }
    return out
  }

  mutating func add(_ rel: Int64, type: TypeID, neighbour: Int64) {
    let entry = AdjacentRelationship(id: rel, neighbour: neighbour)
    if firstType < 0 { firstType = type }
    if type == firstType {
      first.append(entry)
      return
    }
    if let i = others.firstIndex(where: { $0.type >= type }) {
      if others[i].type == type {
        others[i].entries.append(entry)
      } else {
        others.insert(TypedList(type: type, entries: [entry]), at: i)
      }
    } else {
      others.append(TypedList(type: type, entries: [entry]))
    }
  }

  /// Appends `entries`, all of relationships of `type`, growing the list at most once (an empty
  /// list takes the array as it is).
  mutating func add(_ entries: [AdjacentRelationship], type: TypeID) {
    if firstType < 0 { firstType = type }
    if type == firstType {
      if first.isEmpty { first = entries } else { first.append(contentsOf: entries) }
      return
    }
    if let i = others.firstIndex(where: { $0.type >= type }) {
      if others[i].type == type {
        others[i].entries.append(contentsOf: entries)
      } else {
        others.insert(TypedList(type: type, entries: entries), at: i)
      }
    } else {
      others.append(TypedList(type: type, entries: entries))
    }
  }

  mutating func remove(_ rel: Int64, type: TypeID) {
    if type == firstType {
      guard let i = first.lastIndex(where: { $0.id == rel }) else { return }
      first.remove(at: i)
      if first.isEmpty {
        // The next type's list moves inline.
        if others.isEmpty {
          firstType = -1
        } else {
          let next = others.removeFirst()
          firstType = next.type
          first = next.entries
        }
      }
      return
    }
    guard let l = others.firstIndex(where: { $0.type == type }),
      let i = others[l].entries.lastIndex(where: { $0.id == rel })
    else { return }
    others[l].entries.remove(at: i)
    if others[l].entries.isEmpty { others.remove(at: l) }
  }

  /// All entries (types in ascending order), or only those of the given types, in insertion
  /// order per type.
  package func entries(types: [TypeID]?) -> [AdjacentRelationship] {
    if let types {
      // One type: hand out the stored list itself (shared, not copied).
      if types.count == 1 { return list(of: types[0]) }
      var out: [AdjacentRelationship] = []
      for t in types { out.append(contentsOf: list(of: t)) }
      return out
    }
    if others.isEmpty { return first }
    return lists.flatMap(\.entries)
  }
}
