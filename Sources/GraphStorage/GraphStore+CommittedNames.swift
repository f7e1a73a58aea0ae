// Which interned names a plan may carry as ids. The interners only ever append, so the id of a
// name in a committed version never changes for any later version; a name interned by a writer
// that is then rolled back loses its id, which the next writer may give to another name. So the
// database marks each version it publishes, and the planner asks only for committed ids.
import GraphCore

/// How many labels, types and property keys of a store's interners belong to a committed version.
struct CommittedNameCounts: Sendable {
  var labels = 0
  var types = 0
  var keys = 0
}

extension GraphStore {
  /// Marks every name this version has interned as committed. Call on a version that becomes
  /// the database's committed graph (published, or loaded from disk); the mark is shared with
  /// every value of the same tables and inherited by the versions derived from them.
  package func markNamesCommitted() {
    let counts = CommittedNameCounts(labels: labelNames.count, types: typeNames.count, keys: propertyKeyNames.count)
    tables.committedNames.withLock { $0 = counts }
  }

  package func committedLabelID(_ name: String) -> LabelID? {
    guard let id = labelIDs[name] else { return nil }
    return Int(id) < tables.committedNames.withLock({ $0.labels }) ? id : nil
  }

  package func committedTypeID(_ name: String) -> TypeID? {
    guard let id = typeIDs[name] else { return nil }
    return Int(id) < tables.committedNames.withLock({ $0.types }) ? id : nil
  }

  package func committedPropertyKeyID(_ name: String) -> PropertyKeyID? {
    guard let id = propertyKeyIDs[name] else { return nil }
    return Int(id) < tables.committedNames.withLock({ $0.keys }) ? id : nil
  }
}

extension GraphStore {
  /// The plan's id of `n` when `names` (an interner's names in id order) holds the name under it
  /// (checked, since a plan may outlive the version it was made for, or run on an older
  /// snapshot); nil otherwise.
  private static func plannedID(_ n: InternedName, in names: [String]) -> Int32? {
    guard let id = n.id, Int(id) < names.count, names[Int(id)] == n.name else { return nil }
    return id
  }

  /// The id of label `n` in this version: the plan's id when valid here, else a look-up by
  /// name; nil when the label is unknown here.
  package func existingLabel(_ n: InternedName) -> LabelID? {
    Self.plannedID(n, in: labelNames) ?? labelIDs[n.name]
  }

  /// The id of property key `n` in this version (see `existingLabel`).
  package func existingPropertyKey(_ n: InternedName) -> PropertyKeyID? {
    Self.plannedID(n, in: propertyKeyNames) ?? propertyKeyIDs[n.name]
  }

  /// The id of label `n`, interned when new.
  mutating func internLabel(_ n: InternedName) -> LabelID {
    existingLabel(n) ?? internLabel(n.name)
  }

  /// The id of relationship type `n`, interned when new.
  mutating func internType(_ n: InternedName) -> TypeID {
    Self.plannedID(n, in: typeNames) ?? internType(n.name)
  }

  /// The id of property key `n`, interned when new.
  mutating func internPropertyKey(_ n: InternedName) -> PropertyKeyID {
    existingPropertyKey(n) ?? internPropertyKey(n.name)
  }
}
