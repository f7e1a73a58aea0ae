// Cypher's operators on values: arithmetic with overflow checks, comparison, IN, string
// predicates, regular expressions, list indexing and slicing.
import CypherPlanner
import Foundation
import GraphCore

extension ExecutionContext {
  func binary(_ op: PlanBinaryOperator, _ a: Value, _ b: Value) throws -> Value {
    if a.isNaN || b.isNaN, op == .less || op == .greater || op == .lessOrEqual || op == .greaterOrEqual {
      // NaN is unordered: every ordering comparison with a number is false.
      return (a.doubleValue != nil && b.doubleValue != nil) ? .bool(false) : .null
    }
    switch op {
    case .equal: return .ternary(a.cypherEquals(b))
    case .notEqual: return .ternary(a.cypherEquals(b).map { !$0 })
    case .less: return .ternary(a.cypherCompare(b).map { $0 < 0 })
    case .greater: return .ternary(a.cypherCompare(b).map { $0 > 0 })
    case .lessOrEqual: return .ternary(a.cypherCompare(b).map { $0 <= 0 })
    case .greaterOrEqual: return .ternary(a.cypherCompare(b).map { $0 >= 0 })
    case .add: return try add(a, b)
    case .concatenate:
      switch (a, b) {
      case (.null, _), (_, .null): return .null
      case (.string(let x), .string(let y)): return .string(x + y)
      case (.list(let x), .list(let y)): return .list(x + y)
      default:
        throw QuiverError.typeError("|| concatenates two strings or two lists, not \(a.typeName) and \(b.typeName)")
      }
    case .subtract, .multiply, .divide, .modulo, .power: return try arithmetic(op, a, b)
    case .in: return try membership(a, b)
    case .startsWith, .endsWith, .contains:
      guard case .string(let s) = a, case .string(let t) = b else { return .null }
      switch op {
      case .startsWith: return .bool(s.hasPrefix(t))
      case .endsWith: return .bool(s.hasSuffix(t))
      default: return .bool(t.isEmpty || s.contains(t))
      }
    case .regexMatch:
      guard case .string(let s) = a, case .string(let pattern) = b else { return .null }
      return .bool(try regexMatches(s, pattern))
    }
  }

  private func add(_ a: Value, _ b: Value) throws -> Value {
    switch (a, b) {
    case (.null, _), (_, .null): return .null
    case (.string(let x), .string(let y)):
      try checkStringSize(x.utf8.count + y.utf8.count, "string concatenation")
      return .string(x + y)
    case (.string(let x), .int), (.string(let x), .float):
      let y = try stringOf(b)
      try checkStringSize(x.utf8.count + y.utf8.count, "string concatenation")
      return .string(x + y)
    case (.int, .string(let y)), (.float, .string(let y)):
      let x = try stringOf(a)
      try checkStringSize(x.utf8.count + y.utf8.count, "string concatenation")
      return .string(x + y)
    case (.list(let x), .list(let y)):
      try checkListSize(x.count + y.count, "list concatenation")
      return .list(x + y)
    case (.list(let x), _):
      try checkListSize(x.count + 1, "list concatenation")
      return .list(x + [b])
    case (_, .list(let y)):
      try checkListSize(y.count + 1, "list concatenation")
      return .list([a] + y)
    default: return try arithmetic(.add, a, b)
    }
  }

  private func stringOf(_ v: Value) throws -> String {
    switch v {
    case .int(let i): return String(i)
    case .float(let d): return CypherText.float(d)
    case .string(let s): return s
    case .bool(let b): return b ? "true" : "false"
    default: throw QuiverError.typeError("cannot convert \(v.typeName) to a string")
    }
  }

  func arithmetic(_ op: PlanBinaryOperator, _ a: Value, _ b: Value) throws -> Value {
    switch (a, b) {
    case (.null, _), (_, .null): return .null
    case (.int(let x), .int(let y)):
      switch op {
      case .add: return try checked(x.addingReportingOverflow(y), op)
      case .subtract: return try checked(x.subtractingReportingOverflow(y), op)
      case .multiply: return try checked(x.multipliedReportingOverflow(by: y), op)
      case .divide:
        if y == 0 { throw QuiverError.runtime(.arithmetic, .divisionByZero, "integer division by zero") }
        return try checked(x.dividedReportingOverflow(by: y), op)
      case .modulo:
        if y == 0 { throw QuiverError.runtime(.arithmetic, .divisionByZero, "integer modulo by zero") }
        return try checked(x.remainderReportingOverflow(dividingBy: y), op)
      case .power: return .float(pow(Double(x), Double(y)))
      default: break
      }
    case (.int(let x), .float(let y)): return floatArithmetic(op, Double(x), y)
    case (.float(let x), .int(let y)): return floatArithmetic(op, x, Double(y))
    case (.float(let x), .float(let y)): return floatArithmetic(op, x, y)
    default: if let t = try temporalArithmetic(op, a, b) { return t }
    }
    throw QuiverError.typeError("cannot apply \(op.rawValue) to \(a.typeName) and \(b.typeName)")
  }

  private func checked(_ r: (partialValue: Int64, overflow: Bool), _ op: PlanBinaryOperator) throws -> Value {
    if r.overflow {
      throw QuiverError.runtime(.arithmetic, .integerOverflow, "integer overflow in \(op.rawValue)")
    }
    return .int(r.partialValue)
  }

  private func floatArithmetic(_ op: PlanBinaryOperator, _ x: Double, _ y: Double) -> Value {
    switch op {
    case .add: return .float(x + y)
    case .subtract: return .float(x - y)
    case .multiply: return .float(x * y)
    case .divide: return .float(x / y)
    case .modulo: return .float(fmod(x, y))
    default: return .float(pow(x, y))
    }
  }

  func negate(_ v: Value) throws -> Value {
    switch v {
    case .null: return .null
    case .int(let i):
      if i == .min { throw QuiverError.runtime(.arithmetic, .integerOverflow, "integer overflow in unary minus") }
      return .int(-i)
    case .float(let d): return .float(-d)
    case .temporal(let t) where t.kind == .duration: return .temporal(try TemporalArithmetic.negate(t))
    default: throw QuiverError.typeError("cannot negate a \(v.typeName)")
    }
  }

  private func membership(_ a: Value, _ b: Value) throws -> Value {
    switch b {
    case .null: return .null
    case .list(let items):
      var sawNull = false
      for item in items {
        switch a.cypherEquals(item) {
        case true?: return .bool(true)
        case nil: sawNull = true
        default: break
        }
      }
      return sawNull ? .null : .bool(false)
    default:
      throw QuiverError.typeError("IN needs a list on its right, got \(b.typeName)")
    }
  }

  func subscriptValue(_ owner: Value, _ index: Value) throws -> Value {
    switch (owner, index) {
    case (.null, _), (_, .null): return .null
    case (.list(let l), .int(let i)):
      let j = i < 0 ? Int64(l.count) + i : i
      return j >= 0 && j < Int64(l.count) ? l[Int(j)] : .null
    case (.list, _):
      throw QuiverError.typeError("list index must be an integer, got \(index.typeName)")
    case (.map, .string(let k)), (.node, .string(let k)), (.relationship, .string(let k)):
      return try property(owner, k)
    case (.map, _), (.node, _), (.relationship, _):
      throw QuiverError.runtime(.type, .mapElementAccessByNonString, "map key must be a string, got \(index.typeName)")
    default:
      throw QuiverError.typeError("cannot index into a \(owner.typeName)")
    }
  }

  func slice(_ owner: Value, _ from: Value?, _ to: Value?) throws -> Value {
    if owner.isNull || from?.isNull == true || to?.isNull == true { return .null }
    guard case .list(let l) = owner else { throw QuiverError.typeError("cannot slice a \(owner.typeName)") }
    let n = Int64(l.count)
    func bound(_ v: Value?, _ fallback: Int64) throws -> Int64 {
      guard let v else { return fallback }
      guard case .int(let i) = v else { throw QuiverError.typeError("slice bounds must be integers, got \(v.typeName)") }
      let j = i < 0 ? n + i : i
      return min(max(j, 0), n)
    }
    let start = try bound(from, 0)
    let end = try bound(to, n)
    return start < end ? .list(Array(l[Int(start)..<Int(end)])) : .list([])
  }

  private func regexMatches(_ s: String, _ pattern: String) throws -> Bool {
    do {
      let regex = try regexCache.regex(pattern)
      return s.wholeMatch(of: regex) != nil
    } catch {
      throw QuiverError.runtime(.argument, .invalidArgumentValue, "invalid regular expression '\(pattern)'")
    }
  }
}

/// Compiled regular expressions of one statement, by pattern text.
final class RegexCache {
  private var compiled: [String: Regex<AnyRegexOutput>] = [:]

  func regex(_ pattern: String) throws -> Regex<AnyRegexOutput> {
    if let r = compiled[pattern] { return r }
    let r = try Regex(pattern)
    compiled[pattern] = r
    return r
  }
}
