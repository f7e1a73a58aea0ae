// grammar/keywords.txt and the lexer's reserved-word table must list the same words.
import Foundation
import Testing

@testable import CypherSyntax

@Suite struct KeywordsTests {
  @Test func keywordFileMatchesTheParser() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("grammar/keywords.txt")
    let text = try String(contentsOf: url, encoding: .utf8)
    let words = Set(text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty })
    #expect(words == Keywords.reserved)
  }
}
