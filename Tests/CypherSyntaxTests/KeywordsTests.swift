// grammar/keywords.txt and the reserved keywords must list the same words; the `Keyword` enum
// classifies identifiers in any case, and the non-reserved keywords stay usable as names.
import Foundation
import GraphCore
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

/// The `Keyword` enum: how the lexer classifies identifiers, and which keywords stay names.
@Suite struct KeywordEnumTests {
  @Test func spellingsAreUpperCaseAndReservedOnesMatchTheTable() {
    #expect(Keyword.allCases.allSatisfy { $0.rawValue == $0.rawValue.uppercased() })
    #expect(Set(Keyword.allCases.filter(\.isReserved).map(\.rawValue)) == Keywords.reserved)
    #expect(Keyword.allCases.filter { !$0.isReserved }.count == 47)
  }

  @Test func identifiersAreClassifiedOnceInAnyCase() throws {
    let tokens = try Lexer.tokenize("mAtCh `match` Match matches shortestPath $match 'match'")
    #expect(tokens.map(\.keyword) == [.match, nil, .match, nil, .shortestPath, nil, nil, nil])
  }

  @Test(arguments: Keyword.allCases.filter { !$0.isReserved })
  func nonReservedKeywordIsAVariable(word: Keyword) throws {
    let name = word.rawValue.lowercased()
    guard case .variable(let parsed, _) = try Parser.parseExpression(name) else {
      Issue.record("\(name) did not parse as a variable")
      return
    }
    #expect(parsed == name)
    #expect(try Parser.parse("MATCH (\(name)) WITH \(name) AS \(name) RETURN \(name)").query.parts.count == 1)
  }

  @Test(arguments: Keyword.allCases.filter { $0.isReserved && ![.true, .false, .null].contains($0) })
  func reservedKeywordIsNotAVariable(word: Keyword) {
    #expect(throws: QuiverError.self) { try Parser.parseExpression(word.rawValue.lowercased()) }
  }
}
