// The labels of one node, held in the node's record: most nodes carry one or two labels, which
// sit inline, so a node costs no heap allocation for its labels.
import GraphCore

/// A node's interned labels in the order they were added, without repeats: the first two inline
/// (-1 where absent), any further ones in an array.
package struct NodeLabels: Sendable, RandomAccessCollection, Equatable {
  private var first: LabelID = -1
  private var second: LabelID = -1
  private var rest: [LabelID] = []

  package init() {}

  /// The labels of `ids`, in order, each once.
  package init(_ ids: some Sequence<LabelID>) {
    for id in ids where !contains(id) { append(id) }
  }

  package var startIndex: Int { 0 }
  package var endIndex: Int { first < 0 ? 0 : second < 0 ? 1 : 2 + rest.count }

  package subscript(position: Int) -> LabelID {
    switch position {
    case 0: return first
    case 1: return second
    default: return rest[position - 2]
    }
  }

  /// Adds `label` at the end (the caller checks it is not there yet).
  package mutating func append(_ label: LabelID) {
    if first < 0 {
      first = label
    } else if second < 0 {
      second = label
    } else {
      rest.append(label)
    }
  }

  /// Removes the label at `position`, keeping the others in order.
  package mutating func remove(at position: Int) {
    var all = Array(self)
    all.remove(at: position)
    self = NodeLabels()
    for l in all { append(l) }
  }

  /// Heap bytes beyond the inline pair (for footprint estimates).
  var heapBytes: Int { Footprint.array(rest) }
}
