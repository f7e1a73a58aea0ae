// The parsed form of a Gherkin `.feature` file as the conformance runner needs it: a feature with
// an optional background and its scenarios, each scenario a list of steps that may carry a doc
// string or a data table, and outlines with their Examples tables.

/// A data table under a step or an `Examples:` line: rows of cells, already unescaped.
struct DataTable: Sendable, Hashable {
  var rows: [[String]]
  /// The 1-based line of each row in the file.
  var lines: [Int]

  init(rows: [[String]], lines: [Int] = []) {
    self.rows = rows
    self.lines = lines.count == rows.count ? lines : Array(repeating: 0, count: rows.count)
  }

  /// The first row, which names the columns of a result table or an Examples table.
  var header: [String] { rows.first ?? [] }
  /// The rows after the header.
  var body: [[String]] { Array(rows.dropFirst()) }
}

/// One step: its keyword (`Given`, `When`, `Then`, `And`, `But`, `*`), the text after it, and
/// an optional doc string or data table argument.
struct GherkinStep: Sendable, Hashable {
  var keyword: String
  var text: String
  var docString: String?
  var table: DataTable?
  /// The 1-based line of the step in its file.
  var line: Int
}

/// An `Examples:` block of a scenario outline.
struct ExamplesBlock: Sendable, Hashable {
  var tags: [String]
  var table: DataTable
}

/// A `Scenario:` or `Scenario Outline:` with its tags, steps and (for outlines) examples.
struct GherkinScenario: Sendable, Hashable {
  var title: String
  var tags: [String]
  var steps: [GherkinStep]
  var isOutline: Bool
  var examples: [ExamplesBlock]
  var line: Int
}

/// A whole feature file.
struct GherkinFeature: Sendable, Hashable {
  var name: String
  var tags: [String]
  var background: [GherkinStep]
  var scenarios: [GherkinScenario]
}

/// A structural error in a feature file, with the line it was found on.
struct GherkinError: Error, Sendable, Hashable, CustomStringConvertible {
  var line: Int
  var message: String
  var description: String { "line \(line): \(message)" }
}
