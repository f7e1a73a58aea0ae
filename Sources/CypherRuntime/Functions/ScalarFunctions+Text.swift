// The string functions that take optional arguments: `trim`, `ltrim`, `rtrim` and `btrim` with
// the characters to remove (`trim(BOTH 'x' FROM s)` arrives here as `btrim(s, 'x')`), and
// `normalize(s[, form])` with the Unicode normal forms NFC, NFD, NFKC and NFKD, and
// `isNormalized(s[, form])` behind `s IS [form] NORMALIZED`.
import CypherPlanner
import Foundation
import GraphCore

extension ExecutionContext {
  /// `trim`/`btrim` (both ends), `ltrim` (leading), `rtrim` (trailing): whitespace, or every
  /// character of the second argument. Null in either argument gives null.
  func trimFunction(_ f: ScalarFunction, _ args: [Value]) throws -> Value {
    if args.contains(where: \.isNull) { return .null }
    guard case .string(let s) = args[0] else { throw argumentType(f, args[0]) }
    var remove: (Character) -> Bool = { $0.isWhitespace }
    if args.count > 1 {
      guard case .string(let characters) = args[1] else { throw argumentType(f, args[1]) }
      let set = Set(characters)
      remove = { set.contains($0) }
    }
    var slice = Substring(s)
    if f != .rtrim { slice = slice.drop(while: remove) }
    if f != .ltrim {
      while let last = slice.last, remove(last) { slice.removeLast() }
    }
    return .string(String(slice))
  }

  /// `normalize(s[, form])`: `s` in the normal form named by `form` (NFC when absent);
  /// `isNormalized(s[, form])`: whether `s` already is, scalar for scalar (Swift's `==` on
  /// strings would call canonically equivalent strings equal).
  func normalizeFunction(_ f: ScalarFunction, _ args: [Value]) throws -> Value {
    if args.contains(where: \.isNull) { return .null }
    guard case .string(let s) = args[0] else { throw argumentType(f, args[0]) }
    var form = "NFC"
    if args.count > 1 {
      guard case .string(let f) = args[1] else { throw argumentType(.normalize, args[1]) }
      form = f.uppercased()
    }
    guard let normalized = Self.normalized(s, form: form) else {
      throw QuiverError.runtime(
        .argument, .invalidArgumentValue, "unknown normal form '\(form)'; use NFC, NFD, NFKC or NFKD")
    }
    if f == .isNormalized { return .bool(normalized.unicodeScalars.elementsEqual(s.unicodeScalars)) }
    return .string(normalized)
  }

  /// `s` in the Unicode normal form `form` (NFC, NFD, NFKC, NFKD); nil for another form.
  static func normalized(_ s: String, form: String) -> String? {
    switch form {
    case "NFC": return s.precomposedStringWithCanonicalMapping
    case "NFD": return s.decomposedStringWithCanonicalMapping
    case "NFKC": return s.precomposedStringWithCompatibilityMapping
    case "NFKD": return s.decomposedStringWithCompatibilityMapping
    default: return nil
    }
  }
}

extension ExecutionContext {
  /// The parts of `s` around every occurrence of any of `separators` (the longest first where
  /// two match at one place); empty separators split nothing.
  func split(_ s: String, _ separators: [String]) -> [String] {
    let candidates = separators.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    var parts: [String] = []
    var current = ""
    var rest = Substring(s)
    while !rest.isEmpty {
      if let sep = candidates.first(where: { rest.hasPrefix($0) }) {
        parts.append(current)
        current = ""
        rest = rest.dropFirst(sep.count)
      } else {
        current.append(rest.removeFirst())
      }
    }
    parts.append(current)
    return parts
  }
}
