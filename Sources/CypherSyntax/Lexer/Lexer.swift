// The hand-written Cypher lexer: turns query text into tokens with line and column, skipping
// white space and `//` and `/* */` comments. Every error it raises points at the offending
// character.
import GraphCore

/// Splits Cypher text into tokens.
package struct Lexer {
  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  /// The column of `index`, kept as the lexer advances: measuring it from the line's start at
  /// every token made lexing a long line quadratic.
  private var column = 1

  /// Whether a character that starts no token becomes a token of its own instead of an error.
  private let tolerant: Bool

  /// A lexer over `text`; a `tolerant` one (for cutting scripts into statements) hands out a
  /// character that starts no token, such as `#` or NUL, as a one-character symbol, so that the
  /// statements after it are still found: the parser, whose lexer is strict, reports it.
  package init(_ text: String, tolerant: Bool = false) {
    bytes = Array(text.utf8)
    self.tolerant = tolerant
  }

  /// All tokens of the text, ending with `.endOfInput`.
  package static func tokenize(_ text: String) throws -> [Token] {
    let buffer = try tokens(text)
    return (0..<buffer.count).map { buffer[$0] }
  }

  /// All tokens of the text, ending with `.endOfInput`, as the parser reads them.
  package static func tokens(_ text: String) throws -> TokenBuffer {
    var lexer = Lexer(text)
    var tokens = TokenBuffer()
    while true {
      let start = lexer.index
      let token = try lexer.next()
      tokens.append(token)
      if token.kind == .endOfInput { return tokens }
      // Every loop inside `next` advances a byte per turn or leaves; this catches a token rule
      // that matched nothing, which would otherwise produce the same token forever.
      precondition(lexer.index > start, "unreachable: the lexer made a token of no text at offset \(start)")
    }
  }

  private var position: SourcePosition {
    SourcePosition(line: line, column: column, offset: index)
  }

  private func peek(_ ahead: Int = 0) -> UInt8? {
    let i = index + ahead
    return i < bytes.count ? bytes[i] : nil
  }

  /// Moves past one byte. Columns count characters, not bytes: a UTF-8 continuation byte does not
  /// start a new column.
  private mutating func advance() {
    if bytes[index] == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else if bytes[index] & 0xC0 != 0x80 {
      column += 1
    }
    index += 1
  }

  private func text(_ from: Int, _ to: Int) -> String {
    String(decoding: bytes[from..<to], as: UTF8.self)
  }

  /// The next token, after white space and comments.
  package mutating func next() throws -> Token {
    try skipTrivia()
    let start = position
    guard let c = peek() else {
      return Token(kind: .endOfInput, text: "", position: start, endOffset: index)
    }
    if identifierCharLength(at: index, part: false) != nil {
      skipIdentifier()
      return Token(kind: .identifier, text: text(start.offset, index), position: start, endOffset: index)
    }
    if isDigit(c) || (c == UInt8(ascii: ".") && peek(1).map(isDigit) == true) {
      return try number(start)
    }
    switch c {
    case UInt8(ascii: "'"), UInt8(ascii: "\""):
      return try string(start, quote: c)
    case UInt8(ascii: "`"):
      return try quotedIdentifier(start)
    case UInt8(ascii: "$"):
      advance()
      if peek() == UInt8(ascii: "(") {
        // `$(expr)`: a dynamic label, type or key, not a parameter.
        return Token(kind: .symbol, text: "$", position: start, endOffset: index)
      }
      let nameStart = index
      if peek() == UInt8(ascii: "`") {
        let q = try quotedIdentifier(position)
        return Token(kind: .parameter, text: q.text, position: start, endOffset: index)
      }
      skipIdentifier()
      if nameStart == index {
        throw QuiverError.syntax(.invalidParameterName, "expected a parameter name after '$'", at: start)
      }
      return Token(kind: .parameter, text: text(nameStart, index), position: start, endOffset: index)
    default:
      return try symbol(start)
    }
  }

  /// The two-character symbols, as their two ASCII bytes; a short list compared byte by byte,
  /// since a symbol is among the commonest tokens (each comma of a long list is one).
  private static let twoCharSymbols: [(UInt8, UInt8)] = ["<>", "!=", "<=", ">=", "=~", "+=", ".."].map {
    let b = Array($0.utf8)
    return (b[0], b[1])
  }
  private static let singleSymbols = Array("()[]{},.:;|+-*/%^=<>&!".utf8)

  private mutating func symbol(_ start: SourcePosition) throws -> Token {
    let c = bytes[index]
    if let c1 = peek(1), Lexer.twoCharSymbols.contains(where: { $0.0 == c && $0.1 == c1 }) {
      advance()
      advance()
      return Token(kind: .symbol, text: String(decoding: [c, c1], as: UTF8.self), position: start, endOffset: index)
    }
    if Lexer.singleSymbols.contains(c) {
      advance()
      return Token(kind: .symbol, text: String(UnicodeScalar(c)), position: start, endOffset: index)
    }
    let end = scalarEndIndex(from: index)
    let ch = text(index, end)
    if tolerant {
      while index < end { advance() }
      return Token(kind: .symbol, text: ch, position: start, endOffset: index)
    }
    if c >= 0x80 {
      throw QuiverError.syntax(.invalidUnicodeCharacter, "unexpected character '\(ch)' (U+\(String(ch.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true)))", at: start)
    }
    throw QuiverError.syntax(.unexpectedSyntax, "unexpected character '\(ch)'", at: start)
  }

  private func scalarEndIndex(from i: Int) -> Int {
    var j = i + 1
    while j < bytes.count, bytes[j] & 0xC0 == 0x80 { j += 1 }
    return j
  }

  private mutating func skipTrivia() throws {
    while let c = peek() {
      if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n")
        || c == UInt8(ascii: "\r") || c == 0x0B || c == 0x0C
      {
        advance()
      } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
        while let d = peek(), d != UInt8(ascii: "\n") { advance() }
      } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
        let start = position
        advance()
        advance()
        while true {
          guard let d = peek() else {
            throw QuiverError.syntax(.unclosedComment, "comment '/*' is never closed with '*/'", at: start)
          }
          if d == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
            advance()
            advance()
            break
          }
          advance()
        }
      } else if c == 0xC2, peek(1) == 0xA0 {
        advance()
        advance()
      } else {
        return
      }
    }
  }

  private mutating func number(_ start: SourcePosition) throws -> Token {
    if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") || x == UInt8(ascii: "o") || x == UInt8(ascii: "O") {
      advance()
      advance()
      skipIdentifier()
      return Token(kind: .integer, text: text(start.offset, index), position: start, endOffset: index)
    }
    var isFloat = false
    while let d = peek(), isDigit(d) { advance() }
    if peek() == UInt8(ascii: "."), let d = peek(1), isDigit(d) {
      isFloat = true
      advance()
      while let d = peek(), isDigit(d) { advance() }
    }
    if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
      var look = 1
      if let s = peek(1), s == UInt8(ascii: "-") || s == UInt8(ascii: "+") { look = 2 }
      if let d = peek(look), isDigit(d) {
        isFloat = true
        for _ in 0..<look { advance() }
        while let d = peek(), isDigit(d) { advance() }
      }
    }
    // A number running straight into letters (`1abc`) is one malformed token.
    if identifierCharLength(at: index, part: false) != nil {
      // A number running into letters (`1abc`) stays one token; the parser rejects it in context.
      skipIdentifier()
      return Token(kind: .integer, text: text(start.offset, index), position: start, endOffset: index)
    }
    return Token(kind: isFloat ? .float : .integer, text: text(start.offset, index), position: start, endOffset: index)
  }

  private mutating func string(_ start: SourcePosition, quote: UInt8) throws -> Token {
    advance()
    var out: [UInt8] = []
    while true {
      guard let c = peek() else {
        throw QuiverError.syntax(.unclosedString, "string literal is never closed", at: start)
      }
      if c == quote {
        advance()
        break
      }
      if c == UInt8(ascii: "\\") {
        let escapeStart = position
        advance()
        guard let e = peek() else {
          throw QuiverError.syntax(.unclosedString, "string literal is never closed", at: start)
        }
        advance()
        switch e {
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "'"): out.append(UInt8(ascii: "'"))
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "n"): out.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): out.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "r"): out.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
          let digits = e == UInt8(ascii: "u") ? 4 : 8
          var hex = ""
          for _ in 0..<digits {
            guard let h = peek(), isHexDigit(h) else {
              throw QuiverError.syntax(.invalidUnicodeLiteral, "invalid unicode escape: expected \(digits) hex digits", at: escapeStart)
            }
            hex.append(Character(UnicodeScalar(h)))
            advance()
          }
          guard let code = UInt32(hex, radix: 16), let scalar = UnicodeScalar(code) else {
            throw QuiverError.syntax(.invalidUnicodeLiteral, "invalid unicode escape '\\\(Character(UnicodeScalar(e)))\(hex)'", at: escapeStart)
          }
          out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
          throw QuiverError.syntax(.invalidEscape, "invalid escape sequence '\\\(Character(UnicodeScalar(e)))'", at: escapeStart)
        }
        continue
      }
      out.append(c)
      advance()
    }
    return Token(kind: .string, text: String(decoding: out, as: UTF8.self), position: start, endOffset: index)
  }

  private mutating func quotedIdentifier(_ start: SourcePosition) throws -> Token {
    advance()
    var out: [UInt8] = []
    while true {
      guard let c = peek() else {
        throw QuiverError.syntax(.unclosedIdentifier, "quoted name is never closed with '`'", at: start)
      }
      advance()
      if c == UInt8(ascii: "`") {
        if peek() == UInt8(ascii: "`") {
          out.append(c)
          advance()
          continue
        }
        break
      }
      out.append(c)
    }
    return Token(kind: .quotedIdentifier, text: String(decoding: out, as: UTF8.self), position: start, endOffset: index)
  }

  private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
  private func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "f")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "F"))
  }
  /// The scalar starting at byte `i` and its length in bytes.
  private func scalar(at i: Int) -> (Unicode.Scalar, Int)? {
    guard i < bytes.count else { return nil }
    let end = scalarEndIndex(from: i)
    guard let s = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first else { return nil }
    return (s, end - i)
  }

  /// Byte length of the identifier character at `i` (letters, `_`, and digits when `part`).
  private func identifierCharLength(at i: Int, part: Bool) -> Int? {
    guard i < bytes.count else { return nil }
    let c = bytes[i]
    if c < 0x80 {
      let ok = (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
        || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "_")
        || (part && isDigit(c))
      return ok ? 1 : nil
    }
    return nonASCIIIdentifierCharLength(at: i, part: part)
  }

  /// `identifierCharLength` for a character outside ASCII: kept apart so that the ASCII case
  /// does not pay for setting up the Unicode property lookups.
  @inline(never)
  private func nonASCIIIdentifierCharLength(at i: Int, part: Bool) -> Int? {
    guard let (s, n) = scalar(at: i) else { return nil }
    let props = s.properties
    if props.isAlphabetic || (part && (props.numericType != nil || props.generalCategory == .connectorPunctuation)) {
      return n
    }
    return nil
  }

  private mutating func skipIdentifier() {
    while let n = identifierCharLength(at: index, part: true) {
      for _ in 0..<n { advance() }
    }
  }
}
