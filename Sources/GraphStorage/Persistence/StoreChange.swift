// One change to the store, as the store records it while a durable database's statement runs.
// A committed transaction is the ordered list of its changes; replaying that list on the version
// it started from gives the same graph, with the same ids.
import GraphCore

/// A single change to a `GraphStore`, named by the store operation that made it.
package enum StoreChange: Sendable {
  case createNode(id: Int64, labels: [String], properties: [String: Value])
  case createRelationship(id: Int64, type: String, start: Int64, end: Int64, properties: [String: Value])
  case setNodeProperty(id: Int64, key: String, value: Value?)
  case setRelationshipProperty(id: Int64, key: String, value: Value?)
  case addLabel(id: Int64, label: String)
  case removeLabel(id: Int64, label: String)
  case deleteNode(Int64)
  case deleteRelationship(Int64)
  case createIndex(IndexDefinition)
  case dropIndex(String)
  case createConstraint(ConstraintDefinition)
  case dropConstraint(String)
  case createVectorIndex(VectorIndexDefinition)
  case dropVectorIndex(String)
  case createFulltextIndex(FulltextIndexDefinition)
  case dropFulltextIndex(String)
  case createLookupIndex(LookupIndexDefinition)
  case dropLookupIndex(String)
}

/// Why a logged change cannot be applied: the log does not fit the store it is replayed on.
package struct ReplayError: Error, Sendable {
  package let message: String
}

extension GraphStore {
  /// Applies a logged change, checking first that it fits this store, so that a damaged or
  /// foreign log gives an error instead of a crash or a different graph.
  package mutating func apply(_ change: StoreChange) throws(ReplayError) {
    switch change {
    case .createNode(let id, let labels, let properties):
      guard id == Int64(nodeIDLimit) else { throw ReplayError(message: "node \(id) created where id \(nodeIDLimit) is next") }
      createNode(labels: labels, properties: properties)
    case .createRelationship(let id, let type, let start, let end, let properties):
      guard id == Int64(relationshipIDLimit) else {
        throw ReplayError(message: "relationship \(id) created where id \(relationshipIDLimit) is next")
      }
      guard nodeExists(start), nodeExists(end) else {
        throw ReplayError(message: "relationship \(id) joins a node that does not exist")
      }
      createRelationship(type: type, from: start, to: end, properties: properties)
    case .setNodeProperty(let id, let key, let value):
      guard nodeExists(id) else { throw ReplayError(message: "property set on missing node \(id)") }
      setNodeProperty(id, key, value)
    case .setRelationshipProperty(let id, let key, let value):
      guard relationshipExists(id) else { throw ReplayError(message: "property set on missing relationship \(id)") }
      setRelationshipProperty(id, key, value)
    case .addLabel(let id, let label):
      guard nodeExists(id) else { throw ReplayError(message: "label added to missing node \(id)") }
      addLabel(id, label)
    case .removeLabel(let id, let label):
      guard nodeExists(id) else { throw ReplayError(message: "label removed from missing node \(id)") }
      removeLabel(id, label)
    case .deleteNode(let id):
      guard nodeExists(id) else { throw ReplayError(message: "missing node \(id) deleted") }
      guard degree(of: id) == 0 else { throw ReplayError(message: "node \(id) deleted while it has relationships") }
      deleteNode(id)
    case .deleteRelationship(let id):
      guard relationshipExists(id) else { throw ReplayError(message: "missing relationship \(id) deleted") }
      deleteRelationship(id)
    case .createIndex(let def):
      do { try createIndex(def) } catch { throw ReplayError(message: "index `\(def.name)` cannot be created: \(error)") }
    case .dropIndex(let name):
      guard dropIndex(name) else { throw ReplayError(message: "missing index `\(name)` dropped") }
    case .createConstraint(let def):
      do { try createConstraint(def) } catch {
        throw ReplayError(message: "constraint `\(def.name)` cannot be created: \(error)")
      }
    case .dropConstraint(let name):
      guard dropConstraint(name) else { throw ReplayError(message: "missing constraint `\(name)` dropped") }
    case .createVectorIndex(let def):
      do { try createVectorIndex(def) } catch { throw ReplayError(message: "vector index `\(def.name)` cannot be created: \(error)") }
    case .dropVectorIndex(let name):
      guard dropVectorIndex(name) else { throw ReplayError(message: "missing vector index `\(name)` dropped") }
    case .createFulltextIndex(let def):
      do { try createFulltextIndex(def) } catch {
        throw ReplayError(message: "full-text index `\(def.name)` cannot be created: \(error)")
      }
    case .dropFulltextIndex(let name):
      guard dropFulltextIndex(name) else { throw ReplayError(message: "missing full-text index `\(name)` dropped") }
    case .createLookupIndex(let def):
      do { try createLookupIndex(def) } catch {
        throw ReplayError(message: "lookup index `\(def.name)` cannot be created: \(error)")
      }
    case .dropLookupIndex(let name):
      guard dropLookupIndex(name) else { throw ReplayError(message: "missing lookup index `\(name)` dropped") }
    }
  }
}
