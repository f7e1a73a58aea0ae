// The names an expand matches on, as interned ids: those the store had committed when the plan
// was made come with the plan; the others are interned against the statement's store when first
// needed.
import CypherPlanner
import GraphCore
import GraphStorage

/// An expand's relationship types and the labels its reached node must carry, as ids. When the
/// plan carries the committed id of every name, nothing is looked up; otherwise the names are
/// interned against the statement's store on first use, and a name that does not exist yet is
/// looked up again next time, since the statement may create it. Cursors hold it
/// `@exclusivity(unchecked)`: a cursor runs on its statement's one thread, and the per-row label
/// check would otherwise pay a dynamic access check each time.
struct ExpandNames {
  private let typeNames: [InternedName]?
  private let labelNames: [InternedName]
  private var typeIDs: [TypeID]?
  private var typesResolved: Bool
  private var labelIDs: [LabelID]?

  init(_ spec: ExpandSpec) {
    self.init(types: spec.types, labels: spec.toLabels)
  }

  /// Relationship types to follow (all when nil) and labels the reached node must carry.
  init(types: [InternedName]?, labels: [InternedName] = []) {
    typeNames = types
    labelNames = labels
    typesResolved = types == nil
  }

  /// Whether the reached node has labels to check.
  var checksLabels: Bool { !labelNames.isEmpty }

  /// The interned types without repeats (nil: every type); fewer than named while some do not
  /// exist, and then looked up again on the next call.
  mutating func types(_ store: GraphStore) -> [TypeID]? {
    if typesResolved { return typeIDs }
    guard let typeNames else { return nil }
    var ids: [TypeID] = []
    var complete = true
    for type in typeNames {
      guard let id = type.id ?? store.typeID(type.name) else {
        complete = false
        continue
      }
      if !ids.contains(id) { ids.append(id) }
    }
    typeIDs = ids
    typesResolved = complete
    return ids
  }

  /// The interned labels the reached node must carry, or nil while one of them does not exist
  /// (then no node carries it).
  mutating func labels(_ store: GraphStore) -> [LabelID]? {
    if let labelIDs { return labelIDs }
    var ids: [LabelID] = []
    ids.reserveCapacity(labelNames.count)
    for label in labelNames {
      guard let id = label.id ?? store.labelID(label.name) else { return nil }
      ids.append(id)
    }
    labelIDs = ids
    return ids
  }

  /// Whether `node` carries every label the reached node must have (call only when
  /// `checksLabels`; a label that does not exist yet matches nothing).
  mutating func reaches(_ node: Int64, _ store: GraphStore) -> Bool {
    // Per reached node: read the resolved ids in place rather than through `labels(_:)`, whose
    // returned copy costs a retain and a release each time.
    if let labelIDs { return store.hasLabels(node, labelIDs) }
    guard let resolved = labels(store) else { return false }
    return store.hasLabels(node, resolved)
  }
}
