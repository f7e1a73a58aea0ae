// The planned form of a MATCH's SEARCH subclause: per input row, the k nearest neighbours of the
// query vector in a vector index, each bound to the MATCH's binding variable (and its score to
// the SCORE AS variable) before the rest of the pattern is matched from it.
import GraphCore

/// A vector index search that binds entities for a MATCH pattern.
package struct VectorSearchSpec: Sendable {
  /// The vector index, as written.
  package var index: String
  /// Whether the binding variable is a node (else a relationship).
  package var onNodes: Bool
  /// The query vector (a list of numbers; null finds nothing).
  package var query: PlanExpression
  /// The number of neighbours: an integer in 0...2147483647.
  package var limit: PlanExpression
  /// The slot of the binding variable.
  package var slot: Int
  /// The slot of the SCORE AS variable, if any.
  package var scoreSlot: Int?
  /// The properties the SEARCH's WHERE filters on, which the index must hold as additional
  /// properties for filtering.
  package var filterKeys: [String]

  package init(
    index: String, onNodes: Bool, query: PlanExpression, limit: PlanExpression, slot: Int, scoreSlot: Int?, filterKeys: [String]
  ) {
    self.index = index
    self.onNodes = onNodes
    self.query = query
    self.limit = limit
    self.slot = slot
    self.scoreSlot = scoreSlot
    self.filterKeys = filterKeys
  }
}
