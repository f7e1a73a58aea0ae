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
  private let typeNames: [String]?
  private let labelNames: [String]
  private var typeIDs: [TypeID]?
  private var typesResolved = false
  private var labelIDs: [LabelID]?

  init(_ spec: ExpandSpec) {
    typeNames = spec.types?.map(\.name)
    labelNames = spec.toLabels.map(\.name)
    if let types = spec.types {
      let ids = types.compactMap(\.id)
      if ids.count == types.count {
        // Without repeats, as `GraphStore.resolve(types:)` gives them.
        var seen = Set<TypeID>()
        typeIDs = ids.filter { seen.insert($0).inserted }
        typesResolved = true
      }
    } else {
      typesResolved = true
    }
    let labels = spec.toLabels.compactMap(\.id)
    if labels.count == spec.toLabels.count { labelIDs = labels }
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

  /// The interned labels the reached node must carry, or nil while one of them does not exist
  /// (then no node carries it).
  mutating func labels(_ store: GraphStore) -> [LabelID]? {
    if labelIDs == nil { labelIDs = store.resolve(labels: labelNames) }
    return labelIDs
  }

  /// Whether `node` carries every label the reached node must have (call only when
  /// `checksLabels`; a label that does not exist yet matches nothing).
  mutating func reaches(_ node: Int64, _ store: GraphStore) -> Bool {
    guard let labelIDs = labels(store) else { return false }
    return store.hasLabels(node, labelIDs)
  }
}
