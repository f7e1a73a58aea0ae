// The property types a property-type constraint may require (`REQUIRE n.p IS :: INTEGER | FLOAT`):
// Neo4j 5 allows the simple property types, lists of one of them with `NOT NULL` elements, and
// closed unions of those, all nullable (a missing property passes; existence is a constraint of
// its own). Here: checking a type is allowed, its normalised text for SHOW CONSTRAINTS, and the
// one-byte codes the change log and snapshot store it as.
import GraphCore

extension ConstraintDefinition {
  /// The simple types a property-type constraint allows, in Neo4j's normalised order (a union
  /// is shown in this order, its lists after its simple types).
  private static let simpleTypes: [(ValueTypeBase, String)] = [
    (.boolean, "BOOLEAN"), (.string, "STRING"), (.integer, "INTEGER"), (.float, "FLOAT"), (.date, "DATE"),
    (.localTime, "LOCAL TIME"), (.zonedTime, "ZONED TIME"), (.localDateTime, "LOCAL DATETIME"),
    (.zonedDateTime, "ZONED DATETIME"), (.duration, "DURATION"), (.point, "POINT"),
  ]

  /// The offset of a list type's code: a list of simple type `i` has code `listCode + i`.
  private static let listCode: UInt8 = 64

  /// The code of one allowed member type (simple type `i` is `i + 1`), or nil when a
  /// property-type constraint cannot require it.
  private static func code(of member: ValueTypeBase) -> UInt8? {
    if let i = simpleTypes.firstIndex(where: { $0.0 == member }) { return UInt8(i + 1) }
    guard case .list(let inner) = member, inner.notNull, inner.members.count == 1,
      let i = simpleTypes.firstIndex(where: { $0.0 == inner.members[0] })
    else { return nil }
    return listCode + UInt8(i + 1)
  }

  /// The member type of `code`, or nil for a code no version wrote.
  private static func member(of code: UInt8) -> ValueTypeBase? {
    let isList = code > listCode
    let i = Int(isList ? code - listCode : code) - 1
    guard simpleTypes.indices.contains(i) else { return nil }
    let simple = simpleTypes[i].0
    return isList ? .list(ValueTypeSpec([simple], notNull: true)) : simple
  }

  /// The codes of `spec`'s members, sorted and without repeats, or nil when a property-type
  /// constraint cannot require `spec` (a NOT NULL type, ANY, MAP, NODE, a list of a union or of
  /// nullable elements, …).
  package static func propertyTypeCodes(_ spec: ValueTypeSpec) -> [UInt8]? {
    guard !spec.notNull, !spec.members.isEmpty else { return nil }
    var codes: [UInt8] = []
    for member in spec.members {
      guard let c = code(of: member) else { return nil }
      codes.append(c)
    }
    return Array(Set(codes)).sorted()
  }

  /// The type of `codes` (as `propertyTypeCodes` gives them), or nil for an unknown code.
  package static func propertyType(codes: [UInt8]) -> ValueTypeSpec? {
    var members: [ValueTypeBase] = []
    for c in codes {
      guard let m = member(of: c) else { return nil }
      members.append(m)
    }
    return members.isEmpty ? nil : ValueTypeSpec(members, notNull: false)
  }

  /// A type a property-type constraint allows, as Neo4j shows it: members in the normalised
  /// order without repeats, `LIST<INTEGER NOT NULL>` for lists (`INTEGER | FLOAT`).
  package static func propertyTypeText(_ spec: ValueTypeSpec) -> String {
    let members = (propertyTypeCodes(spec) ?? []).compactMap(member(of:))
    return members.map { m -> String in
      if case .list(let inner) = m, let first = inner.members.first {
        return "LIST<\(simpleTypes.first { $0.0 == first }?.1 ?? "ANY") NOT NULL>"
      }
      return simpleTypes.first { $0.0 == m }?.1 ?? "ANY"
    }.joined(separator: " | ")
  }
}
