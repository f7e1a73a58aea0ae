// Lexer tests: token kinds, decoded text and positions, comments, escapes and lexical errors.
import GraphCore
import Testing

@testable import CypherSyntax

@Suite struct LexerTests {
  private func kinds(_ text: String) throws -> [TokenKind] {
    try Lexer.tokenize(text).map(\.kind)
  }

  @Test func tokensOfASimpleQuery() throws {
    let tokens = try Lexer.tokenize("MATCH (n:Person {age: 42}) RETURN n.name")
    #expect(tokens.map(\.text) == ["MATCH", "(", "n", ":", "Person", "{", "age", ":", "42", "}", ")", "RETURN", "n", ".", "name", ""])
    #expect(tokens[8].kind == .integer)
    #expect(tokens.last?.kind == .endOfInput)
  }

  @Test func positionsCountLinesAndCharacters() throws {
    let tokens = try Lexer.tokenize("RETURN\n  'é', x")
    #expect(tokens[1].position == SourcePosition(line: 2, column: 3, offset: 9))
    #expect(tokens[2].position.column == 6)
  }

  @Test(arguments: [
    ("'a\\'b'", "a'b"), ("\"q\\\"\"", "q\""), ("'tab\\tx'", "tab\tx"), ("'\\u00e9'", "é"), ("'back\\\\'", "back\\"),
    ("'semi;colon'", "semi;colon"),
  ])
  func stringEscapes(_ source: String, _ decoded: String) throws {
    let t = try Lexer.tokenize(source)[0]
    #expect(t.kind == .string)
    #expect(t.text == decoded)
  }

  @Test func numbers() throws {
    let tokens = try Lexer.tokenize("1 1.5 .5 1e3 2E-2 0x1F 0o17 1..3")
    #expect(tokens.map(\.kind) == [.integer, .float, .float, .float, .float, .integer, .integer, .integer, .symbol, .integer, .endOfInput])
    #expect(tokens[8].text == "..")
  }

  @Test func commentsAreSkipped() throws {
    let tokens = try Lexer.tokenize("MATCH // line comment\n /* block\n comment */ (n)")
    #expect(tokens.map(\.text) == ["MATCH", "(", "n", ")", ""])
  }

  @Test func backquotedNamesAndParameters() throws {
    let tokens = try Lexer.tokenize("`my var` `a``b` $name $0")
    #expect(tokens.map(\.kind) == [.quotedIdentifier, .quotedIdentifier, .parameter, .parameter, .endOfInput])
    #expect(tokens.map(\.text) == ["my var", "a`b", "name", "0", ""])
  }

  @Test func symbols() throws {
    let tokens = try Lexer.tokenize("<> != <= >= =~ += -> <-")
    #expect(tokens.map(\.text) == ["<>", "!=", "<=", ">=", "=~", "+=", "-", ">", "<", "-", ""])
  }

  @Test(arguments: [
    ("'open", QuiverError.Code.unclosedString, 1, 1), ("RETURN /* x", .unclosedComment, 1, 8), ("RETURN 'a\\q'", .invalidEscape, 1, 10),
    ("RETURN #", .unexpectedSyntax, 1, 8), ("RETURN 42 \u{2014} 41", .invalidUnicodeCharacter, 1, 11),
  ])
  func lexicalErrors(_ source: String, _ code: QuiverError.Code, _ line: Int, _ column: Int) {
    do {
      _ = try Lexer.tokenize(source)
      Issue.record("expected \(code)")
    } catch let e as QuiverError {
      #expect(e.code == code)
      #expect(e.category == .syntax)
      #expect(e.position?.line == line)
      #expect(e.position?.column == column)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
