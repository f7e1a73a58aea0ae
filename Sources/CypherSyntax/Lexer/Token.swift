// Tokens produced by the lexer and consumed by the parser. Keywords are not separate kinds:
// they are identifiers that also carry the `Keyword` they spell (classified once, when the token
// is made), so that the parser checks keywords against the enum and keywords stay usable as
// names where openCypher allows it.
import GraphCore

/// The kind of a lexical token.
package enum TokenKind: Sendable, Hashable {
  case identifier
  /// A backquoted name: never a keyword.
  case quotedIdentifier
  case integer
  case float
  case string
  /// `$name` or `$0`; the text holds the name without `$`.
  case parameter
  case symbol
  case endOfInput
}

/// One token: its kind, its text (decoded for strings and quoted names) and where it starts.
package struct Token: Sendable, Hashable {
  package let kind: TokenKind
  package let text: String
  package let position: SourcePosition
  /// UTF-8 offset one past the token's last character.
  package let endOffset: Int
  /// The keyword a bare identifier spells (in any case); nil for every other token.
  package let keyword: Keyword?

  package init(kind: TokenKind, text: String, position: SourcePosition, endOffset: Int) {
    self.kind = kind
    self.text = text
    self.position = position
    self.endOffset = endOffset
    keyword = kind == .identifier ? Keyword(spelling: text[...]) : nil
  }

  /// True when this is the keyword `word`, spelled in any case and not backquoted.
  package func isKeyword(_ word: Keyword) -> Bool { keyword == word }

  package func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }

  /// How the token reads in an error message.
  package var display: String {
    switch kind {
    case .endOfInput: return "end of input"
    case .string: return "string literal"
    case .parameter: return "'$\(text)'"
    case .quotedIdentifier: return "'`\(text)`'"
    default: return "'\(text)'"
    }
  }
}
