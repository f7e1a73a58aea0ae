// Reads a Gherkin `.feature` file into a `GherkinFeature`. Handles the quirks of the TCK files:
// CRLF line endings, tab-indented doc strings (de-indented by the opening delimiter's
// indentation), `#` comment lines, tags, and table cells with `\|`, `\\` and `\n` escapes.

/// A line-oriented parser for the subset of Gherkin the TCK uses.
struct GherkinParser {
  private enum TableTarget { case none, step, examples }
  private enum Container { case none, background, scenario }

  private let lines: [String]
  private var index = 0
  private var feature: GherkinFeature?
  private var container = Container.none
  private var pendingTags: [String] = []
  private var tableTarget = TableTarget.none
  private var descriptionAllowed = true

  private init(text: String) {
    var body = Substring(text)
    if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
    lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      .map { line in line.hasSuffix("\r") ? String(line.dropLast()) : String(line) }
  }

  /// Parses the text of one feature file.
  static func parse(_ text: String) throws(GherkinError) -> GherkinFeature {
    var parser = GherkinParser(text: text)
    return try parser.run()
  }

  private mutating func run() throws(GherkinError) -> GherkinFeature {
    while index < lines.count {
      let line = lines[index]
      let lineNumber = index + 1
      index += 1
      let trimmed = line.trimmingBlanks()
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if trimmed.hasPrefix("@") {
        pendingTags += Self.tags(in: trimmed)
      } else if trimmed.hasPrefix("\"\"\"") || trimmed.hasPrefix("```") {
        try readDocString(opening: line, lineNumber: lineNumber)
      } else if trimmed.hasPrefix("|") {
        try addTableRow(Self.cells(of: trimmed), lineNumber: lineNumber)
      } else if let (keyword, rest) = Self.header(trimmed) {
        try startBlock(keyword, title: rest, lineNumber: lineNumber)
      } else if let (keyword, text) = Self.step(trimmed) {
        try addStep(GherkinStep(keyword: keyword, text: text, line: lineNumber))
      } else if !descriptionAllowed || feature == nil {
        throw GherkinError(line: lineNumber, message: "unexpected line: \(trimmed)")
      }
    }
    guard let feature else { throw GherkinError(line: lines.count, message: "no Feature: line") }
    return feature
  }

  private static let headerKeywords = [
    "Feature", "Background", "Scenario Outline", "Scenario Template", "Scenario", "Example",
    "Examples", "Scenarios", "Rule",
  ]

  /// Splits `Keyword: title` for the block keywords; nil for any other line.
  private static func header(_ line: String) -> (String, String)? {
    for keyword in headerKeywords where line.hasPrefix(keyword + ":") {
      return (keyword, String(line.dropFirst(keyword.count + 1)).trimmingBlanks())
    }
    return nil
  }

  /// Splits `Given text` into keyword and text for the step keywords; nil otherwise.
  private static func step(_ line: String) -> (String, String)? {
    for keyword in ["Given", "When", "Then", "And", "But", "*"] where line.hasPrefix(keyword + " ") {
      return (keyword, String(line.dropFirst(keyword.count + 1)).trimmingBlanks())
    }
    return nil
  }

  /// The `@tags` on a tag line, up to a trailing `#` comment.
  static func tags(in line: String) -> [String] {
    var result: [String] = []
    for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
      if word.hasPrefix("#") { break }
      result.append(String(word))
    }
    return result
  }

  private mutating func startBlock(_ keyword: String, title: String, lineNumber: Int) throws(GherkinError) {
    let tags = pendingTags
    pendingTags = []
    descriptionAllowed = true
    tableTarget = .none
    switch keyword {
    case "Feature":
      guard feature == nil else { throw GherkinError(line: lineNumber, message: "second Feature: line") }
      feature = GherkinFeature(name: title, tags: tags, background: [], scenarios: [])
    case "Background":
      guard feature != nil, container == .none else {
        throw GherkinError(line: lineNumber, message: "Background: must come before the scenarios")
      }
      container = .background
    case "Examples", "Scenarios":
      guard container == .scenario, let last = feature?.scenarios.indices.last else {
        throw GherkinError(line: lineNumber, message: "Examples: outside a scenario outline")
      }
      feature?.scenarios[last].isOutline = true
      feature?.scenarios[last].examples.append(ExamplesBlock(tags: tags, table: DataTable(rows: [])))
      tableTarget = .examples
    case "Rule":
      throw GherkinError(line: lineNumber, message: "Rule: is not supported")
    default:
      guard feature != nil else { throw GherkinError(line: lineNumber, message: "scenario before Feature:") }
      let outline = keyword == "Scenario Outline" || keyword == "Scenario Template"
      feature?.scenarios.append(
        GherkinScenario(
          title: title, tags: tags, steps: [], isOutline: outline, examples: [], line: lineNumber))
      container = .scenario
    }
  }

  private mutating func addStep(_ step: GherkinStep) throws(GherkinError) {
    descriptionAllowed = false
    tableTarget = .step
    switch container {
    case .background:
      feature?.background.append(step)
    case .scenario:
      guard let last = feature?.scenarios.indices.last, feature?.scenarios[last].examples.isEmpty == true
      else { throw GherkinError(line: step.line, message: "step after Examples:") }
      feature?.scenarios[last].steps.append(step)
    case .none:
      throw GherkinError(line: step.line, message: "step outside a scenario")
    }
  }

  /// Applies `change` to the step that was added last.
  private mutating func updateLastStep(
    line: Int, _ change: (inout GherkinStep) throws(GherkinError) -> Void
  ) throws(GherkinError) {
    switch container {
    case .background:
      guard let last = feature?.background.indices.last, var step = feature?.background[last] else { break }
      try change(&step)
      feature?.background[last] = step
      return
    case .scenario:
      guard let s = feature?.scenarios.indices.last, let last = feature?.scenarios[s].steps.indices.last,
        var step = feature?.scenarios[s].steps[last]
      else { break }
      try change(&step)
      feature?.scenarios[s].steps[last] = step
      return
    case .none: break
    }
    throw GherkinError(line: line, message: "doc string or table without a step")
  }

  private mutating func addTableRow(_ cells: [String], lineNumber: Int) throws(GherkinError) {
    descriptionAllowed = false
    switch tableTarget {
    case .examples:
      guard let s = feature?.scenarios.indices.last, let e = feature?.scenarios[s].examples.indices.last
      else { throw GherkinError(line: lineNumber, message: "table without Examples:") }
      feature?.scenarios[s].examples[e].table.rows.append(cells)
      feature?.scenarios[s].examples[e].table.lines.append(lineNumber)
    case .step:
      try updateLastStep(line: lineNumber) { (step: inout GherkinStep) throws(GherkinError) in
        guard step.docString == nil else {
          throw GherkinError(line: lineNumber, message: "step has both a doc string and a table")
        }
        var table = step.table ?? DataTable(rows: [])
        table.rows.append(cells)
        table.lines.append(lineNumber)
        step.table = table
      }
    case .none:
      throw GherkinError(line: lineNumber, message: "table row without a step")
    }
  }

  /// Reads the doc string opened on `opening` and attaches it to the last step. Content lines
  /// lose up to as many leading blanks as the opening delimiter is indented by.
  private mutating func readDocString(opening: String, lineNumber: Int) throws(GherkinError) {
    let indent = opening.prefix(while: { $0 == " " || $0 == "\t" }).count
    let delimiter = String(opening.dropFirst(indent).prefix(3))
    var content: [String] = []
    var closed = false
    while index < lines.count {
      let line = lines[index]
      index += 1
      if line.trimmingBlanks() == delimiter {
        closed = true
        break
      }
      let blanks = min(indent, line.prefix(while: { $0 == " " || $0 == "\t" }).count)
      var text = String(line.dropFirst(blanks))
      if delimiter == "\"\"\"" { text = text.replacingAll("\\\"\\\"\\\"", with: "\"\"\"") }
      content.append(text)
    }
    guard closed else { throw GherkinError(line: lineNumber, message: "doc string is never closed") }
    guard tableTarget == .step else {
      throw GherkinError(line: lineNumber, message: "doc string without a step")
    }
    tableTarget = .none
    let text = content.joined(separator: "\n")
    try updateLastStep(line: lineNumber) { (step: inout GherkinStep) throws(GherkinError) in
      guard step.docString == nil, step.table == nil else {
        throw GherkinError(line: lineNumber, message: "step already has an argument")
      }
      step.docString = text
    }
  }

  /// The cells of a table row (`| a | b |`), trimmed of blanks, with `\|`, `\\` and `\n`
  /// unescaped; other backslashes are kept as written.
  static func cells(of row: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaping = false
    for ch in row.dropFirst() {
      if escaping {
        switch ch {
        case "|": current.append("|")
        case "\\": current.append("\\")
        case "n": current.append("\n")
        default: current.append("\\"); current.append(ch)
        }
        escaping = false
      } else if ch == "\\" {
        escaping = true
      } else if ch == "|" {
        cells.append(current.trimmingBlanks())
        current = ""
      } else {
        current.append(ch)
      }
    }
    return cells
  }
}
