// The binary form of a full-text index definition, in the change log and the snapshot: name,
// entity byte, labels or types, properties; and of a lookup index: name, entity byte.
import GraphCore

extension ByteWriter {
  package mutating func fulltextIndex(_ def: FulltextIndexDefinition) {
    string(def.name)
    byte(def.entity == .node ? 0 : 1)
    strings(def.labels)
    strings(def.properties)
  }
}

extension ByteReader {
  package mutating func fulltextIndex() throws(FormatError) -> FulltextIndexDefinition {
    let name = try string()
    let entity = try schemaEntity()
    let labels = try strings()
    let properties = try strings()
    guard !labels.isEmpty, !properties.isEmpty else { throw fail("a full-text index without labels or properties") }
    return FulltextIndexDefinition(name: name, entity: entity, labels: labels, properties: properties)
  }
}

extension ByteWriter {
  package mutating func lookupIndex(_ def: LookupIndexDefinition) {
    string(def.name)
    byte(def.entity == .node ? 0 : 1)
  }
}

extension ByteReader {
  package mutating func lookupIndex() throws(FormatError) -> LookupIndexDefinition {
    let name = try string()
    return LookupIndexDefinition(name: name, entity: try schemaEntity())
  }
}
