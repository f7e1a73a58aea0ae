// The one configuration map every `algo.*` procedure takes: typed reads of its keys, and a final
// check that rejects keys nobody read, naming them. Ranges are checked by the typed algorithm
// calls (Analytics), which the embedding API uses too.
import GraphCore

/// A procedure's configuration map with typed accessors that record which keys were used.
package struct AlgorithmConfig {
  /// The procedure's name as the user wrote it in signatures, for messages.
  let procedure: String
  private let entries: [String: Value]
  private var used = Set<String>()

  /// Reads the map from the single argument of a call (null means an empty map).
  package init(procedure: String, arguments: [Value]) throws {
    self.procedure = procedure
    switch arguments.first ?? .null {
    case .null: entries = [:]
    case .map(let m): entries = m
    case let other:
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue, "\(procedure) takes one configuration map, got \(other.typeName)")
    }
  }

  /// An error naming `key` and what was wrong with its value.
  func invalid(_ key: String, _ problem: String) -> QuiverError {
    QuiverError.runtime(.argument, .invalidArgumentValue, "\(procedure): configuration key '\(key)' \(problem)")
  }

  private mutating func value(_ key: String) -> Value? {
    used.insert(key)
    guard let v = entries[key], !v.isNull else { return nil }
    return v
  }

  /// Whether the map holds `key` with a non-null value (does not mark it used).
  func has(_ key: String) -> Bool { entries[key].map { !$0.isNull } ?? false }

  /// A finite number (integers accepted).
  package mutating func double(_ key: String, default d: Double) throws -> Double {
    guard let v = value(key) else { return d }
    guard let x = v.doubleValue, x.isFinite else { throw invalid(key, "must be a number, got \(v.typeName)") }
    return x
  }

  /// An integer.
  package mutating func int(_ key: String, default d: Int) throws -> Int {
    guard let v = value(key) else { return d }
    guard case .int(let x) = v else { throw invalid(key, "must be an integer, got \(v.typeName)") }
    return Int(x)
  }

  /// A boolean.
  package mutating func bool(_ key: String, default d: Bool) throws -> Bool {
    guard let v = value(key) else { return d }
    guard case .bool(let b) = v else { throw invalid(key, "must be a boolean, got \(v.typeName)") }
    return b
  }

  /// A string, optionally one of `allowed` (compared case-insensitively; returned upper-cased then).
  package mutating func string(_ key: String, allowed: [String]? = nil) throws -> String? {
    guard let v = value(key) else { return nil }
    guard case .string(let s) = v else { throw invalid(key, "must be a string, got \(v.typeName)") }
    if let allowed {
      guard allowed.contains(s.uppercased()) else {
        throw invalid(key, "must be one of \(allowed.map { "'\($0)'" }.joined(separator: ", ")), got '\(s)'")
      }
      return s.uppercased()
    }
    return s
  }

  /// A string that must be present.
  package mutating func requiredString(_ key: String) throws -> String {
    guard let s = try string(key), !s.isEmpty else { throw invalid(key, "is required (a non-empty string)") }
    return s
  }

  /// The string at `key` without marking it used (nil when absent or not a string).
  func peekString(_ key: String) -> String? { entries[key]?.stringValue }

  /// A string or a list of strings.
  package mutating func strings(_ key: String) throws -> [String]? {
    guard let v = value(key) else { return nil }
    switch v {
    case .string(let s): return [s]
    case .list(let items):
      return try items.map { item in
        guard case .string(let s) = item else { throw invalid(key, "must be a string or a list of strings") }
        return s
      }
    default: throw invalid(key, "must be a string or a list of strings, got \(v.typeName)")
    }
  }

  /// Names with an optional string each: a string, a list of strings (no strings attached), or
  /// a map of name to string (by name), as GDS's `nodeProperties`.
  package mutating func namedStrings(_ key: String) throws -> [(key: String, value: String?)]? {
    guard let v = value(key) else { return nil }
    switch v {
    case .string, .list: return try strings(key)?.map { ($0, nil) }
    case .map(let m):
      return try m.keys.sorted().map { name in
        guard case .string(let s) = m[name] ?? .null else { throw invalid(key, "must map each name to a string") }
        return (name, s)
      }
    default: throw invalid(key, "must be a string, a list of strings or a map of strings, got \(v.typeName)")
    }
  }

  /// `samplingSize` (absent: every source) and `samplingSeed` (0).
  package mutating func sampling() throws -> SamplingOptions {
    var sampling = SamplingOptions()
    sampling.samplingSize = has("samplingSize") ? try int("samplingSize", default: 0) : nil
    sampling.samplingSeed = try int("samplingSeed", default: sampling.samplingSeed)
    return sampling
  }

  /// A list of numbers.
  package mutating func doubles(_ key: String) throws -> [Double]? {
    guard let v = value(key) else { return nil }
    guard case .list(let items) = v else { throw invalid(key, "must be a list of numbers, got \(v.typeName)") }
    return try items.map { item in
      guard let x = item.doubleValue, x.isFinite else { throw invalid(key, "must be a list of numbers") }
      return x
    }
  }

  /// A node given as a node value or its id.
  package mutating func nodeID(_ key: String) throws -> Int64? {
    guard let v = value(key) else { return nil }
    return try nodeID(of: v, key)
  }

  /// A node that must be present.
  package mutating func requiredNodeID(_ key: String) throws -> Int64 {
    guard let id = try nodeID(key) else { throw invalid(key, "is required (a node or a node id)") }
    return id
  }

  /// A node or a list of nodes (values or ids).
  package mutating func nodeIDs(_ key: String) throws -> [Int64] {
    guard let v = value(key) else { return [] }
    if case .list(let items) = v { return try items.map { try nodeID(of: $0, key) } }
    return [try nodeID(of: v, key)]
  }

  private func nodeID(of v: Value, _ key: String) throws -> Int64 {
    switch v {
    case .node(let n): return n.id
    case .int(let i): return i
    default: throw invalid(key, "must be a node or a node id, got \(v.typeName)")
    }
  }

  /// Throws for the first (alphabetically) key that no accessor read.
  package func finish() throws {
    if let unknown = entries.keys.filter({ !used.contains($0) }).sorted().first {
      let known = used.sorted().map { "'\($0)'" }.joined(separator: ", ")
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue, "\(procedure): unknown configuration key '\(unknown)' (known keys: \(known))")
    }
  }
}
