// Tokens produced by the lexer and consumed by the parser. Keywords are not separate kinds:
// they are identifiers whose upper-cased text the parser asks about, so that keywords stay
// usable as names where openCypher allows it.
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

  package init(kind: TokenKind, text: String, position: SourcePosition, endOffset: Int) {
    self.kind = kind
    self.text = text
    self.position = position
    self.endOffset = endOffset
  }

  /// True when this is the keyword `word` (case-insensitive); `word` must be upper case.
  package func isKeyword(_ word: String) -> Bool {
    kind == .identifier && text.count == word.count && text.uppercased() == word
  }

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
