// The tables of a graph store, kept behind one reference so that copying a `GraphStore` costs a
// single reference count, with accessors that copy the tables only when a shared version is
// about to be written.
import GraphCore
import Synchronization

/// The store's tables, behind one reference so that copying a `GraphStore` (which every read of
/// an execution context's store does) costs one reference count, not one per table.
final class StoreTables: @unchecked Sendable {
  var nodes: ChunkedArray<NodeRecord> = ChunkedArray<NodeRecord>()
  var nodeColumns = NodePropertyTable()
  /// Nodes below this id keep their properties in `nodeColumns`; those from it on (created
  /// since the columns were last filled) in their records' maps, the delta.
  var nodeColumnLimit = 0
  var relationships = RelationshipTable()
  var liveNodes: ChunkedBitmap = ChunkedBitmap()
  var nodeCount: Int = 0
  var relationshipCount: Int = 0
  var labelNames: [String] = []
  var labelIDs: [String: LabelID] = [:]
  var typeNames: [String] = []
  var typeIDs: [String: TypeID] = [:]
  var labelIndex: [ChunkedBitmap] = []
  var typeCount: [TypeID: Int] = [:]
  var propertyKeyNames: [String] = []
  var propertyKeyIDs: [String: PropertyKeyID] = [:]
  var indexes: [String: IndexDefinition] = [:]
  var indexTrees: [String: SortedIndexTree] = [:]
  var constraints: [String: ConstraintDefinition] = [:]
  var vectorIndexes: [String: VectorIndexDefinition] = [:]
  var fulltextIndexes: [String: FulltextIndexDefinition] = [:]
  var lookupIndexes: [String: LookupIndexDefinition] = [:]
  var schemaVersion: Int = 0
  var changeLog: [StoreChange]?
  /// The compact adjacency rows shared by every version built on them (nil until the first
  /// build, or when the graph's ids do not fit them).
  var adjacencyBase: AdjacencyBase?
  /// Relationships in the nodes' delta lists (created since the rows were built).
  var deltaCount = 0
  /// Relationships of the rows deleted since they were built.
  var baseDeletions = 0
  /// Relationships created without an adjacency entry (`createRelationships(linking: false)`),
  /// in neither the rows nor the delta until the next `compactAdjacency()` files them.
  var unlinked = 0
  /// This version's stamp (see `GraphStore.stamp`).
  var stamp: UInt64 = StoreStamp.next()
  /// How many labels, types and property keys (in interning order) a committed version holds:
  /// set when a version is published, shared by every value of these tables, inherited by the
  /// versions derived from them. Ids below these counts never change.
  let committedNames: Locked<CommittedNameCounts>

  init() { committedNames = Locked(CommittedNameCounts()) }

  /// A shallow copy: the tables themselves are copy-on-write values.
  init(copying other: StoreTables) {
    nodes = other.nodes
    nodeColumns = other.nodeColumns
    nodeColumnLimit = other.nodeColumnLimit
    relationships = other.relationships
    liveNodes = other.liveNodes
    nodeCount = other.nodeCount
    relationshipCount = other.relationshipCount
    labelNames = other.labelNames
    labelIDs = other.labelIDs
    typeNames = other.typeNames
    typeIDs = other.typeIDs
    labelIndex = other.labelIndex
    typeCount = other.typeCount
    propertyKeyNames = other.propertyKeyNames
    propertyKeyIDs = other.propertyKeyIDs
    indexes = other.indexes
    indexTrees = other.indexTrees
    constraints = other.constraints
    vectorIndexes = other.vectorIndexes
    fulltextIndexes = other.fulltextIndexes
    lookupIndexes = other.lookupIndexes
    schemaVersion = other.schemaVersion
    changeLog = other.changeLog
    adjacencyBase = other.adjacencyBase
    deltaCount = other.deltaCount
    baseDeletions = other.baseDeletions
    unlinked = other.unlinked
    committedNames = Locked(other.committedNames.withLock { $0 })
  }
}

extension GraphStore {
  /// Gives this value its own tables before a write when they are shared with a copy, and a
  /// fresh stamp, since the write is about to make it a version of its own.
  mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&tables) { tables = StoreTables(copying: tables) }
    tables.stamp = StoreStamp.next()
  }

  /// Whether no other store value shares this version's tables: false while a reader (a
  /// running statement, an open result stream) still holds the version. For tests.
  package mutating func holdsVersionAlone() -> Bool { isKnownUniquelyReferenced(&tables) }

  /// A number no other version of any store has had: every change takes a fresh one, so two
  /// store values with equal stamps hold the same graph (what caches of derived data key on).
  package var stamp: UInt64 { tables.stamp }

  var nodes: ChunkedArray<NodeRecord> {
    _read { yield tables.nodes }
    _modify {
      makeUnique()
      yield &tables.nodes
    }
  }
  /// The property columns of the nodes below `nodeColumnLimit`.
  var nodeColumns: NodePropertyTable {
    _read { yield tables.nodeColumns }
    _modify {
      makeUnique()
      yield &tables.nodeColumns
    }
  }
  /// The relationships' columns.
  var relationships: RelationshipTable {
    _read { yield tables.relationships }
    _modify {
      makeUnique()
      yield &tables.relationships
    }
  }
  /// Ids of live nodes, for scans in id order.
  var liveNodes: ChunkedBitmap {
    _read { yield tables.liveNodes }
    _modify {
      makeUnique()
      yield &tables.liveNodes
    }
  }
  package internal(set) var nodeCount: Int {
    _read { yield tables.nodeCount }
    _modify {
      makeUnique()
      yield &tables.nodeCount
    }
  }
  package internal(set) var relationshipCount: Int {
    _read { yield tables.relationshipCount }
    _modify {
      makeUnique()
      yield &tables.relationshipCount
    }
  }
  var labelNames: [String] {
    _read { yield tables.labelNames }
    _modify {
      makeUnique()
      yield &tables.labelNames
    }
  }
  var labelIDs: [String: LabelID] {
    _read { yield tables.labelIDs }
    _modify {
      makeUnique()
      yield &tables.labelIDs
    }
  }
  var typeNames: [String] {
    _read { yield tables.typeNames }
    _modify {
      makeUnique()
      yield &tables.typeNames
    }
  }
  var typeIDs: [String: TypeID] {
    _read { yield tables.typeIDs }
    _modify {
      makeUnique()
      yield &tables.typeIDs
    }
  }
  /// Ids of the nodes that carry each label, indexed by label id.
  var labelIndex: [ChunkedBitmap] {
    _read { yield tables.labelIndex }
    _modify {
      makeUnique()
      yield &tables.labelIndex
    }
  }
  /// Relationship type → number of relationships of that type.
  var typeCount: [TypeID: Int] {
    _read { yield tables.typeCount }
    _modify {
      makeUnique()
      yield &tables.typeCount
    }
  }
  /// Every property key ever stored, in id order.
  var propertyKeyNames: [String] {
    _read { yield tables.propertyKeyNames }
    _modify {
      makeUnique()
      yield &tables.propertyKeyNames
    }
  }
  var propertyKeyIDs: [String: PropertyKeyID] {
    _read { yield tables.propertyKeyIDs }
    _modify {
      makeUnique()
      yield &tables.propertyKeyIDs
    }
  }
  /// Property indexes by name, and their entries.
  var indexes: [String: IndexDefinition] {
    _read { yield tables.indexes }
    _modify {
      makeUnique()
      yield &tables.indexes
    }
  }
  var indexTrees: [String: SortedIndexTree] {
    _read { yield tables.indexTrees }
    _modify {
      makeUnique()
      yield &tables.indexTrees
    }
  }
  var constraints: [String: ConstraintDefinition] {
    _read { yield tables.constraints }
    _modify {
      makeUnique()
      yield &tables.constraints
    }
  }
  /// When not nil, every change is appended here, in order, so that a durable database can write
  /// the changes of a committed version to its log and replay them later with the same ids. Kept
  /// in the tables so that a store value is one reference, copied with one reference count.
  package var changeLog: [StoreChange]? {
    _read { yield tables.changeLog }
    _modify {
      makeUnique()
      yield &tables.changeLog
    }
  }
  /// Grows with every index or constraint change, so plans made for an older schema are dropped.
  package internal(set) var schemaVersion: Int {
    _read { yield tables.schemaVersion }
    _modify {
      makeUnique()
      yield &tables.schemaVersion
    }
  }
}

/// The source of store stamps.
enum StoreStamp {
  private static let counter = Atomic<UInt64>(0)

  static func next() -> UInt64 { counter.add(1, ordering: .relaxed).newValue }
}
