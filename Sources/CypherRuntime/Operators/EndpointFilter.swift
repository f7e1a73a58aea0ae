// A predicate over the two end nodes of an expand, compiled against node property columns, so
// that a filtered count over many relationships reads two small codes per relationship instead
// of binding a row and evaluating the expression on it.
import CypherPlanner
import GraphCore
import GraphStorage

/// Cypher's three truth values, as bytes for the per-code tables.
enum Truth: UInt8 {
  case no = 0, yes = 1, unknown = 2

  init(_ b: Bool?) { self = b.map { $0 ? .yes : .no } ?? .unknown }
}

/// A predicate over an expand's start and reached node, compiled to a tree of tests over
/// property columns. The tests are classes so that evaluating one per relationship costs no
/// reference counting.
class EndpointFilter {
  /// The predicate's truth for one relationship from node `from` to node `to`.
  func evaluate(_ from: Int64, _ to: Int64) -> Truth { .unknown }

  /// A filter that holds for every relationship.
  static func always() -> EndpointFilter { ConstantTest(.yes) }

  /// How many of the nodes `reached` from `from` are in the bitmap `labels` (when given) and
  /// pass the filter. A method of the filter so that the loop holds it without reference
  /// counting per node.
  final func count(from: Int64, _ reached: UnsafeBufferPointer<Int64>, among labels: UnsafeBufferPointer<UInt64>?) -> Int {
    var n = 0
    for to in reached where passes(from, to, among: labels) { n += 1 }
    return n
  }

  /// Whether the node `to` reached from `from` is in the bitmap `labels` (when given) and
  /// passes the filter.
  @inline(__always)
  final func passes(_ from: Int64, _ to: Int64, among labels: UnsafeBufferPointer<UInt64>?) -> Bool {
    if let labels {
      let word = Int(to >> 6)
      guard word < labels.count, labels[word] & (1 << UInt64(to & 63)) != 0 else { return false }
    }
    return evaluate(from, to) == .yes
  }

  /// Compiles `predicates`, which must all hold, tested in order, for an expand from slot `from`
  /// to slot `to`; nil when one reads anything but properties of those two nodes, constants and
  /// parameters, or uses an operator without a column form. Then the caller evaluates them on
  /// rows.
  static func compile(_ predicates: [PlanExpression], from: Int, to: Int, _ ctx: ExecutionContext) -> EndpointFilter? {
    let compiler = EndpointFilterCompiler(from: from, to: to, ctx: ctx)
    var tests: [EndpointFilter] = []
    for predicate in predicates {
      guard let test = compiler.compile(predicate) else { return nil }
      tests.append(test)
    }
    return tests.count == 1 ? tests[0] : AllTest(tests)
  }
}

/// A property of one end node, read from its column (empty for a key no node has).
struct EndpointOperand {
  let fromSide: Bool
  let key: String
  let codes: [Int32]
  let values: [Value]
  let ordered: Bool
  let lossy: Bool

  init(fromSide: Bool, key: String, column: PropertyColumn?) {
    self.fromSide = fromSide
    self.key = key
    codes = column?.codes ?? []
    values = column?.values ?? []
    ordered = column?.ordered ?? true
    lossy = column?.lossy ?? false
  }

  /// The code of the node's value, or -1.
  @inline(__always)
  func code(_ from: Int64, _ to: Int64) -> Int32 {
    let id = fromSide ? from : to
    return id >= 0 && Int(id) < codes.count ? codes[Int(id)] : -1
  }

  /// The value behind `code` (null for -1).
  func value(_ code: Int32) -> Value { code >= 0 ? values[Int(code)] : .null }
}

/// Turns a bound predicate into endpoint tests.
private struct EndpointFilterCompiler {
  let from: Int
  let to: Int
  let ctx: ExecutionContext

  func compile(_ e: PlanExpression) -> EndpointFilter? {
    switch e {
    case .constant(.bool(let b)): return ConstantTest(Truth(b))
    case .constant(.null): return ConstantTest(.unknown)
    case .not(let a): return compile(a).map(NotTest.init)
    case .and(let a, let b): return both(a, b).map { LogicTest(.and, $0, $1) }
    case .or(let a, let b): return both(a, b).map { LogicTest(.or, $0, $1) }
    case .xor(let a, let b): return both(a, b).map { LogicTest(.xor, $0, $1) }
    case .isNull(let a, let negated): return operand(a).map { NullTest($0, negated: negated) }
    case .binary(let op, let a, let b): return binary(op, a, b)
    default: return nil
    }
  }

  private func both(_ a: PlanExpression, _ b: PlanExpression) -> (EndpointFilter, EndpointFilter)? {
    guard let a = compile(a), let b = compile(b) else { return nil }
    return (a, b)
  }

  /// A comparison or string predicate between a property and a constant (a table of truths
  /// per code), or a comparison between two properties.
  private func binary(_ op: PlanBinaryOperator, _ a: PlanExpression, _ b: PlanExpression) -> EndpointFilter? {
    // These look at a string's scalars, which one code may not pin down (see
    // `PropertyColumn.lossy`).
    let readsScalars = [.startsWith, .endsWith, .contains, .regexMatch].contains(op)
    if readsScalars, [a, b].contains(where: { operand($0)?.lossy == true }) { return nil }
    if let left = operand(a), let right = constant(b) {
      return table(left) { try ctx.binary(op, $0, right) }
    }
    if let left = constant(a), let right = operand(b) {
      return table(right) { try ctx.binary(op, left, $0) }
    }
    guard let left = operand(a), let right = operand(b) else { return nil }
    guard [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(op) else { return nil }
    return Comparison(left, right, op, ctx)
  }

  /// The truth of `test` on each value of `operand`'s column and on null, looked up by code;
  /// nil when the test throws for some value (the row-by-row evaluation then reports it for
  /// the rows that reach it).
  private func table(_ operand: EndpointOperand, _ test: (Value) throws -> Value) -> EndpointFilter? {
    var truths: [Truth] = []
    truths.reserveCapacity(operand.values.count + 1)
    do {
      truths.append(Truth(try ctx.truth(test(.null))))
      for v in operand.values { truths.append(Truth(try ctx.truth(test(v)))) }
    } catch {
      return nil
    }
    return TableTest(operand, truths)
  }

  /// A property of either end node.
  private func operand(_ e: PlanExpression) -> EndpointOperand? {
    guard case .property(.slot(let slot), let key) = e, slot == from || slot == to else { return nil }
    // A key no node has yet: every node lacks it.
    guard let id = key.id ?? ctx.propertyKeyID(key.name) else {
      return EndpointOperand(fromSide: slot == from, key: key.name, column: nil)
    }
    guard let column = ctx.columns.column(id, of: ctx.store) else { return nil }
    return EndpointOperand(fromSide: slot == from, key: key.name, column: column)
  }

  /// A constant or a supplied parameter.
  private func constant(_ e: PlanExpression) -> Value? {
    switch e {
    case .constant(let v): return v
    case .parameter(let name): return ctx.parameter(name)
    default: return nil
    }
  }
}

private final class ConstantTest: EndpointFilter {
  let truth: Truth
  init(_ truth: Truth) { self.truth = truth }
  override func evaluate(_ from: Int64, _ to: Int64) -> Truth { truth }
}

private final class NotTest: EndpointFilter {
  let a: EndpointFilter
  init(_ a: EndpointFilter) { self.a = a }
  override func evaluate(_ from: Int64, _ to: Int64) -> Truth {
    switch a.evaluate(from, to) {
    case .yes: return .no
    case .no: return .yes
    case .unknown: return .unknown
    }
  }
}

/// Tests that must all hold, tried in order up to the first that does not (as stacked filters
/// are).
private final class AllTest: EndpointFilter {
  let tests: [EndpointFilter]
  init(_ tests: [EndpointFilter]) { self.tests = tests }
  override func evaluate(_ from: Int64, _ to: Int64) -> Truth {
    for test in tests where test.evaluate(from, to) != .yes { return .no }
    return .yes
  }
}

/// AND, OR or XOR of two tests, in Cypher's three-valued logic.
private final class LogicTest: EndpointFilter {
  enum Kind { case and, or, xor }
  let kind: Kind
  let a: EndpointFilter
  let b: EndpointFilter
  init(_ kind: Kind, _ a: EndpointFilter, _ b: EndpointFilter) {
    self.kind = kind
    self.a = a
    self.b = b
  }
  override func evaluate(_ from: Int64, _ to: Int64) -> Truth {
    let l = a.evaluate(from, to)
    switch kind {
    case .and:
      if l == .no { return .no }
      let r = b.evaluate(from, to)
      if r == .no { return .no }
      return l == .unknown || r == .unknown ? .unknown : .yes
    case .or:
      if l == .yes { return .yes }
      let r = b.evaluate(from, to)
      if r == .yes { return .yes }
      return l == .unknown || r == .unknown ? .unknown : .no
    case .xor:
      let r = b.evaluate(from, to)
      if l == .unknown || r == .unknown { return .unknown }
      return l == r ? .no : .yes
    }
  }
}

private final class NullTest: EndpointFilter {
  let operand: EndpointOperand
  let negated: Bool
  init(_ operand: EndpointOperand, negated: Bool) {
    self.operand = operand
    self.negated = negated
  }
  override func evaluate(_ from: Int64, _ to: Int64) -> Truth {
    (operand.code(from, to) < 0) != negated ? .yes : .no
  }
}

/// A test of one property against constants, answered from a truth per code (null first).
private final class TableTest: EndpointFilter {
  let operand: EndpointOperand
  let truths: [Truth]
  init(_ operand: EndpointOperand, _ truths: [Truth]) {
    self.operand = operand
    self.truths = truths
  }
  override func evaluate(_ from: Int64, _ to: Int64) -> Truth {
    truths[Int(operand.code(from, to)) + 1]
  }
}

/// A comparison of two properties: of their codes when both read one ordered column, otherwise
/// of their values as Cypher compares them.
private final class Comparison: EndpointFilter {
  let left: EndpointOperand
  let right: EndpointOperand
  let op: PlanBinaryOperator
  let byCode: Bool
  unowned let ctx: ExecutionContext
  init(_ left: EndpointOperand, _ right: EndpointOperand, _ op: PlanBinaryOperator, _ ctx: ExecutionContext) {
    self.left = left
    self.right = right
    self.op = op
    byCode = left.key == right.key && left.ordered
    self.ctx = ctx
  }
  override func evaluate(_ from: Int64, _ to: Int64) -> Truth {
    let l = left.code(from, to)
    let r = right.code(from, to)
    if l < 0 || r < 0 { return .unknown }
    guard byCode else {
      // Comparisons never throw.
      return Truth((try? ctx.truth(ctx.binary(op, left.value(l), right.value(r)))) ?? nil)
    }
    switch op {
    case .equal: return l == r ? .yes : .no
    case .notEqual: return l != r ? .yes : .no
    case .less: return l < r ? .yes : .no
    case .lessOrEqual: return l <= r ? .yes : .no
    case .greater: return l > r ? .yes : .no
    default: return l >= r ? .yes : .no
    }
  }
}
