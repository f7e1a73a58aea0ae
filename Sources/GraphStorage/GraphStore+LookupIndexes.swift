// Token lookup indexes (`CREATE LOOKUP INDEX … FOR (n) ON EACH labels(n)`, or `FOR ()-[r]-() ON
// EACH type(r)`): Neo4j's index of which entities carry each label or type. The store already
// keeps that for every label (a bitmap per label) and type, so a lookup index is a definition
// only: it names that structure, lists in SHOW INDEXES, and is logged and snapshotted like every
// schema object. At most one exists per entity kind, as in Neo4j.
import GraphCore

/// A token lookup index on the labels of nodes or the types of relationships.
package struct LookupIndexDefinition: Sendable, Hashable {
  package var name: String
  package var entity: SchemaEntity

  package init(name: String, entity: SchemaEntity) {
    self.name = name
    self.entity = entity
  }

  /// The name Neo4j gives the lookup index it creates with a database, used when `CREATE LOOKUP
  /// INDEX` names none.
  package static func defaultName(_ entity: SchemaEntity) -> String {
    entity == .node ? "index_343aff4e" : "index_f7700477"
  }
}

extension GraphStore {
  /// The lookup indexes by name.
  var lookupIndexes: [String: LookupIndexDefinition] {
    _read { yield tables.lookupIndexes }
    _modify {
      makeUnique()
      yield &tables.lookupIndexes
    }
  }

  /// All lookup index definitions, sorted by name.
  package var lookupIndexDefinitions: [LookupIndexDefinition] { lookupIndexes.values.sorted { $0.name < $1.name } }

  /// The lookup index called `name`, if there is one.
  package func lookupIndex(_ name: String) -> LookupIndexDefinition? { lookupIndexes[name] }

  /// Creates a lookup index and logs the change.
  /// - Throws: `IndexAlreadyExists` when an index or constraint has the name, or a lookup index
  ///   on the same kind of entity exists (Neo4j's "equivalent index already exists").
  package mutating func createLookupIndex(_ def: LookupIndexDefinition) throws {
    if schemaNameTaken(def.name) {
      throw QuiverError.runtime(.semantic, .indexAlreadyExists, "an index or constraint named `\(def.name)` already exists")
    }
    if let same = lookupIndexes.values.first(where: { $0.entity == def.entity }) {
      throw QuiverError.runtime(
        .semantic, .indexAlreadyExists,
        "an equivalent index already exists: `\(same.name)` is the \(def.entity == .node ? "node label" : "relationship type") lookup index")
    }
    lookupIndexes[def.name] = def
    schemaVersion += 1
    changeLog?.append(.createLookupIndex(def))
  }

  /// Drops a lookup index and logs the change; returns false when there is none of that name.
  @discardableResult
  package mutating func dropLookupIndex(_ name: String) -> Bool {
    guard lookupIndexes.removeValue(forKey: name) != nil else { return false }
    schemaVersion += 1
    changeLog?.append(.dropLookupIndex(name))
    return true
  }

  /// The entries of a lookup index on `entity` and its distinct tokens: for nodes, one entry per
  /// label a node carries and the labels in use; for relationships, every relationship and the
  /// types in use.
  package func lookupIndexSize(_ entity: SchemaEntity) -> (entries: Int, distinct: Int) {
    switch entity {
    case .node:
      let labels = labelsInUse
      return (labels.reduce(0) { $0 + count(ofLabel: $1) }, labels.count)
    case .relationship:
      let types = typeCounts
      return (types.reduce(0) { $0 + $1.count }, types.count)
    }
  }
}
