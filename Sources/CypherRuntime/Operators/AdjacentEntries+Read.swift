// Reading one entry of a node's relationships inside the runtime's module, where the optimizer
// inlines it into the cursors' loops.
import GraphStorage

extension AdjacentEntries {
  /// The entry at `i`, as the view's subscript gives it, read without a call into GraphStorage
  /// (which, per entry, retained and released the view's arrays).
  @inline(__always)
  func entry(_ i: Int) -> AdjacentRelationship {
    inRows ? AdjacentRelationship(id: Int64(ids[i]), neighbour: Int64(neighbours[i])) : list[i]
  }
}
