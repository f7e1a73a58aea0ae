// Running state of one aggregate function over one group: count, sum, avg, min, max, collect,
// standard deviations and percentiles, with DISTINCT and openCypher's null skipping (sum and
// avg take numbers or durations, not both in one group); and the state of a user-defined
// aggregate, folded by the embedder's code.
import CypherPlanner
import Foundation
import GraphCore

/// Accumulates the values of one aggregate for one group.
struct Accumulator {
  let spec: AggregateSpec
  private var seen = Set<GroupingKey>()
  private var count: Int64 = 0
  private var intSum: Int64 = 0
  private var floatSum = 0.0
  private var sawFloat = false
  /// The running sum of sum()/avg() over durations; nil until the first duration.
  private var durationSum: Temporal?
  private var extreme: Value?
  private var values: [Value] = []
  private var percentile: Double?
  /// The group's state of a user-defined aggregate.
  private let user: (function: UserAggregateFunction, state: UserAggregateState)?

  init(_ spec: AggregateSpec) {
    self.spec = spec
    if case .user(let function) = spec.kind {
      user = (function, function.makeState())
    } else {
      user = nil
    }
  }

  /// Adds one row's arguments of a user-defined aggregate. The row is skipped when an argument is
  /// null and its declared type does not admit null, as the built-in aggregates skip nulls.
  mutating func add(arguments: [Value]) throws {
    guard let (function, state) = user else { return }
    for (parameter, value) in zip(function.parameters, arguments) where value.isNull && !parameter.type.nullable {
      return
    }
    try UserCall.checkArguments(function.name, function.parameters, arguments)
    if spec.distinct && !seen.insert(GroupingKey(.list(arguments))).inserted { return }
    try UserCall.run(function.name) { try state.update(arguments) }
  }

  /// Adds one row's argument (nil for count(*)); `parameter` is a percentile's second argument.
  mutating func add(_ argument: Value?, parameter: Value?) throws {
    guard let value = argument else {
      count += 1
      return
    }
    if value.isNull { return }
    if spec.distinct && !seen.insert(GroupingKey(value)).inserted { return }
    guard let function = spec.function else { return }
    switch function {
    case .count:
      count += 1
    case .sum, .avg:
      count += 1
      if case .temporal(let d) = value, d.kind == .duration, durationSum != nil || (count == 1) {
        durationSum = try durationSum.map { try TemporalArithmetic.durations($0, d, sign: 1) } ?? d
        return
      }
      if durationSum != nil {
        throw QuiverError.typeError("\(function.rawValue)() cannot mix durations and \(value.typeName) values")
      }
      switch value {
      case .int(let i):
        if !sawFloat {
          let (s, overflow) = intSum.addingReportingOverflow(i)
          if overflow && function == .sum {
            throw QuiverError.runtime(.arithmetic, .integerOverflow, "integer overflow in sum()")
          }
          if overflow {
            sawFloat = true
            floatSum = Double(intSum) + Double(i)
          } else {
            intSum = s
          }
        } else {
          floatSum += Double(i)
        }
      case .float(let d):
        if !sawFloat {
          sawFloat = true
          floatSum = Double(intSum)
        }
        floatSum += d
      default:
        throw QuiverError.typeError("\(function.rawValue)() needs numbers, got \(value.typeName)")
      }
    case .min, .max:
      if let e = extreme {
        let c = value.orderCompare(e)
        if (function == .min && c < 0) || (function == .max && c > 0) { extreme = value }
      } else {
        extreme = value
      }
    case .collect:
      values.append(value)
    case .stDev, .stDevP:
      guard let d = value.doubleValue else {
        throw QuiverError.typeError("\(function.rawValue)() needs numbers, got \(value.typeName)")
      }
      values.append(.float(d))
    case .percentileCont, .percentileDisc:
      guard let d = value.doubleValue else {
        throw QuiverError.typeError("\(function.rawValue)() needs numbers, got \(value.typeName)")
      }
      if percentile == nil {
        guard let p = parameter?.doubleValue, p >= 0, p <= 1 else {
          throw QuiverError.runtime(.argument, .numberOutOfRange, "percentile must be a number between 0 and 1")
        }
        percentile = p
      }
      values.append(value.isInteger ? value : .float(d))
    }
  }

  func result() throws -> Value {
    guard let function = spec.function else {
      guard let (user, state) = user else { return .null }
      let value = try UserCall.run(user.name) { try state.result() }
      try UserCall.checkResult(user.name, user.returnType, value)
      return value
    }
    switch function {
    case .count: return .int(count)
    case .sum:
      if let d = durationSum { return .temporal(d) }
      return sawFloat ? .float(floatSum) : .int(intSum)
    case .avg:
      if count == 0 { return .null }
      if let d = durationSum { return (try? TemporalArithmetic.divide(d, by: Double(count))).map(Value.temporal) ?? .null }
      return .float((sawFloat ? floatSum : Double(intSum)) / Double(count))
    case .min, .max: return extreme ?? .null
    case .collect: return .list(values)
    case .stDev, .stDevP:
      let xs = values.compactMap(\.doubleValue)
      let n = Double(xs.count)
      let denominator = function == .stDev ? n - 1 : n
      if denominator <= 0 { return .float(0) }
      let mean = xs.reduce(0, +) / n
      let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / denominator
      return .float(variance.squareRoot())
    case .percentileCont, .percentileDisc:
      guard let p = percentile, !values.isEmpty else { return .null }
      let sorted = values.sorted { $0.orderCompare($1) < 0 }
      if function == .percentileDisc {
        let index = max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)
        return sorted[min(index, sorted.count - 1)]
      }
      let position = p * Double(sorted.count - 1)
      let lower = Int(position.rounded(.down))
      let upper = Int(position.rounded(.up))
      let a = sorted[lower].doubleValue ?? 0
      let b = sorted[upper].doubleValue ?? 0
      return .float(a + (b - a) * (position - Double(lower)))
    }
  }
}

extension Value {
  var isInteger: Bool { if case .int = self { return true } else { return false } }
}

extension AggregateSpec {
  /// Whether the accumulator keeps each value it is given (a list, or DISTINCT's seen set), so
  /// that each counts against the statement's row and memory limits.
  var keepsValues: Bool {
    switch function {
    case .collect, .stDev, .stDevP, .percentileCont, .percentileDisc: return true
    case .count, .sum, .avg, .min, .max: return distinct
    // A registered aggregate's state is the embedder's and is not counted; DISTINCT's set is.
    case nil: return distinct
    }
  }
}
