// The binary form of logged changes and schema definitions: an operation byte, then the
// operation's fields in the primitive encodings of `ByteWriter`.
import GraphCore

/// Operation bytes of logged changes. New operations may be added; existing ones never change.
private enum ChangeTag: UInt8 {
  case createNode = 1, createRelationship, setNodeProperty, setRelationshipProperty, addLabel, removeLabel
  case deleteNode, deleteRelationship, createIndex, dropIndex, createConstraint, dropConstraint
  case createVectorIndex, dropVectorIndex, createFulltextIndex, dropFulltextIndex, createLookupIndex, dropLookupIndex
}

extension ByteWriter {
  package mutating func change(_ change: StoreChange) {
    switch change {
    case .createNode(let id, let labels, let properties):
      byte(ChangeTag.createNode.rawValue)
      signed(id)
      strings(labels)
      self.properties(properties)
    case .createRelationship(let id, let type, let start, let end, let properties):
      byte(ChangeTag.createRelationship.rawValue)
      signed(id)
      string(type)
      signed(start)
      signed(end)
      self.properties(properties)
    case .setNodeProperty(let id, let key, let value):
      byte(ChangeTag.setNodeProperty.rawValue)
      signed(id)
      string(key)
      optionalValue(value)
    case .setRelationshipProperty(let id, let key, let value):
      byte(ChangeTag.setRelationshipProperty.rawValue)
      signed(id)
      string(key)
      optionalValue(value)
    case .addLabel(let id, let label):
      byte(ChangeTag.addLabel.rawValue)
      signed(id)
      string(label)
    case .removeLabel(let id, let label):
      byte(ChangeTag.removeLabel.rawValue)
      signed(id)
      string(label)
    case .deleteNode(let id):
      byte(ChangeTag.deleteNode.rawValue)
      signed(id)
    case .deleteRelationship(let id):
      byte(ChangeTag.deleteRelationship.rawValue)
      signed(id)
    case .createIndex(let def):
      byte(ChangeTag.createIndex.rawValue)
      index(def)
    case .dropIndex(let name):
      byte(ChangeTag.dropIndex.rawValue)
      string(name)
    case .createConstraint(let def):
      byte(ChangeTag.createConstraint.rawValue)
      constraint(def)
    case .dropConstraint(let name):
      byte(ChangeTag.dropConstraint.rawValue)
      string(name)
    case .createVectorIndex(let def):
      byte(ChangeTag.createVectorIndex.rawValue)
      vectorIndex(def)
    case .dropVectorIndex(let name):
      byte(ChangeTag.dropVectorIndex.rawValue)
      string(name)
    case .createFulltextIndex(let def):
      byte(ChangeTag.createFulltextIndex.rawValue)
      fulltextIndex(def)
    case .dropFulltextIndex(let name):
      byte(ChangeTag.dropFulltextIndex.rawValue)
      string(name)
    case .createLookupIndex(let def):
      byte(ChangeTag.createLookupIndex.rawValue)
      lookupIndex(def)
    case .dropLookupIndex(let name):
      byte(ChangeTag.dropLookupIndex.rawValue)
      string(name)
    }
  }

  package mutating func index(_ def: IndexDefinition) {
    string(def.name)
    byte(def.entity == .node ? 0 : 1)
    string(def.label)
    strings(def.properties)
    if let owner = def.owningConstraint {
      byte(1)
      string(owner)
    } else {
      byte(0)
    }
  }

  /// A constraint: name, kind byte (`ConstraintDefinition.kindCodes`), label or type,
  /// properties, then for a property-type constraint its type's member codes.
  package mutating func constraint(_ def: ConstraintDefinition) {
    string(def.name)
    byte(ConstraintDefinition.kindCodes.firstIndex(of: def.kind).map(UInt8.init) ?? 0)
    string(def.label)
    strings(def.properties)
    if let type = def.propertyType {
      let codes = ConstraintDefinition.propertyTypeCodes(type) ?? []
      count(codes.count)
      for c in codes { byte(c) }
    }
  }
}

extension ByteReader {
  package mutating func change() throws(FormatError) -> StoreChange {
    let at = offset
    guard let tag = ChangeTag(rawValue: try byte()) else { throw FormatError(offset: at, message: "unknown change operation") }
    switch tag {
    case .createNode:
      let id = try signed()
      let labels = try strings()
      return .createNode(id: id, labels: labels, properties: try properties())
    case .createRelationship:
      let id = try signed()
      let type = try string()
      let start = try signed()
      let end = try signed()
      return .createRelationship(id: id, type: type, start: start, end: end, properties: try properties())
    case .setNodeProperty:
      let id = try signed()
      let key = try string()
      return .setNodeProperty(id: id, key: key, value: try optionalValue())
    case .setRelationshipProperty:
      let id = try signed()
      let key = try string()
      return .setRelationshipProperty(id: id, key: key, value: try optionalValue())
    case .addLabel:
      let id = try signed()
      return .addLabel(id: id, label: try string())
    case .removeLabel:
      let id = try signed()
      return .removeLabel(id: id, label: try string())
    case .deleteNode: return .deleteNode(try signed())
    case .deleteRelationship: return .deleteRelationship(try signed())
    case .createIndex: return .createIndex(try index())
    case .dropIndex: return .dropIndex(try string())
    case .createConstraint: return .createConstraint(try constraint())
    case .dropConstraint: return .dropConstraint(try string())
    case .createVectorIndex: return .createVectorIndex(try vectorIndex())
    case .dropVectorIndex: return .dropVectorIndex(try string())
    case .createFulltextIndex: return .createFulltextIndex(try fulltextIndex())
    case .dropFulltextIndex: return .dropFulltextIndex(try string())
    case .createLookupIndex: return .createLookupIndex(try lookupIndex())
    case .dropLookupIndex: return .dropLookupIndex(try string())
    }
  }

  package mutating func index() throws(FormatError) -> IndexDefinition {
    let name = try string()
    let entity = try schemaEntity()
    let label = try string()
    let properties = try strings()
    let owner: String?
    switch try byte() {
    case 0: owner = nil
    case 1: owner = try string()
    default: throw fail("bad presence byte")
    }
    return IndexDefinition(name: name, entity: entity, label: label, properties: properties, owningConstraint: owner)
  }

  package mutating func constraint() throws(FormatError) -> ConstraintDefinition {
    let name = try string()
    let code = Int(try byte())
    guard ConstraintDefinition.kindCodes.indices.contains(code) else { throw fail("bad constraint kind") }
    let kind = ConstraintDefinition.kindCodes[code]
    let label = try string()
    let properties = try strings()
    var type: ValueTypeSpec?
    if kind == .nodePropertyType || kind == .relationshipPropertyType {
      var codes: [UInt8] = []
      for _ in 0..<(try count()) { codes.append(try byte()) }
      guard let spec = ConstraintDefinition.propertyType(codes: codes) else { throw fail("bad property type") }
      type = spec
    }
    return ConstraintDefinition(name: name, kind: kind, label: label, properties: properties, propertyType: type)
  }
}
