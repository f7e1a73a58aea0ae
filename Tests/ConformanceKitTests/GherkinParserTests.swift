// Tests of the Gherkin parser and test-case expansion: outlines with several Examples blocks,
// backgrounds, doc strings (CRLF, tab indentation, de-indentation), tags, table cell escapes,
// comments, and structural errors.
import Testing

@testable import ConformanceKit

@Suite struct GherkinParserTests {
  @Test func outlineExpandsOncePerExamplesRowAcrossBlocks() throws {
    let text = """
      Feature: F
        Scenario Outline: [1] Return <x>
          Given any graph
          When executing query:
            \"\"\"
            RETURN <x> AS v
            \"\"\"
          Then the result should be, in any order:
            | v   |
            | <x> |

          Examples:
            | x |
            | 1 |
            | 2 |

          Examples:
            | x   |
            | 'a' |
      """
    let feature = try GherkinParser.parse(text)
    let cases = TestCase.all(in: feature, path: "dir/F.feature")
    #expect(cases.count == 3)
    #expect(cases.map(\.exampleIndex) == [0, 1, 2])
    #expect(cases.map(\.id) == [
      "dir/F.feature :: [1] Return <x> #0", "dir/F.feature :: [1] Return <x> #1",
      "dir/F.feature :: [1] Return <x> #2",
    ])
    #expect(cases[2].steps[1].docString == "RETURN 'a' AS v")
    #expect(cases[1].steps[2].table?.rows == [["v"], ["2"]])
    #expect(cases[0].steps.map(\.text) == ["any graph", "executing query:", "the result should be, in any order:"])
  }

  @Test func plainScenarioHasNoExampleIndexAndBackgroundComesFirst() throws {
    let text = """
      Feature: F
        Background:
          Given an empty graph
          And having executed:
            \"\"\"
            CREATE ()
            \"\"\"

        Scenario: [1] One
          When executing query:
            \"\"\"
            MATCH (n) RETURN n
            \"\"\"
          Then the result should be empty
      """
    let cases = TestCase.all(in: try GherkinParser.parse(text), path: "F.feature")
    #expect(cases.count == 1)
    #expect(cases[0].id == "F.feature :: [1] One")
    #expect(cases[0].exampleIndex == nil)
    #expect(cases[0].steps.map(\.text) == [
      "an empty graph", "having executed:", "executing query:", "the result should be empty",
    ])
    #expect(cases[0].steps[1].docString == "CREATE ()")
  }

  @Test func crlfFileParsesLikeLF() throws {
    let lf = "Feature: F\n  Scenario: [1] S\n    When executing query:\n      \"\"\"\n      MATCH (n)\n      RETURN n\n      \"\"\"\n    Then the result should be, in order:\n      | n |\n"
    let crlf = lf.replacingAll("\n", with: "\r\n")
    let a = try GherkinParser.parse(lf)
    let b = try GherkinParser.parse(crlf)
    #expect(a == b)
    #expect(b.scenarios[0].steps[0].docString == "MATCH (n)\nRETURN n")
    #expect(b.scenarios[0].steps[1].table?.rows == [["n"]])
  }

  @Test func tabIndentedDocStringIsDeindentedByTheOpeningDelimiter() throws {
    let text = "Feature: F\n  Scenario: [1] S\n    When executing query:\n\t \"\"\"\n\t MATCH (n)\n\t   RETURN n\n\t \"\"\"\n"
    let feature = try GherkinParser.parse(text)
    #expect(feature.scenarios[0].steps[0].docString == "MATCH (n)\n  RETURN n")
  }

  @Test func docStringKeepsDeeperIndentationAndHashLines() throws {
    let text = """
      Feature: F
        Scenario: [1] S
          When executing query:
            \"\"\"
            MATCH (n)
            # not a comment
              RETURN n
            \"\"\"
      """
    let feature = try GherkinParser.parse(text)
    #expect(feature.scenarios[0].steps[0].docString == "MATCH (n)\n# not a comment\n  RETURN n")
  }

  @Test func tagsCommentsAndIgnore() throws {
    let text = """
      # leading comment
      @featureTag
      Feature: F
        # a comment between scenarios
        @ignore @skipStyleCheck
        Scenario: [1] Ignored
          Given any graph

        Scenario: [2] Kept
          Given any graph
      """
    let feature = try GherkinParser.parse(text)
    let cases = TestCase.all(in: feature, path: "F.feature")
    #expect(feature.scenarios[0].tags == ["@ignore", "@skipStyleCheck"])
    #expect(cases.map(\.isIgnored) == [true, false])
    #expect(cases[1].tags == ["@featureTag"])
  }

  @Test func tableCellsUnescapePipesBackslashesAndNewlines() {
    #expect(GherkinParser.cells(of: #"| a\|b | c\\d | e\nf | 'x\'y' |"#) == ["a|b", #"c\d"#, "e\nf", #"'x\'y'"#])
    #expect(GherkinParser.cells(of: "|") == [])
    #expect(GherkinParser.cells(of: "|  |") == [""])
  }

  @Test func placeholdersAreFilledInOnePass() {
    #expect(TestCase.fill("<a> <b> <c>", ["a": "<b>", "b": "2"]) == "<b> 2 <c>")
    #expect(TestCase.fill("x < y and <a>", ["a": "1"]) == "x < y and 1")
  }

  @Test func structuralErrorsNameTheLine() {
    #expect(throws: GherkinError(line: 2, message: "step outside a scenario")) {
      try GherkinParser.parse("Feature: F\n  Given any graph\n")
    }
    #expect(throws: GherkinError(line: 4, message: "doc string is never closed")) {
      try GherkinParser.parse("Feature: F\n  Scenario: S\n    When executing query:\n      \"\"\"\n      RETURN 1\n")
    }
    #expect(throws: GherkinError(line: 2, message: "no Feature: line")) {
      try GherkinParser.parse("# nothing\n")
    }
  }
}
