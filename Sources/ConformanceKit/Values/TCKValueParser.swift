// Parses the TCK's value notation used in result, parameter and procedure tables: Cypher
// literals (null, booleans, integers, floats incl. NaN/Inf, quoted strings, lists, maps) plus
// nodes `(:A {k: 1})`, relationships `[:T {k: 1}]` and paths `<(:A)-[:T]->(:B)>`.
import Quiver

/// Why a table cell could not be read as a value.
struct TCKValueError: Error, Sendable, Hashable, CustomStringConvertible {
  var text: String
  /// 0-based character offset of the problem in `text`.
  var offset: Int
  var message: String
  var description: String {
    let shown = text.count > 80 ? String(text.prefix(77)) + "..." : text
    return "cannot read `\(shown)` at offset \(offset): \(message)"
  }
}

/// A recursive-descent parser over one cell's text.
struct TCKValueParser {
  private let text: String
  private let chars: [Character]
  private var pos = 0

  private init(_ text: String) {
    self.text = text
    chars = Array(text)
  }

  /// Reads `text` as exactly one value (surrounding blanks allowed).
  static func parse(_ text: String) throws(TCKValueError) -> Value {
    var parser = TCKValueParser(text)
    parser.skipBlanks()
    let value = try parser.value()
    parser.skipBlanks()
    guard parser.pos == parser.chars.count else { throw parser.error("unexpected text after the value") }
    return value
  }

  private var peek: Character? { pos < chars.count ? chars[pos] : nil }

  private func error(_ message: String) -> TCKValueError {
    TCKValueError(text: text, offset: pos, message: message)
  }

  private mutating func skipBlanks() {
    while let c = peek, c.isWhitespace { pos += 1 }
  }

  private mutating func expect(_ c: Character) throws(TCKValueError) {
    skipBlanks()
    guard peek == c else { throw error("expected `\(c)`") }
    pos += 1
  }

  /// Consumes `word` if the text continues with it.
  private mutating func consume(_ word: String) -> Bool {
    let w = Array(word)
    guard pos + w.count <= chars.count, Array(chars[pos..<pos + w.count]) == w else { return false }
    pos += w.count
    return true
  }

  private mutating func value() throws(TCKValueError) -> Value {
    skipBlanks()
    guard let c = peek else { throw error("expected a value") }
    switch c {
    case "'", "\"": return .string(try string())
    case "{": return .map(try map())
    case "(": return .node(try node(id: 0))
    case "<": return .path(try path())
    case "[":
      pos += 1
      skipBlanks()
      if peek == ":" {
        return .relationship(try relationshipBody(id: 0, start: 0, end: 0))
      }
      return .list(try listBody())
    case "-", "+", ".", "0"..."9": return try number()
    default:
      if c.isLetter { return try word() }
      throw error("unexpected character `\(c)`")
    }
  }

  private mutating func word() throws(TCKValueError) -> Value {
    let start = pos
    while let c = peek, c.isLetter || c.isNumber || c == "_" { pos += 1 }
    let w = String(chars[start..<pos])
    switch w.lowercased() {
    case "null": return .null
    case "true": return .bool(true)
    case "false": return .bool(false)
    default: break
    }
    switch w {
    case "NaN": return .float(.nan)
    case "Inf", "Infinity": return .float(.infinity)
    default:
      pos = start
      throw error("unknown word `\(w)`")
    }
  }

  private mutating func number() throws(TCKValueError) -> Value {
    let start = pos
    var sign = ""
    if peek == "-" || peek == "+" {
      if peek == "-" { sign = "-" }
      pos += 1
    }
    if consume("Inf") {
      _ = consume("inity")
      return .float(sign == "-" ? -.infinity : .infinity)
    }
    if consume("NaN") { return .float(.nan) }
    if consume("0x") || consume("0X") {
      let digitsStart = pos
      while let c = peek, c.isHexDigit { pos += 1 }
      guard pos > digitsStart, let v = Int64(sign + String(chars[digitsStart..<pos]), radix: 16) else {
        throw error("bad hexadecimal integer")
      }
      return .int(v)
    }
    var digits = 0
    var isFloat = false
    while let c = peek, c.isASCII, c.isNumber { pos += 1; digits += 1 }
    if peek == "." {
      isFloat = true
      pos += 1
      while let c = peek, c.isASCII, c.isNumber { pos += 1; digits += 1 }
    }
    guard digits > 0 else {
      pos = start
      throw error("expected a number")
    }
    if peek == "e" || peek == "E" {
      isFloat = true
      pos += 1
      if peek == "-" || peek == "+" { pos += 1 }
      let expStart = pos
      while let c = peek, c.isASCII, c.isNumber { pos += 1 }
      guard pos > expStart else { throw error("exponent without digits") }
    }
    var literal = String(chars[start..<pos])
    if literal.hasPrefix("+") { literal.removeFirst() }
    if isFloat {
      guard let v = Double(literal) else { throw error("bad float `\(literal)`") }
      return .float(v)
    }
    guard let v = Int64(literal) else { throw error("integer `\(literal)` out of range") }
    return .int(v)
  }

  /// A quoted string with Cypher escapes: \\ \' \" \n \t \r \b \f \uXXXX \UXXXXXXXX.
  private mutating func string() throws(TCKValueError) -> String {
    guard let quote = peek else { throw error("expected a string") }
    pos += 1
    var result = ""
    while true {
      guard let c = peek else { throw error("unterminated string") }
      pos += 1
      if c == quote { return result }
      guard c == "\\" else {
        result.append(c)
        continue
      }
      guard let e = peek else { throw error("unterminated escape") }
      pos += 1
      switch e {
      case "\\": result.append("\\")
      case "'": result.append("'")
      case "\"": result.append("\"")
      case "n": result.append("\n")
      case "t": result.append("\t")
      case "r": result.append("\r")
      case "b": result.append("\u{8}")
      case "f": result.append("\u{C}")
      case "u": result.unicodeScalars.append(try unicodeEscape(digits: 4))
      case "U": result.unicodeScalars.append(try unicodeEscape(digits: 8))
      default:
        pos -= 1
        throw error("unknown escape `\\\(e)`")
      }
    }
  }

  /// The scalar of a `\u`/`\U` escape whose hex digits start at `pos`; joins surrogate pairs.
  private mutating func unicodeEscape(digits: Int) throws(TCKValueError) -> Unicode.Scalar {
    let first = try hexNumber(digits: digits)
    if (0xD800...0xDBFF).contains(first) {
      guard consume("\\u") else { throw error("lone high surrogate") }
      let low = try hexNumber(digits: 4)
      guard (0xDC00...0xDFFF).contains(low),
        let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00))
      else { throw error("bad surrogate pair") }
      return scalar
    }
    guard let scalar = Unicode.Scalar(first) else { throw error("bad code point") }
    return scalar
  }

  private mutating func hexNumber(digits: Int) throws(TCKValueError) -> UInt32 {
    guard pos + digits <= chars.count, let v = UInt32(String(chars[pos..<pos + digits]), radix: 16)
    else { throw error("expected \(digits) hex digits") }
    pos += digits
    return v
  }

  /// List elements after the opening `[`, through the closing `]`.
  private mutating func listBody() throws(TCKValueError) -> [Value] {
    var items: [Value] = []
    skipBlanks()
    if peek == "]" {
      pos += 1
      return items
    }
    while true {
      items.append(try value())
      skipBlanks()
      if peek == "," { pos += 1; continue }
      try expect("]")
      return items
    }
  }

  private mutating func map() throws(TCKValueError) -> [String: Value] {
    try expect("{")
    var entries: [String: Value] = [:]
    skipBlanks()
    if peek == "}" {
      pos += 1
      return entries
    }
    while true {
      skipBlanks()
      let key = try name()
      try expect(":")
      guard entries[key] == nil else { throw error("duplicate key `\(key)`") }
      entries[key] = try value()
      skipBlanks()
      if peek == "," { pos += 1; continue }
      try expect("}")
      return entries
    }
  }

  /// A key, label or type name: an identifier or a backquoted name (`` `` `` for a backquote).
  private mutating func name() throws(TCKValueError) -> String {
    skipBlanks()
    if peek == "`" {
      pos += 1
      var result = ""
      while true {
        guard let c = peek else { throw error("unterminated backquoted name") }
        pos += 1
        if c == "`" {
          if peek == "`" { pos += 1; result.append("`"); continue }
          return result
        }
        result.append(c)
      }
    }
    let start = pos
    while let c = peek, c.isLetter || c.isNumber || c == "_" || c == "$" { pos += 1 }
    guard pos > start, !chars[start].isNumber else { throw error("expected a name") }
    return String(chars[start..<pos])
  }

  /// `(:A:B {k: v})`; `id` lets a path tell its nodes apart.
  private mutating func node(id: Int64) throws(TCKValueError) -> Node {
    try expect("(")
    var labels: [String] = []
    skipBlanks()
    while peek == ":" {
      pos += 1
      labels.append(try name())
      skipBlanks()
    }
    let properties = peek == "{" ? try map() : [:]
    try expect(")")
    return Node(id: id, labels: labels, properties: properties)
  }

  /// The part of `[:T {k: v}]` after the opening `[`.
  private mutating func relationshipBody(id: Int64, start: Int64, end: Int64) throws(TCKValueError)
    -> Relationship
  {
    try expect(":")
    let type = try name()
    skipBlanks()
    let properties = peek == "{" ? try map() : [:]
    try expect("]")
    return Relationship(id: id, type: type, startID: start, endID: end, properties: properties)
  }

  /// `<(a)-[:T]->(b)<-[:U]-(c)>`: node ids count up from 0 and each relationship's start and
  /// end ids record its direction.
  private mutating func path() throws(TCKValueError) -> Path {
    try expect("<")
    var nodes = [try node(id: 0)]
    var relationships: [Relationship] = []
    while true {
      skipBlanks()
      if peek == ">" {
        pos += 1
        return Path(nodes: nodes, relationships: relationships)
      }
      let here = Int64(nodes.count - 1)
      let next = here + 1
      let rid = Int64(relationships.count)
      let forward: Bool
      if consume("<-") {
        forward = false
      } else if consume("-") {
        forward = true
      } else {
        throw error("expected `-[` or `<-[` in a path")
      }
      try expect("[")
      relationships.append(
        try relationshipBody(id: rid, start: forward ? here : next, end: forward ? next : here))
      try expect("-")
      if forward {
        guard consume(">") else { throw error("expected `->`: paths must be directed") }
      }
      nodes.append(try node(id: next))
    }
  }
}
