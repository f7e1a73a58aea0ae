// Test support: queries with a `‸` marker where an error should point, and the check that a
// compile-time error has the expected code, name and position.
import GraphCore
import Testing

/// A query written with a `‸` at the place an error should point.
struct Marked: CustomStringConvertible, Sendable {
  /// The query without the marker.
  let text: String
  /// The 1-based line and column the marker stood at (nil without a marker).
  let line: Int?
  let column: Int?

  init(_ source: String) {
    var line = 1
    var column = 1
    var at: (Int, Int)?
    var text = ""
    for c in source {
      if c == "‸" {
        at = (line, column)
        continue
      }
      text.append(c)
      if c == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    self.text = text
    self.line = at?.0
    self.column = at?.1
  }

  var description: String { text }
}

extension Marked {
  /// Checks that `e` is a compile-time error with `code` about `name`, pointing at the marker.
  func expect(
    _ e: QuiverError, is code: QuiverError.Code, about name: String?,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(e.code == code, "\(self)", sourceLocation: sourceLocation)
    #expect(e.name == name, "\(self)", sourceLocation: sourceLocation)
    #expect(e.category == .syntax || e.category == .procedure, "\(self)", sourceLocation: sourceLocation)
    #expect(e.phase == .compile, "\(self)", sourceLocation: sourceLocation)
    #expect(e.position?.line == line, "\(self)", sourceLocation: sourceLocation)
    #expect(e.position?.column == column, "\(self)", sourceLocation: sourceLocation)
  }
}
