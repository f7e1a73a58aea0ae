// The scalar functions: entity introspection, lists, conversion, mathematics and strings, each
// with openCypher's null handling (null in, null out) and type errors for wrong arguments.
import CypherPlanner
import Foundation
import GraphCore

extension ExecutionContext {
  func call(_ f: ScalarFunction, _ args: [Value]) throws -> Value {
    // Functions that look at nulls themselves.
    switch f {
    case .coalesce: return args.first { !$0.isNull } ?? .null
    case .pi: return .float(Double.pi)
    case .e: return .float(M_E)
    case .rand: return .float(Double.random(in: 0..<1))
    case .timestamp: return .int(Int64(Date().timeIntervalSince1970 * 1000))
    case .linenumber, .file: return .null
    case .toStringOrNull, .toIntegerOrNull, .toFloatOrNull, .toBooleanOrNull:
      return (try? conversion(f, args[0])) ?? .null
    case .valueType: return .string(args[0].valueTypeName)
    case .round where args.count > 1:
      return try round(args)
    case .nullIf:
      return args[0].cypherEquals(args[1]) == true ? .null : args[0]
    case .randomUUID: return .string(UUID().uuidString.lowercased())
    case .vectorSimilarityCosine, .vectorSimilarityEuclidean:
      return try vectorSimilarity(f, args)
    case .point, .pointDistance, .pointWithinBBox:
      return try spatial(f, args)
    case .vector, .vectorDimensionCount, .vectorDistance, .vectorNorm:
      return try vectorFunction(f, args)
    default: break
    }
    if args.contains(where: \.isNull) {
      if f == .range || f == .substring || f == .left || f == .right || f == .replace || f == .split || f == .atan2 {
        return .null
      }
      if args.first?.isNull == true { return .null }
    }
    let x = args[0]
    switch f {
    case .format:
      guard case .temporal(let t) = x else { throw QuiverError.typeError("format() takes a temporal value, not a \(x.typeName)") }
      guard args.count > 1 else { return .string(t.description) }
      switch args[1] {
      case .null: return .null
      case .string(let pattern): return .string(try t.formatted(pattern))
      case let other: throw QuiverError.typeError("format() takes a STRING pattern, not a \(other.typeName)")
      }
    case .id, .elementId:
      switch x {
      case .node(let n): return f == .id ? .int(n.id) : .string(String(n.id))
      case .relationship(let r): return f == .id ? .int(r.id) : .string(String(r.id))
      default: throw argumentType(f, x)
      }
    case .labels:
      guard case .node(let n) = x else { throw argumentType(f, x) }
      if deletedNodes[n.id] != nil || !store.nodeExists(n.id) {
        throw QuiverError.runtime(.entityNotFound, .deletedEntityAccess, "node \(n.id) was deleted")
      }
      return .list(store.labels(of: n.id).map { .string($0) })
    case .type:
      guard case .relationship(let r) = x else { throw argumentType(f, x) }
      if let t = store.type(of: r.id) { return .string(t) }
      if let deleted = deletedRelationships[r.id] { return .string(deleted.type) }
      return .null
    case .keys:
      let props = try properties(of: x) ?? [:]
      return .list(props.keys.sorted().map { .string($0) })
    case .properties:
      guard let props = try properties(of: x) else { return .null }
      return .map(props)
    case .size:
      switch x {
      case .list(let l): return .int(Int64(l.count))
      case .string(let s): return .int(Int64(s.count))
      case .vector(let v): return .int(Int64(v.dimension))
      default: throw argumentType(f, x)
      }
    case .length:
      switch x {
      case .path(let p): return .int(Int64(p.relationships.count))
      case .string(let s): return .int(Int64(s.count))
      case .list(let l): return .int(Int64(l.count))
      default: throw argumentType(f, x)
      }
    case .isEmpty:
      switch x {
      case .list(let l): return .bool(l.isEmpty)
      case .string(let s): return .bool(s.isEmpty)
      case .map(let m): return .bool(m.isEmpty)
      default: throw argumentType(f, x)
      }
    case .nodes:
      guard case .path(let p) = x else { throw argumentType(f, x) }
      return .list(p.nodes.map { .node($0) })
    case .relationships:
      guard case .path(let p) = x else { throw argumentType(f, x) }
      return .list(p.relationships.map { .relationship($0) })
    case .startNode, .endNode:
      guard case .relationship(let r) = x else { throw argumentType(f, x) }
      guard let record = store.endpoints(of: r.id) else {
        if let d = deletedRelationships[r.id] { return .node(Node(id: f == .startNode ? d.startID : d.endID)) }
        return .null
      }
      return .node(Node(id: f == .startNode ? record.start : record.end))
    case .head, .last:
      guard case .list(let l) = x else { throw argumentType(f, x) }
      return (f == .head ? l.first : l.last) ?? .null
    case .tail:
      guard case .list(let l) = x else { throw argumentType(f, x) }
      return .list(Array(l.dropFirst()))
    case .reverse:
      switch x {
      case .list(let l): return .list(l.reversed())
      case .string(let s): return .string(String(s.reversed()))
      default: throw argumentType(f, x)
      }
    case .range:
      return try range(args)
    case .toInteger, .toFloat, .toString, .toBoolean:
      return try conversion(f, x)
    case .toBooleanList, .toFloatList, .toIntegerList, .toStringList:
      return try listConversion(f, x)
    case .abs:
      switch x {
      case .int(let i):
        if i == .min { throw QuiverError.runtime(.arithmetic, .integerOverflow, "integer overflow in abs()") }
        return .int(Swift.abs(i))
      case .float(let d): return .float(Swift.abs(d))
      default: throw argumentType(f, x)
      }
    case .sign:
      switch x {
      case .int(let i): return .int(i.signum())
      case .float(let d): return .int(d > 0 ? 1 : d < 0 ? -1 : 0)
      default: throw argumentType(f, x)
      }
    case .ceil, .floor, .round, .sqrt, .exp, .log, .log10, .sin, .cos, .tan, .cot, .asin, .acos, .atan, .degrees, .radians, .haversin:
      guard let d = x.doubleValue else { throw argumentType(f, x) }
      return .float(mathFunction(f, d))
    case .atan2:
      guard let y = x.doubleValue, let xx = args[1].doubleValue else { throw argumentType(f, args[1]) }
      return .float(Foundation.atan2(y, xx))
    case .toLower, .toUpper:
      guard case .string(let s) = x else { throw argumentType(f, x) }
      return .string(f == .toLower ? s.lowercased() : s.uppercased())
    case .trim, .ltrim, .rtrim, .btrim:
      return try trimFunction(f, args)
    case .normalize, .isNormalized:
      return try normalizeFunction(f, args)
    case .charLength, .characterLength:
      guard case .string(let s) = x else { throw argumentType(f, x) }
      return .int(Int64(s.count))
    case .isNaN:
      switch x {
      case .int: return .bool(false)
      case .float(let d): return .bool(d.isNaN)
      default: throw argumentType(f, x)
      }
    case .replace:
      guard case .string(let s) = x, case .string(let a) = args[1], case .string(let b) = args[2] else {
        throw argumentType(f, args.first { $0.stringValue == nil } ?? x)
      }
      let replaced = a.isEmpty ? s : s.replacingOccurrences(of: a, with: b)
      try checkStringSize(replaced.utf8.count, "replace()")
      return .string(replaced)
    case .substring:
      guard case .string(let s) = x, case .int(let start) = args[1] else { throw argumentType(f, args[1]) }
      var length = Int64.max
      if args.count > 2 {
        guard case .int(let l) = args[2] else { throw argumentType(f, args[2]) }
        length = l
      }
      if start < 0 || length < 0 {
        throw QuiverError.runtime(.argument, .numberOutOfRange, "substring() needs non-negative start and length")
      }
      let chars = Array(s)
      let from = Int(min(start, Int64(chars.count)))
      let to = Int(min(Int64(chars.count), Int64(from) &+ min(length, Int64(chars.count))))
      return .string(String(chars[from..<max(from, to)]))
    case .left, .right:
      guard case .string(let s) = x else { throw argumentType(f, x) }
      guard case .int(let n) = args[1] else { throw argumentType(f, args[1]) }
      if n < 0 { throw QuiverError.runtime(.argument, .numberOutOfRange, "\(f.rawValue)() needs a non-negative length") }
      let k = Int(min(n, Int64(s.count)))
      return .string(String(f == .left ? s.prefix(k) : s.suffix(k)))
    case .split:
      guard case .string(let s) = x else { throw argumentType(f, x) }
      if case .list(let delimiters) = args[1] {
        // split(s, ['a', 'b']): around any of the delimiters (Neo4j 5).
        let separators = try delimiters.map { d -> String in
          guard case .string(let t) = d else { throw argumentType(f, d) }
          return t
        }
        return .list(split(s, separators).map { .string($0) })
      }
      guard case .string(let sep) = args[1] else { throw argumentType(f, args[1]) }
      if sep.isEmpty { return .list(s.map { .string(String($0)) }) }
      return .list(s.components(separatedBy: sep).map { .string($0) })
    case .exists:
      return .bool(!x.isNull)
    default:
      throw argumentType(f, x)
    }
  }

  func argumentType(_ f: ScalarFunction, _ v: Value) -> QuiverError {
    QuiverError.runtime(.type, .invalidArgumentValue, "\(f.rawValue)() cannot take a \(v.typeName) argument")
  }

  private func mathFunction(_ f: ScalarFunction, _ d: Double) -> Double {
    switch f {
    case .ceil: return d.rounded(.up)
    case .floor: return d.rounded(.down)
    case .round: return (d < 0 && d - d.rounded(.towardZero) == -0.5) ? d.rounded(.up) : d.rounded(.toNearestOrAwayFromZero)
    case .sqrt: return d.squareRoot()
    case .exp: return Foundation.exp(d)
    case .log: return Foundation.log(d)
    case .log10: return Foundation.log10(d)
    case .sin: return Foundation.sin(d)
    case .cos: return Foundation.cos(d)
    case .tan: return Foundation.tan(d)
    case .cot: return 1 / Foundation.tan(d)
    case .asin: return Foundation.asin(d)
    case .acos: return Foundation.acos(d)
    case .atan: return Foundation.atan(d)
    case .degrees: return d * 180 / Double.pi
    case .radians: return d * Double.pi / 180
    case .haversin: return (1 - Foundation.cos(d)) / 2
    default: return d
    }
  }

  /// The number of elements of `range(start, end, step)` (`step` not 0), capped at Int.max. In
  /// unsigned arithmetic from the bounds: `(end - start) / step + 1` can overflow Int64
  /// (range(0, 9223372036854775807), range(0, -9223372036854775808, -1)).
  static func rangeCount(_ start: Int64, _ end: Int64, _ step: Int64) -> Int {
    if step > 0 ? end < start : end > start { return 0 }
    let distance = end >= start ? UInt64(bitPattern: end &- start) : UInt64(bitPattern: start &- end)
    let steps = distance / step.magnitude
    return steps >= UInt64(Int.max) ? Int.max : Int(steps) + 1
  }

  private func range(_ args: [Value]) throws -> Value {
    guard case .int(let start) = args[0], case .int(let end) = args[1] else {
      throw QuiverError.runtime(.argument, .invalidArgumentType, "range() takes integer bounds")
    }
    var step: Int64 = 1
    if args.count > 2 {
      guard case .int(let s) = args[2] else {
        throw QuiverError.runtime(.argument, .invalidArgumentType, "range() takes an integer step")
      }
      step = s
    }
    if step == 0 { throw QuiverError.runtime(.argument, .numberOutOfRange, "range() step cannot be zero") }
    let count = Self.rangeCount(start, end, step)
    try checkListSize(count, "range()")
    var out: [Value] = []
    out.reserveCapacity(count)
    var i = start
    while step > 0 ? i <= end : i >= end {
      out.append(.int(i))
      try checkCancelled()
      let (next, overflow) = i.addingReportingOverflow(step)
      if overflow { break }
      i = next
    }
    return .list(out)
  }

  /// toInteger, toFloat, toString, toBoolean: nil-free conversions that reject impossible types.
  func conversion(_ f: ScalarFunction, _ x: Value) throws -> Value {
    if x.isNull { return .null }
    switch f {
    case .toInteger, .toIntegerOrNull:
      switch x {
      case .int: return x
      case .float(let d):
        guard d.isFinite, d >= -9.2233720368547758e18, d < 9.2233720368547758e18 else { return .null }
        return .int(Int64(d.rounded(.towardZero)))
      case .string(let s):
        let t = s.trimmingCharacters(in: .whitespaces)
        if let i = Int64(t) { return .int(i) }
        if let d = Double(t), d.isFinite, Swift.abs(d) < 9.2233720368547758e18 { return .int(Int64(d.rounded(.towardZero))) }
        return .null
      case .bool(let b): return .int(b ? 1 : 0)
      default: throw argumentType(.toInteger, x)
      }
    case .toFloat, .toFloatOrNull:
      switch x {
      case .float: return x
      case .int(let i): return .float(Double(i))
      case .string(let s): return Double(s.trimmingCharacters(in: .whitespaces)).map { .float($0) } ?? .null
      default: throw argumentType(.toFloat, x)
      }
    case .toString, .toStringOrNull:
      switch x {
      case .string: return x
      case .int(let i): return .string(String(i))
      case .float(let d): return .string(CypherText.float(d))
      case .bool(let b): return .string(b ? "true" : "false")
      case .temporal(let t): return .string(t.description)
      case .point(let p): return .string(p.description)
      default: throw argumentType(.toString, x)
      }
    default:
      switch x {
      case .bool: return x
      case .string(let s):
        switch s.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: return .null
        }
      case .int(let i): return .bool(i != 0)
      default: throw argumentType(.toBoolean, x)
      }
    }
  }
}
