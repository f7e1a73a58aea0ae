// The temporal functions at run time: constructing values from strings, maps and other temporal
// values, the current time, truncation, epoch conversions and durations between values.
import CypherPlanner
import GraphCore

extension ExecutionContext {
  /// Calls temporal function `f`; a null argument gives null.
  func callTemporal(_ f: TemporalFunction, _ args: [Value]) throws -> Value {
    if args.contains(where: \.isNull) { return .null }
    switch f.operation {
    case .construct, .current:
      guard let x = args.first else { return .temporal(TemporalBuilder.now(f.kind, statementInstant, zone: nil)) }
      if f.operation == .current, case .string = x {
        return .temporal(TemporalBuilder.now(f.kind, statementInstant, zone: try TemporalBuilder.zoneSpec(x)))
      }
      return .temporal(try construct(f.kind, from: x))
    case .truncate:
      guard case .string(let unit) = args[0] else { throw QuiverError.typeError("truncate() needs a unit string, got \(args[0].typeName)") }
      guard case .temporal(let t) = args[1] else { throw QuiverError.typeError("truncate() needs a temporal value, got \(args[1].typeName)") }
      var overrides: [String: Value] = [:]
      if args.count == 3 {
        guard case .map(let m) = args[2] else { throw QuiverError.typeError("truncate() needs a map of components, got \(args[2].typeName)") }
        overrides = m
      }
      var truncated = try TemporalArithmetic.truncate(t, unit)
      if overrides.keys.contains(where: { $0.lowercased() == "timezone" }) {
        truncated = TemporalBuilder.convert(truncated, to: truncated.hasDate ? .localDateTime : .localTime)
        if t.kind == .date { truncated = TemporalBuilder.convert(truncated, to: .date) }
      }
      overrides[baseKey(truncated)] = .temporal(truncated)
      return .temporal(try TemporalBuilder.construct(f.kind, overrides, now: statementInstant))
    case .fromEpoch:
      guard case .int(let s) = args[0], case .int(let n) = args[1], s.magnitude < 1 << 50, n.magnitude < 1 << 60 else {
        throw QuiverError.typeError("datetime.fromepoch() needs integer seconds and nanoseconds")
      }
      return .temporal(TemporalBuilder.at(TemporalInstant(epochSecond: s + floorDiv(n, Temporal.nanosPerSecond), nano: floorMod(n, Temporal.nanosPerSecond)), zone: ZoneSpec(offset: 0)))
    case .fromEpochMillis:
      guard case .int(let ms) = args[0], ms.magnitude < 1 << 60 else { throw QuiverError.typeError("datetime.fromepochmillis() needs integer milliseconds") }
      return .temporal(TemporalBuilder.at(TemporalInstant(epochSecond: floorDiv(ms, 1000), nano: floorMod(ms, 1000) * 1_000_000), zone: ZoneSpec(offset: 0)))
    case .between(let unit):
      guard case .temporal(let a) = args[0], case .temporal(let b) = args[1] else {
        throw QuiverError.typeError("duration.between() needs two temporal values")
      }
      return .temporal(try TemporalBetween.between(a, b, unit))
    }
  }

  /// A value of `kind` from a string, a map, a zone name (current time there) or another temporal value.
  private func construct(_ kind: Temporal.Kind, from x: Value) throws -> Temporal {
    switch x {
    case .string(let s):
      return try TemporalParser.parse(kind, s)
    case .map(let m):
      return try TemporalBuilder.construct(kind, m, now: statementInstant)
    case .temporal(let t):
      if kind == .duration { throw QuiverError.typeError("duration() cannot take a \(t.typeName)") }
      return try TemporalBuilder.construct(kind, [baseKey(t): x], now: statementInstant)
    default:
      throw QuiverError.typeError("a \(kind) cannot be made from a \(x.typeName)")
    }
  }

  /// The map key under which `t` supplies components: `datetime`, `date` or `time`.
  private func baseKey(_ t: Temporal) -> String {
    t.hasDate && t.hasTime ? "datetime" : t.hasDate ? "date" : "time"
  }

  /// `t.key`: a component of a temporal value.
  func temporalProperty(_ t: Temporal, _ key: String) throws -> Value {
    guard let v = try t.component(key) else {
      throw QuiverError.runtime(.argument, .invalidArgumentValue, "a \(t.typeName) has no component `\(key)`")
    }
    return v
  }

  /// Arithmetic with a temporal operand: temporal ± duration, duration ± duration,
  /// duration × number, duration ÷ number; nil when no temporal rule applies.
  func temporalArithmetic(_ op: PlanBinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
    switch (op, a, b) {
    case (.add, .temporal(let x), .temporal(let d)) where d.kind == .duration:
      return .temporal(x.kind == .duration ? try TemporalArithmetic.durations(x, d, sign: 1) : try TemporalArithmetic.plus(x, d, sign: 1))
    case (.add, .temporal(let d), .temporal(let x)) where d.kind == .duration:
      return .temporal(try TemporalArithmetic.plus(x, d, sign: 1))
    case (.subtract, .temporal(let x), .temporal(let d)) where d.kind == .duration:
      return .temporal(x.kind == .duration ? try TemporalArithmetic.durations(x, d, sign: -1) : try TemporalArithmetic.plus(x, d, sign: -1))
    case (.multiply, .temporal(let d), .int(let n)) where d.kind == .duration,
      (.multiply, .int(let n), .temporal(let d)) where d.kind == .duration:
      return .temporal(try TemporalArithmetic.multiply(d, by: n))
    case (.multiply, .temporal(let d), .float(let f)) where d.kind == .duration,
      (.multiply, .float(let f), .temporal(let d)) where d.kind == .duration:
      return .temporal(try TemporalArithmetic.multiply(d, by: f))
    case (.divide, .temporal(let d), .int(let n)) where d.kind == .duration:
      return .temporal(try TemporalArithmetic.divide(d, by: Double(n)))
    case (.divide, .temporal(let d), .float(let f)) where d.kind == .duration:
      return .temporal(try TemporalArithmetic.divide(d, by: f))
    default:
      return nil
    }
  }
}
