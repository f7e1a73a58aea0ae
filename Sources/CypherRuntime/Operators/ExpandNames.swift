// The names an expand matches on, interned against the statement's store when first needed.
import CypherPlanner
import GraphCore
import GraphStorage

/// An expand's relationship types and the labels its reached node must carry, interned against
/// the statement's store on first use. A name that does not exist yet is looked up again next
/// time, since the statement may create it. Cursors hold it `@exclusivity(unchecked)`: a cursor
/// runs on its statement's one thread, and the per-row label check would otherwise pay a dynamic
/// access check each time.
struct ExpandNames {
  private let typeNames: [String]?
  private let labelNames: [String]
  private var typeIDs: [TypeID]?
  private var typesResolved = false
  private var labelIDs: [LabelID]?

  init(_ spec: ExpandSpec) {
    typeNames = spec.types
    labelNames = spec.toLabels
  }

  /// Whether the reached node has labels to check.
  var checksLabels: Bool { !labelNames.isEmpty }

  /// The interned types (nil: every type); fewer than named while some do not exist.
  mutating func types(_ store: GraphStore) -> [TypeID]? {
    if typesResolved { return typeIDs }
    typeIDs = store.resolve(types: typeNames)
    typesResolved = typeNames == nil || typeIDs?.count == typeNames?.count
    return typeIDs
  }

  /// Whether `node` carries every label the reached node must have (call only when
  /// `checksLabels`; a label that does not exist yet matches nothing).
  mutating func reaches(_ node: Int64, _ store: GraphStore) -> Bool {
    if labelIDs == nil { labelIDs = store.resolve(labels: labelNames) }
    guard let labelIDs else { return false }
    return store.hasLabels(node, labelIDs)
  }
}
