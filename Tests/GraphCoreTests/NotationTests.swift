// Exact outputs of GraphCore's escapers, one per notation (Cypher, JSON, CSV/TSV, markup), for
// the hard cases: quotes, backslashes, control characters, non-BMP characters, `]]>`,
// separators and line breaks, backquotes in names.
import Testing

@testable import GraphCore

struct NotationTests {
  @Test(arguments: [
    ("plain", "'plain'"),
    ("it's", #"'it\'s'"#),
    (#"a\b"#, #"'a\\b'"#),
    ("a\"b", "'a\"b'"),
    ("l1\nl2\r\t", #"'l1\nl2\r\t'"#),
    ("\u{0}\u{1B}\u{7F}", #"'\u0000\u001B\u007F'"#),
    ("😀 𝄞", "'😀 𝄞'"),
    ("e\u{301}", "'e\u{301}'"),
  ])
  func cypherStringLiteral(text: String, expected: String) {
    #expect(CypherText.quoted(text) == expected)
  }

  @Test(arguments: [
    ("plain", "plain"),
    ("it's a \\ b", "it's a \\ b"),
    ("l1\nl2\r\t", #"l1\nl2\r\t"#),
    ("bell\u{7}del\u{7F}", #"bell\u0007del\u007F"#),
    ("😀\n", #"😀\n"#),
  ])
  func singleLineDisplay(text: String, expected: String) {
    #expect(CypherText.singleLine(text) == expected)
  }

  @Test(arguments: [
    ("name", "name"),
    ("_x1", "_x1"),
    ("été", "été"),
    ("my label", "`my label`"),
    ("a`b", "`a``b`"),
    ("``", "``````"),
    ("1st", "`1st`"),
    ("", "``"),
    ("a-b", "`a-b`"),
    ("😀", "`😀`"),
  ])
  func cypherName(name: String, expected: String) {
    #expect(CypherText.name(name) == expected)
  }

  @Test(arguments: [
    ("plain", #""plain""#),
    ("say \"hi\"", #""say \"hi\"""#),
    (#"C:\dir"#, #""C:\\dir""#),
    ("a\nb\rc\td", #""a\nb\rc\td""#),
    ("\u{0}\u{1F}", #""\u0000\u001F""#),
    ("\u{7F}", "\"\u{7F}\""),
    ("😀", "\"😀\""),
    ("</script>", "\"</script>\""),
  ])
  func jsonString(text: String, expected: String) {
    #expect(JSONText.string(text) == expected)
  }

  @Test(arguments: [
    ("plain", "plain"),
    ("a,b", #""a,b""#),
    ("say \"hi\"", #""say ""hi""""#),
    ("l1\nl2", "\"l1\nl2\""),
    ("l1\r\nl2", "\"l1\r\nl2\""),
    ("cr\r", "\"cr\r\""),
    ("a;b", "a;b"),
    ("😀,", "\"😀,\""),
    ("", ""),
  ])
  func csvField(text: String, expected: String) {
    #expect(CSVText.field(text) == expected)
  }

  @Test func csvFieldWithAnotherSeparator() {
    #expect(CSVText.field("a;b", separator: ";") == #""a;b""#)
    #expect(CSVText.field("a,b", separator: ";") == "a,b")
    #expect(CSVText.field("a\tb", separator: "\t") == "\"a\tb\"")
  }

  @Test(arguments: [
    ("plain", "plain"),
    ("a\tb\nc\\d", #"a\tb\nc\\d"#),
    ("x\r\ny", #"x\r\ny"#),
    (#"\t"#, #"\\t"#),
    ("😀\t𝄞", #"😀\t𝄞"#),
  ])
  func tsvFieldRoundTrips(text: String, expected: String) {
    #expect(TSVText.field(text) == expected)
    #expect(TSVText.unescape(expected) == text)
  }

  @Test func tsvUnknownEscapeStandsForItsCharacter() {
    #expect(TSVText.unescape(#"a\qb\"#) == "aqb")
  }

  @Test(arguments: [
    ("plain", "plain"),
    (#"<a href="x">'&'</a>"#, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"),
    ("<![CDATA[x]]>", "&lt;![CDATA[x]]&gt;"),
    ("]]>", "]]&gt;"),
    ("&amp;", "&amp;amp;"),
    ("tab\tlf\ncr\r", "tab\tlf\ncr\r"),
    ("\u{0}\u{1}\u{1F}", "\u{FFFD}\u{FFFD}\u{FFFD}"),
    ("😀 𝄞", "😀 𝄞"),
  ])
  func markupEscape(text: String, expected: String) {
    #expect(MarkupText.escape(text) == expected)
  }
}
