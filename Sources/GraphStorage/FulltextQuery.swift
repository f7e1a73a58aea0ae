// The subset of Lucene's query syntax that `db.index.fulltext.queryNodes` takes: words, quoted
// phrases, prefixes (`data*`), `field:` to look in one property, `AND`/`&&`, `OR`/`||` (also
// implied between clauses), `NOT`/`!`, `+` (required) and `-` (prohibited), parentheses and
// backslash escapes. Words are lower-cased as the index keeps them. Fuzzy (`~`), boosts (`^`),
// ranges and inner wildcards (`?`, `a*b`) are refused rather than read as words.

/// A parsed full-text query.
package indirect enum FulltextQuery: Sendable, Hashable {
  /// Whether a clause of a boolean query must, may or must not match.
  package enum Occur: Sendable, Hashable { case must, should, mustNot }

  case term(field: String?, String)
  case prefix(field: String?, String)
  case phrase(field: String?, [String])
  /// Lucene's boolean query: a match matches every `must` clause and no `mustNot` one, and, when
  /// there is no `must` clause, at least one `should` clause.
  case boolean([Clause])

  /// One clause of a boolean query.
  package struct Clause: Sendable, Hashable {
    package var occur: Occur
    package var query: FulltextQuery
  }

  /// Why a query string cannot be read.
  package struct ParseError: Error, Sendable {
    package let message: String
  }

  /// Parses `text`.
  /// - Throws: `ParseError` for unbalanced parentheses or quotes, a dangling operator, or syntax
  ///   outside the subset.
  package static func parse(_ text: String) throws(ParseError) -> FulltextQuery {
    var parser = FulltextQueryParser(Array(text))
    let query = try parser.clauses(nested: false)
    return query
  }
}

/// The recursive-descent reader of a query string, one character at a time.
private struct FulltextQueryParser {
  let chars: [Character]
  var i = 0

  init(_ chars: [Character]) { self.chars = chars }

  private static let special: Set<Character> = ["(", ")", "\"", ":", "+", "-", "!", "~", "^", "[", "]", "{", "}", "?", "*", "\\", "&", "|", "/"]

  private mutating func skipSpace() {
    while i < chars.count, chars[i].isWhitespace { i += 1 }
  }

  private func fail(_ message: String) -> FulltextQuery.ParseError {
    FulltextQuery.ParseError(message: "\(message) at character \(i + 1) of the query")
  }

  /// clauses := clause ((AND | OR | &&  | ||)? clause)*; up to `)` when `nested`.
  mutating func clauses(nested: Bool) throws(FulltextQuery.ParseError) -> FulltextQuery {
    var clauses: [FulltextQuery.Clause] = []
    var pendingAnd = false
    while true {
      skipSpace()
      if i >= chars.count {
        if nested { throw fail("missing `)`") }
        break
      }
      if chars[i] == ")" {
        guard nested else { throw fail("unexpected `)`") }
        break
      }
      if let op = connector() {
        guard !clauses.isEmpty else { throw fail("`\(op)` needs a clause before it") }
        if op == "AND" {
          if clauses[clauses.count - 1].occur == .should { clauses[clauses.count - 1].occur = .must }
          pendingAnd = true
        }
        skipSpace()
        if i >= chars.count || chars[i] == ")" { throw fail("`\(op)` needs a clause after it") }
        continue
      }
      var clause = try clause()
      if pendingAnd && clause.occur == .should { clause.occur = .must }
      pendingAnd = false
      clauses.append(clause)
    }
    guard !clauses.isEmpty else { throw fail("expected a word, phrase or group") }
    if clauses.count == 1, clauses[0].occur != .mustNot { return clauses[0].query }
    return .boolean(clauses)
  }

  /// Consumes `AND`, `OR`, `&&` or `||` as a whole word; returns "AND" or "OR".
  private mutating func connector() -> String? {
    for (spelling, op) in [("AND", "AND"), ("OR", "OR"), ("&&", "AND"), ("||", "OR")] where matches(spelling) {
      i += spelling.count
      return op
    }
    return nil
  }

  /// Whether `word` is next, followed by a space, a parenthesis or the end.
  private func matches(_ word: String) -> Bool {
    let w = Array(word)
    guard i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w else { return false }
    let after = i + w.count
    return after == chars.count || chars[after].isWhitespace || chars[after] == "("
  }

  /// clause := (+ | - | ! | NOT)? primary
  private mutating func clause() throws(FulltextQuery.ParseError) -> FulltextQuery.Clause {
    var occur = FulltextQuery.Occur.should
    if chars[i] == "+" {
      occur = .must
      i += 1
    } else if chars[i] == "-" || chars[i] == "!" {
      occur = .mustNot
      i += 1
    } else if matches("NOT") {
      occur = .mustNot
      i += 3
      skipSpace()
    }
    guard i < chars.count, !chars[i].isWhitespace else { throw fail("an operator needs a clause after it") }
    return FulltextQuery.Clause(occur: occur, query: try primary(field: nil))
  }

  /// primary := '(' clauses ')' | name ':' primary | '"' phrase '"' | word ['*']
  private mutating func primary(field: String?) throws(FulltextQuery.ParseError) -> FulltextQuery {
    if chars[i] == "(" {
      if let field { throw fail("`\(field):` applies to one word or phrase, not a group") }
      i += 1
      let inner = try clauses(nested: true)
      i += 1
      return inner
    }
    if chars[i] == "\"" {
      i += 1
      var text = ""
      while i < chars.count, chars[i] != "\"" {
        if chars[i] == "\\", i + 1 < chars.count { i += 1 }
        text.append(chars[i])
        i += 1
      }
      guard i < chars.count else { throw fail("missing closing `\"`") }
      i += 1
      try refuseSuffix()
      return .phrase(field: field, FulltextIndexDefinition.words(text))
    }
    var word = ""
    var prefix = false
    while i < chars.count, !chars[i].isWhitespace, chars[i] != ")" {
      let c = chars[i]
      if c == "\\" && i + 1 < chars.count {
        word.append(chars[i + 1])
        i += 2
        continue
      }
      if c == ":" && field == nil && !word.isEmpty {
        i += 1
        guard i < chars.count, !chars[i].isWhitespace else { throw fail("`\(word):` needs a word, phrase or group") }
        return try primary(field: word)
      }
      if c == "*" && (i + 1 == chars.count || chars[i + 1].isWhitespace || chars[i + 1] == ")") && !word.isEmpty {
        prefix = true
        i += 1
        break
      }
      if FulltextQueryParser.special.contains(c) && c != "-" && c != "+" && c != "&" && c != "|" && c != "!" {
        throw fail("unsupported query syntax `\(c)` (fuzzy, boost, range and inner wildcard queries are not supported)")
      }
      word.append(c)
      i += 1
    }
    guard !word.isEmpty else { throw fail("expected a word") }
    if prefix { return .prefix(field: field, word.lowercased()) }
    let words = FulltextIndexDefinition.words(word)
    return words.count == 1 ? .term(field: field, words[0]) : .phrase(field: field, words)
  }

  /// Refuses a `~` or `^` after a phrase (proximity and boosts).
  private func refuseSuffix() throws(FulltextQuery.ParseError) {
    if i < chars.count, chars[i] == "~" || chars[i] == "^" {
      throw fail("unsupported query syntax `\(chars[i])` (proximity and boosts are not supported)")
    }
  }
}

/// The words of one indexed entity, by property, and the scoring of queries against them.
package struct FulltextDocument: Sendable {
  package let id: Int64
  /// The words of each indexed property that holds a string.
  package let fields: [String: [String]]

  package init(id: Int64, fields: [String: [String]]) {
    self.id = id
    self.fields = fields
  }

  /// The word lists `field` selects: that property's, or every property's for nil.
  private func texts(_ field: String?) -> [[String]] {
    if let field { return fields[field].map { [$0] } ?? [] }
    return Array(fields.values)
  }

  /// How often `words` occurs, consecutively, in the selected properties.
  func occurrences(_ words: [String], in field: String?) -> Int {
    guard !words.isEmpty else { return 0 }
    var n = 0
    for text in texts(field) where text.count >= words.count {
      for start in 0...(text.count - words.count) where Array(text[start..<(start + words.count)]) == words { n += 1 }
    }
    return n
  }

  /// Whether a word of the selected properties starts with `prefix`.
  func hasPrefix(_ prefix: String, in field: String?) -> Bool {
    texts(field).contains { $0.contains { $0.hasPrefix(prefix) } }
  }
}

extension FulltextQuery {
  /// The score of `doc` for this query, nil when it does not match. A word or phrase scores
  /// `sqrt(tf) * idf` (tf its occurrences, idf `1 + ln((n + 1) / (df + 1))` over the n documents,
  /// df of them holding it; a phrase's idf is its words' sum), a prefix 1, a boolean query the
  /// sum of its matching clauses: a TF-IDF score in the spirit of Lucene's, not equal to it.
  package func score(_ doc: FulltextDocument, idf: (String) -> Double) -> Double? {
    switch self {
    case .term(let field, let word):
      let tf = doc.occurrences([word], in: field)
      return tf > 0 ? Double(tf).squareRoot() * idf(word) : nil
    case .phrase(let field, let words):
      let tf = doc.occurrences(words, in: field)
      return tf > 0 ? Double(tf).squareRoot() * words.map(idf).reduce(0, +) : nil
    case .prefix(let field, let prefix):
      return doc.hasPrefix(prefix, in: field) ? 1 : nil
    case .boolean(let clauses):
      var total = 0.0
      var matchedShould = false
      let hasMust = clauses.contains { $0.occur == .must }
      for clause in clauses {
        let s = clause.query.score(doc, idf: idf)
        switch clause.occur {
        case .must:
          guard let s else { return nil }
          total += s
        case .mustNot:
          if s != nil { return nil }
        case .should:
          if let s {
            total += s
            matchedShould = true
          }
        }
      }
      return hasMust || matchedShould ? total : nil
    }
  }

  /// The words whose document frequencies scoring needs.
  package var words: Set<String> {
    switch self {
    case .term(_, let w): return [w]
    case .phrase(_, let ws): return Set(ws)
    case .prefix: return []
    case .boolean(let clauses): return clauses.reduce(into: []) { $0.formUnion($1.query.words) }
    }
  }
}
