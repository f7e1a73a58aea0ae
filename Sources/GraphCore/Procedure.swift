// Procedures callable with `CALL name(args) YIELD …`: the built-in ones and those an embedder
// registers. Declared here so that the planner can check signatures and the runtime can run them.

/// A Cypher type as written in a procedure signature, e.g. `STRING?` or `LIST OF INTEGER`.
public struct CypherType: Sendable, Hashable, CustomStringConvertible {
  /// The type name in upper case: ANY, BOOLEAN, INTEGER, FLOAT, NUMBER, STRING, LIST, MAP, NODE,
  /// RELATIONSHIP, PATH.
  public let name: String
  /// Whether null is accepted (written with a trailing `?`).
  public let nullable: Bool

  public init(_ name: String, nullable: Bool = true) {
    var n = name.uppercased()
    var isNullable = nullable
    if n.hasSuffix("?") {
      n.removeLast()
      isNullable = true
    }
    self.name = n
    self.nullable = isNullable
  }

  public var description: String { name + (nullable ? "?" : "") }

  /// Whether `value` belongs to this type (integers count as FLOAT and NUMBER).
  public func accepts(_ value: Value) -> Bool {
    switch (name, value) {
    case (_, .null): return nullable
    case ("ANY", _): return true
    case ("BOOLEAN", .bool), ("INTEGER", .int), ("FLOAT", .float), ("FLOAT", .int),
      ("NUMBER", .int), ("NUMBER", .float), ("STRING", .string), ("MAP", .map),
      ("NODE", .node), ("RELATIONSHIP", .relationship), ("PATH", .path):
      return true
    case (let n, .list) where n.hasPrefix("LIST"): return true
    default: return false
    }
  }
}

/// A named, typed procedure parameter or output column. A parameter with a default value is
/// optional: a call may leave it (and every parameter after it) out.
public struct ProcedureField: Sendable, Hashable {
  public let name: String
  public let type: CypherType
  /// The value an omitted argument takes; nil for a required parameter (and for outputs).
  public let defaultValue: Value?
  public init(_ name: String, _ type: CypherType, default defaultValue: Value? = nil) {
    self.name = name
    self.type = type
    self.defaultValue = defaultValue
  }

  /// Fields are equal when their names, types and defaults (compared as Cypher literals, since
  /// `Value` is not `Hashable`) are.
  public static func == (a: ProcedureField, b: ProcedureField) -> Bool {
    a.name == b.name && a.type == b.type && a.defaultValue?.cypherText == b.defaultValue?.cypherText
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(type)
    hasher.combine(defaultValue?.cypherText)
  }
}

/// A procedure: its qualified name (`db.labels`, `my.proc`), signature and body. The body gets
/// the arguments in declaration order and returns rows aligned with `outputs`.
public struct Procedure: Sendable {
  public let name: String
  public let parameters: [ProcedureField]
  public let outputs: [ProcedureField]
  public let body: @Sendable (_ arguments: [Value]) throws -> [[Value]]
  /// Whether calling it changes the graph (a built-in write-back procedure such as
  /// `algo.pageRank.write`), which makes the statement calling it an updating one.
  package var writes = false

  public init(
    name: String, parameters: [ProcedureField], outputs: [ProcedureField],
    body: @escaping @Sendable (_ arguments: [Value]) throws -> [[Value]]
  ) {
    self.name = name
    self.parameters = parameters
    self.outputs = outputs
    self.body = body
  }

  /// How many leading parameters a call must give: those before the first one with a default.
  public var requiredParameterCount: Int {
    parameters.firstIndex { $0.defaultValue != nil } ?? parameters.count
  }

  /// The signature as `SHOW PROCEDURES` prints it: `name(a :: STRING?) :: (out :: INTEGER?)`,
  /// an optional parameter with its default as Neo4j prints it (`options = {} :: MAP?`).
  public var signature: String {
    let ins = ProcedureField.list(parameters)
    let outs = ProcedureField.list(outputs)
    return "\(name)(\(ins)) :: (\(outs))"
  }
}

extension ProcedureField {
  /// Fields as a signature lists them: `a :: STRING?, b :: INTEGER`.
  static func list(_ fields: [ProcedureField]) -> String {
    fields.map { field in
      let defaultText = field.defaultValue.map { " = \($0.cypherText)" } ?? ""
      return "\(field.name)\(defaultText) :: \(field.type)"
    }.joined(separator: ", ")
  }
}
