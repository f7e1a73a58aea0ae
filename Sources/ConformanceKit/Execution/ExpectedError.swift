// The error a step such as `a SyntaxError should be raised at compile time: UndefinedVariable`
// expects, and the check of an actual error against it (`any time` accepts either phase, a `*`
// detail accepts any detail code).
import Quiver

/// An expected error: category name, phase (nil for `any time`) and detail code (`*` = any).
struct ExpectedError: Sendable, Hashable, CustomStringConvertible {
  var category: String
  var phase: QuiverError.Phase?
  var detail: String

  var description: String {
    "\(category) at \(phase?.rawValue ?? "any time"): \(detail)"
  }

  /// Reads the step text after `a`/`an`; nil when it is not an error step.
  static func parse(_ text: String) -> ExpectedError? {
    let article: String
    if text.hasPrefix("an ") {
      article = "an "
    } else if text.hasPrefix("a ") {
      article = "a "
    } else {
      return nil
    }
    let rest = text.dropFirst(article.count)
    guard let marker = rest.firstRange(of: " should be raised at ") else { return nil }
    let category = String(rest[..<marker.lowerBound])
    let tail = rest[marker.upperBound...]
    guard let colon = tail.firstRange(of: ": "), !category.isEmpty, !category.contains(" ") else {
      return nil
    }
    let phase: QuiverError.Phase?
    switch tail[..<colon.lowerBound] {
    case "compile time": phase = .compile
    case "runtime": phase = .runtime
    case "any time": phase = nil
    default: return nil
    }
    let detail = String(tail[colon.upperBound...]).trimmingBlanks()
    guard !detail.isEmpty else { return nil }
    return ExpectedError(category: category, phase: phase, detail: detail)
  }

  /// Nil when `error` is this error, else why not.
  func mismatch(_ error: any Error) -> String? {
    guard let error = error as? QuiverError else {
      return "expected \(self), got a non-Quiver error: \(QueryOutcome.describe(error))"
    }
    var wrong: [String] = []
    if error.category.name != category { wrong.append("type") }
    if let phase, error.phase != phase { wrong.append("phase") }
    if detail != "*" && error.code.rawValue != detail { wrong.append("detail") }
    guard !wrong.isEmpty else { return nil }
    return "wrong error \(wrong.joined(separator: ", ")): expected \(self), got "
      + QueryOutcome.describe(error)
  }
}
