// Expands a parsed feature into the test cases the runner executes: each plain scenario once,
// each outline once per Examples row with `<placeholders>` filled in, and the background steps
// put in front of every case. Each case gets the stable id used by reports and the ratchet.

/// One runnable case: a scenario, or one Examples row of an outline.
struct TestCase: Sendable, Hashable {
  /// The feature file's path relative to the features directory, with `/` separators.
  var featurePath: String
  /// The scenario title as written (placeholders are not filled in, so ids stay stable).
  var title: String
  /// The 0-based index of the Examples row across all Examples blocks; nil for a plain scenario.
  var exampleIndex: Int?
  var tags: Set<String>
  /// Background steps, then the scenario's own steps.
  var steps: [GherkinStep]
  var line: Int

  /// `path :: title`, plus ` #row` for an outline row.
  var id: String {
    Self.id(featurePath: featurePath, title: title, exampleIndex: exampleIndex)
  }

  /// Cases tagged `@ignore` are reported as skipped instead of being run.
  var isIgnored: Bool { tags.contains("@ignore") }

  static func id(featurePath: String, title: String, exampleIndex: Int?) -> String {
    featurePath + " :: " + title + (exampleIndex.map { " #\($0)" } ?? "")
  }

  /// Every case of `feature`, in file order.
  static func all(in feature: GherkinFeature, path: String) -> [TestCase] {
    var cases: [TestCase] = []
    for scenario in feature.scenarios {
      let tags = Set(feature.tags + scenario.tags)
      guard scenario.isOutline else {
        cases.append(
          TestCase(
            featurePath: path, title: scenario.title, exampleIndex: nil, tags: tags,
            steps: feature.background + scenario.steps, line: scenario.line))
        continue
      }
      var row = 0
      for block in scenario.examples {
        let names = block.table.header
        for (values, line) in zip(block.table.body, block.table.lines.dropFirst()) {
          var bindings: [String: String] = [:]
          for (name, value) in zip(names, values) { bindings[name] = value }
          let steps = (feature.background + scenario.steps).map { substitute(bindings, in: $0) }
          cases.append(
            TestCase(
              featurePath: path, title: scenario.title, exampleIndex: row,
              tags: tags.union(block.tags), steps: steps, line: line))
          row += 1
        }
      }
    }
    return cases
  }

  /// The step with `<name>` placeholders replaced in its text, doc string and table cells.
  static func substitute(_ bindings: [String: String], in step: GherkinStep) -> GherkinStep {
    guard !bindings.isEmpty else { return step }
    var result = step
    result.text = fill(step.text, bindings)
    result.docString = step.docString.map { fill($0, bindings) }
    result.table?.rows = step.table?.rows.map { row in row.map { fill($0, bindings) } } ?? []
    return result
  }

  /// Replaces each `<name>` with its binding in one left-to-right pass; unknown names stay.
  static func fill(_ text: String, _ bindings: [String: String]) -> String {
    var result = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "<") {
      result += rest[..<open]
      let afterOpen = rest.index(after: open)
      if let close = rest[afterOpen...].firstIndex(of: ">"),
        let value = bindings[String(rest[afterOpen..<close])]
      {
        result += value
        rest = rest[rest.index(after: close)...]
      } else {
        result.append("<")
        rest = rest[afterOpen...]
      }
    }
    return result + rest
  }
}
