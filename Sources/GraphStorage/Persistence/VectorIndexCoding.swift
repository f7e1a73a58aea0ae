// The binary form of a vector index definition, in the change log and the snapshot: name, entity
// byte, label or type, property, dimensions (0 for any), similarity byte.
import GraphCore

extension ByteWriter {
  package mutating func vectorIndex(_ def: VectorIndexDefinition) {
    string(def.name)
    byte(def.entity == .node ? 0 : 1)
    string(def.label)
    string(def.property)
    count(def.dimensions ?? 0)
    byte(def.similarity == .cosine ? 0 : 1)
  }
}

extension ByteReader {
  /// The entity byte of an index definition: 0 for nodes, 1 for relationships.
  package mutating func schemaEntity() throws(FormatError) -> SchemaEntity {
    switch try byte() {
    case 0: return .node
    case 1: return .relationship
    default: throw fail("bad index entity")
    }
  }

  package mutating func vectorIndex() throws(FormatError) -> VectorIndexDefinition {
    let name = try string()
    let entity = try schemaEntity()
    let label = try string()
    let property = try string()
    let dimensions = try int(max: VectorIndexDefinition.maxDimensions)
    let similarity: VectorSimilarity
    switch try byte() {
    case 0: similarity = .cosine
    case 1: similarity = .euclidean
    default: throw fail("bad vector similarity")
    }
    return VectorIndexDefinition(
      name: name, entity: entity, label: label, property: property, dimensions: dimensions == 0 ? nil : dimensions,
      similarity: similarity)
  }
}
