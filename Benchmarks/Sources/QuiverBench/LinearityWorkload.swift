// The `linearity` workload: pathological inputs of growing size (deep nesting, long literals and
// names, huge lists, long operator chains, many statements, a syntax error at the end of a long
// line, a wide result table) through the stage each one stresses, to show that time grows in
// proportion to input size. One JSON line per shape and size, and one per shape with the ratio
// of the time per byte at the largest size to that at the smallest (1.0 is linear).
import CypherSyntax
import Foundation
import Quiver
import QuiverShellSupport

/// Times each pathological input shape at each size.
struct LinearityWorkload {
  /// Input sizes in bytes, smallest first.
  let sizes: [Int]
  let repetitions: Int
  /// Shape names to run (all when nil), e.g. `list-literal`.
  let only: Set<String>?

  /// One input shape: how to make an input of about `size` bytes, and the work to time on it,
  /// which returns how it ended ("ok" or the error code).
  struct Shape {
    let name: String
    let make: (Int) -> String
    let run: (String) -> String
  }

  /// The shapes, with the work each input goes through.
  static func shapes() throws -> [Shape] {
    let db = try Database()
    // Some of these inputs are refused (nesting limit, syntax error); the time to say so counts.
    func outcome(_ body: () throws -> Void) -> String {
      do {
        try body()
        return "ok"
      } catch let error as QuiverError {
        return error.code.rawValue
      } catch {
        return "\(error)"
      }
    }
    func parse(_ text: String) -> String { outcome { _ = try Parser.parse(text) } }
    func execute(_ text: String) -> String { outcome { _ = try db.execute(text) } }
    func repeated(_ head: String, _ unit: String, _ tail: String, _ size: Int) -> String {
      head + String(repeating: unit, count: max(1, (size - head.utf8.count - tail.utf8.count) / unit.utf8.count)) + tail
    }
    return [
      Shape(name: "nested-lists", make: { size in repeated("RETURN ", "[", "", size) }, run: parse),
      Shape(name: "nested-parentheses", make: { size in repeated("RETURN ", "(", "1", size) }, run: parse),
      Shape(name: "string-literal", make: { size in repeated("RETURN size('", "a", "') AS n", size) }, run: execute),
      Shape(name: "identifier", make: { size in repeated("RETURN 1 AS ", "a", "", size) }, run: execute),
      Shape(name: "list-literal", make: { size in repeated("RETURN size([", "1,", "1]) AS n", size) }, run: execute),
      Shape(name: "in-list", make: { size in repeated("RETURN 7 IN [", "1,", "7] AS found", size) }, run: execute),
      Shape(name: "sum-chain", make: { size in repeated("RETURN 1", "+1", " AS n", size) }, run: execute),
      Shape(
        name: "many-statements", make: { size in repeated("", "RETURN 1;\n", "", size) },
        run: { text in "\(Database.split(script: text).statements.count) statements" }),
      Shape(
        name: "error-caret", make: { size in repeated("RETURN 1", " + 1", " +)", size) },
        run: { text in
          do {
            _ = try Parser.parse(text)
            return "ok"
          } catch let error as QuiverError {
            return "\(error.render(source: text).utf8.count) bytes of error"
          } catch {
            return "\(error)"
          }
        }),
      Shape(
        name: "table-output", make: { size in String(repeating: "x", count: size) },
        run: { text in
          // Rows of 100-byte cells adding up to the input's size, laid out as the shell does.
          let cell = Value.string(String(text.prefix(100)))
          let rows = Array(repeating: [cell, .int(42)], count: max(1, text.utf8.count / 100))
          return "\(TableFormatter(style: .unicode).format(columns: ["text", "n"], rows: rows).utf8.count) bytes of table"
        }),
    ]
  }

  func measure() throws {
    for shape in try Self.shapes() where only?.contains(shape.name) ?? true {
      var perByte: [Double] = []
      for size in sizes {
        let input = shape.make(size)
        var m = Measurement(workload: "X-\(shape.name)", dataset: "\(input.utf8.count)B")
        var ended = ""
        m.seconds = Measurement.time(repetitions) { ended = shape.run(input) }
        m.extra["answer"] = ended
        m.extra["bytes"] = input.utf8.count
        m.extra["s_per_mb"] = m.median / Double(input.utf8.count) * 1_048_576
        m.report()
        perByte.append(m.median / Double(input.utf8.count))
      }
      guard let first = perByte.first, let last = perByte.last, first > 0 else { continue }
      var summary = Measurement(workload: "X-\(shape.name)", dataset: "growth")
      summary.extra["per_byte_ratio"] = last / first
      summary.extra["sizes"] = sizes
      summary.report()
    }
  }
}
