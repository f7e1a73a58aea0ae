// The type names `valueType()` returns, in Neo4j's form: the most precise type of a value with
// its nullability, e.g. `INTEGER NOT NULL`, `LIST<INTEGER | STRING> NOT NULL`, `NULL`.
import GraphCore

extension Value {
  /// The string `valueType(v)` returns: `NULL` for null, otherwise the precise type followed by
  /// `NOT NULL`. A list names the closed union of its elements' types (`LIST<NOTHING>` when
  /// empty), each member `NOT NULL` unless the list also holds null.
  var valueTypeName: String {
    isNull ? "NULL" : preciseTypeName + " NOT NULL"
  }

  /// The type of a non-null value without its nullability.
  private var preciseTypeName: String {
    switch self {
    case .list(let items): return "LIST<\(Value.elementUnion(items))>"
    case .vector(let v): return "VECTOR<\(v.coordinateType.sizedName)>(\(v.dimension))"
    default: return typeName
    }
  }

  /// The union type of a list's elements, members ordered as Cypher orders the types (lists of
  /// different element types by their names).
  private static func elementUnion(_ items: [Value]) -> String {
    if items.isEmpty { return "NOTHING" }
    let present = items.filter { !$0.isNull }
    if present.isEmpty { return "NULL" }
    let holdsNull = present.count < items.count
    var seen: Set<String> = []
    let names = present.map(\.preciseTypeName).filter { seen.insert($0).inserted }
      .sorted { (typeRank($0), $0) < (typeRank($1), $1) }
    return names.map { holdsNull ? $0 : $0 + " NOT NULL" }.joined(separator: " | ")
  }

  /// Where a type name sorts in a union: the order of Neo4j's type table.
  private static func typeRank(_ name: String) -> Int {
    let order = [
      "BOOLEAN", "STRING", "INTEGER", "FLOAT", "DATE", "LOCAL TIME", "ZONED TIME", "LOCAL DATETIME",
      "ZONED DATETIME", "DURATION", "POINT", "NODE", "RELATIONSHIP", "MAP", "LIST", "PATH", "VECTOR",
    ]
    let base = name.hasPrefix("LIST<") ? "LIST" : name.hasPrefix("VECTOR<") ? "VECTOR" : name
    return order.firstIndex(of: base) ?? order.count
  }
}
