// Reading a float field of an import file. Swift's `Double(_:)` turns `1e999` into infinity and
// accepts `nan`, `inf` and `nan(0x1)`; an import must not store such values by accident, so only
// the spellings Quiver's (and Java's, so neo4j-admin's) exports write stand for NaN and the
// infinities, and a finite-looking number out of range is an error.

/// Parses float fields of CSV imports strictly.
package enum CSVFloat {
  /// Why a field is not a float.
  package enum Problem: Error, Sendable, Equatable {
    /// The text spells no number.
    case notANumber
    /// The text spells a number too large for a 64-bit float (it would become infinity).
    case outOfRange
    /// The text spells NaN or an infinity in a form other than `NaN`, `Infinity`, `-Infinity`.
    case nonCanonicalSpecial
  }

  /// The exact spellings of the non-finite values (with `INF`, which neo4j-admin also reads).
  private static let specials: [String: Double] = [
    "NaN": .nan, "Infinity": .infinity, "+Infinity": .infinity, "-Infinity": -.infinity,
    "INF": .infinity, "+INF": .infinity, "-INF": -.infinity,
  ]

  /// The value `text` spells (surrounding spaces ignored), or why it spells none.
  package static func parse(_ text: String) -> Result<Double, Problem> {
    let trimmed = FieldText.trimmingSpaces(text)
    // A finite number is the common case: parsed first, with the spellings of the non-finite
    // values looked up only for what is not one.
    let value = Double(trimmed)
    if let value, value.isFinite { return .success(value) }
    if let special = specials[trimmed] { return .success(special) }
    guard let value else { return .failure(.notANumber) }
    // Digits that overflowed, as against a spelled-out `nan` or `inf`.
    return trimmed.contains(where: \.isNumber) && !value.isNaN ? .failure(.outOfRange) : .failure(.nonCanonicalSpecial)
  }

  /// The end of an error message about `text` in column `column` for `problem`.
  package static func message(_ text: String, column: String, _ problem: Problem, typeName: String) -> String {
    switch problem {
    case .notANumber: return "`\(text)` in column `\(column)` is not a \(typeName)"
    case .outOfRange:
      return "`\(text)` in column `\(column)` is out of range for a \(typeName) (at most ±1.7976931348623157e308)"
    case .nonCanonicalSpecial:
      return "`\(text)` in column `\(column)` is not a \(typeName) (write NaN, Infinity or -Infinity exactly so)"
    }
  }
}
