// The golden-file format of `quiver test`: a Cypher script whose statements may be followed by
// comment lines giving the expected result, `// expect:` and a table of `//   | col |` rows, or
// `// expect error: Name`. Parsing only; GoldenRunner runs the cases.
import Quiver

/// What a statement of a golden file must produce.
package enum GoldenExpectation: Equatable, Sendable {
  /// These columns and rows (cells as written, trimmed); rows compare as a bag unless the
  /// statement has ORDER BY.
  case rows(columns: [String], rows: [[String]])
  /// An error whose category (`SyntaxError`) or code (`UndefinedVariable`) is this name.
  case error(String)
}

/// One statement of a golden file, or a `:param` line, with what it must produce.
package struct GoldenCase: Equatable, Sendable {
  package enum Step: Equatable, Sendable {
    case statement(ScriptStatement)
    case command(MetaCommand)
  }

  package var step: Step
  /// The line the statement or command starts on.
  package var line: Int
  package var expectation: GoldenExpectation?
  /// The line of the `// expect` comment.
  package var expectationLine: Int?
}

/// Parses golden files.
package enum GoldenFile {
  /// A line of the file that could not be understood.
  package struct Problem: Equatable, Sendable {
    package var line: Int
    package var message: String
  }

  /// The cases of `text`, and the problems found in its expectation comments.
  package static func parse(_ text: String) -> (cases: [GoldenCase], problems: [Problem]) {
    var cases: [GoldenCase] = []
    var problems: [Problem] = []
    var buffer = StatementBuffer(numbering: .continuous)
    var table: (columns: [String]?, rows: [[String]], caseIndex: Int)?
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    func closeTable() {
      guard let open = table else { return }
      cases[open.caseIndex].expectation = .rows(columns: open.columns ?? [], rows: open.rows)
      table = nil
    }

    for (index, line) in lines.enumerated() {
      let number = index + 1
      let trimmed = line.trimmingWhitespace()
      if table != nil, trimmed.hasPrefix("//"), String(trimmed.dropFirst(2)).trimmingWhitespace().hasPrefix("|") {
        buffer.skip(line)
        let cells = splitRow(String(trimmed.dropFirst(2)).trimmingWhitespace())
        if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } && !$0.isEmpty }) { continue }
        if table?.columns == nil { table?.columns = cells } else { table?.rows.append(cells) }
        continue
      }
      closeTable()
      if buffer.isEmpty, let expectation = expectationHeader(trimmed) {
        buffer.skip(line)
        guard let last = cases.indices.last, cases[last].expectation == nil else {
          problems.append(Problem(line: number, message: "an expectation must follow a statement that has none yet"))
          continue
        }
        cases[last].expectationLine = number
        if let expectation {
          cases[last].expectation = expectation
        } else {
          table = (nil, [], last)
        }
        continue
      }
      if buffer.isEmpty, let command = MetaCommand.parse(line) {
        buffer.skip(line)
        cases.append(GoldenCase(step: .command(command), line: number))
        continue
      }
      for statement in buffer.append(line).statements {
        cases.append(GoldenCase(step: .statement(statement), line: ErrorReport.firstVisiblePosition(of: statement).line))
      }
    }
    closeTable()
    if let rest = buffer.finish() {
      for statement in rest.statements {
        cases.append(GoldenCase(step: .statement(statement), line: ErrorReport.firstVisiblePosition(of: statement).line))
      }
    }
    return (cases, problems)
  }

  /// For a `// expect...` line: nil when it is not one; `.some(nil)` for `// expect:` (a table
  /// follows); the expectation for `// expect error: Name`.
  private static func expectationHeader(_ trimmed: String) -> GoldenExpectation?? {
    guard trimmed.hasPrefix("//") else { return nil }
    let body = String(trimmed.dropFirst(2)).trimmingWhitespace()
    let lowered = body.lowercased()
    if lowered == "expect:" || lowered == "expect" { return .some(nil) }
    if lowered.hasPrefix("expect error:") {
      return .some(.error(String(body.dropFirst("expect error:".count)).trimmingWhitespace()))
    }
    return nil
  }

  /// The cells of `| a | 'b|c' |`: split at pipes outside quotes, trimmed. A `\|` outside
  /// quotes is a pipe inside a cell; other backslashes are kept.
  package static func splitRow(_ text: String) -> [String] {
    var body = Substring(text.trimmingWhitespace())
    if body.hasPrefix("|") { body.removeFirst() }
    if body.hasSuffix("|") && !body.hasSuffix("\\|") { body.removeLast() }
    var cells: [String] = []
    var current = ""
    var quote: Character?
    var escaped = false
    for character in body {
      if escaped {
        if character != "|" || quote != nil { current.append("\\") }
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if let open = quote {
        current.append(character)
        if character == open { quote = nil }
      } else if character == "'" || character == "\"" || character == "`" {
        quote = character
        current.append(character)
      } else if character == "|" {
        cells.append(current.trimmingWhitespace())
        current = ""
      } else {
        current.append(character)
      }
    }
    cells.append(current.trimmingWhitespace())
    return cells
  }
}
