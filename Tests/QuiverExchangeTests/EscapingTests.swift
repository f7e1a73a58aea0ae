// Escaping for the exchange formats: exact Cypher literals and the text escapes of JSON, XML and CSV.
import Quiver
import Testing

@testable import QuiverExchange

@Suite struct EscapingTests {
  @Test(arguments: [
    (Value.float(-0.0), "-0.0"), (.float(.nan), "toFloat('NaN')"), (.float(-Double.nan), "(-toFloat('NaN'))"), (.float(.infinity), "(1.0 / 0.0)"),
    (.float(-.infinity), "(-1.0 / 0.0)"), (.float(1e300), "1e300"), (.float(1), "1.0"),
    (.int(.min), "(-9223372036854775807 - 1)"), (.string("a'b\n"), "'a\\'b\\n'"),
  ])
  func cypherLiterals(value: Value, expected: String) {
    #expect(Escaping.cypher(value) == expected)
  }

  @Test func textEscapes() {
    #expect(JSONText.string("a\"b\\\n\u{1}😀") == "\"a\\\"b\\\\\\n\\u0001😀\"")
    #expect(MarkupText.escape("<&>\"\n", lineBreaksAsReferences: true) == "&lt;&amp;&gt;&quot;&#10;")
    #expect(CSVText.field("a,b", quotingEmpty: true) == "\"a,b\"")
    #expect(CSVText.field("", quotingEmpty: true) == "\"\"")
    #expect(CSVText.field("say \"hi\"", quotingEmpty: true) == "\"say \"\"hi\"\"\"")
  }
}
