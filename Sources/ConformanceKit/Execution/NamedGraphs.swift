// The TCK's named graphs (`Given the binary-tree-1 graph`): each is a Cypher script at
// `<graphs>/<name>/<name>.cypher`. Finds the graphs folder next to a features folder and cuts a
// script into statements at the semicolons outside strings, names and comments.
import Foundation

/// Where named graph scripts are read from.
struct NamedGraphs: Sendable {
  /// The graphs directory, or nil when none was found.
  var directory: String?

  /// The statements of the named graph's script.
  func statements(of name: String) throws(StepFailure) -> [String] {
    guard let directory else {
      throw StepFailure("no graphs directory for named graph `\(name)` (use --graphs)")
    }
    guard !name.contains("/"), !name.contains("..") else { throw StepFailure("bad graph name `\(name)`") }
    let path = directory + "/" + name + "/" + name + ".cypher"
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
    else { throw StepFailure("cannot read named graph script \(path)") }
    return Self.split(script: text)
  }

  /// The first `graphs` directory found in `start` or one of its ancestors, as an absolute path.
  static func locate(from start: String) -> String? {
    var dir = URL(fileURLWithPath: start).standardizedFileURL
    while true {
      let candidate = dir.appendingPathComponent("graphs").path
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
        return candidate
      }
      let parent = dir.deletingLastPathComponent()
      if parent.path == dir.path { return nil }
      dir = parent
    }
  }

  /// The non-blank statements of `script`, cut at `;` outside quotes, backquotes and comments.
  static func split(script: String) -> [String] {
    var statements: [String] = []
    var current = ""
    var quote: Character?
    var inLineComment = false
    var inBlockComment = false
    var escaped = false
    var previous: Character = " "
    for c in script {
      defer { previous = c }
      if inLineComment {
        if c.isNewline { inLineComment = false }
      } else if inBlockComment {
        if previous == "*" && c == "/" { inBlockComment = false }
      } else if let q = quote {
        if escaped {
          escaped = false
        } else if c == "\\" && q != "`" {
          escaped = true
        } else if c == q {
          quote = nil
        }
      } else if c == "'" || c == "\"" || c == "`" {
        quote = c
      } else if previous == "/" && c == "/" {
        inLineComment = true
      } else if previous == "/" && c == "*" {
        inBlockComment = true
      } else if c == ";" {
        statements.append(current)
        current = ""
        continue
      }
      current.append(c)
    }
    statements.append(current)
    return statements.map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
  }
}
