// Function calls whose arguments are not a plain expression list: `trim([BOTH | LEADING |
// TRAILING] [characters] FROM s)`, `normalize(s, NFKC)` (the form is a bare word) and
// `count(ALL x)`. Each is rewritten to an ordinary call, so later stages see only those.
import GraphCore

extension Parser {
  /// trimCall := TRIM '(' [[BOTH | LEADING | TRAILING] [expression] FROM] expression ')'; the
  /// opening parenthesis is already consumed. Nil, consuming nothing, when the arguments are a
  /// plain list (`trim(s)`, `trim(s, chars)`).
  mutating func trimArguments(_ loc: Loc) throws -> Expression? {
    let modes = ["BOTH": "btrim", "LEADING": "ltrim", "TRAILING": "rtrim"]
    var function = "btrim"
    if current.kind == .identifier, let f = modes[current.text.uppercased()],
      peek().isKeyword(.from) || !(peek().isSymbol(")") || peek().isSymbol(","))
    {
      function = f
      advance()
      if eat(.from) { return try trimSource(function, characters: nil, loc) }
      let characters = try expression()
      try expect(.from)
      return try trimSource(function, characters: characters, loc)
    }
    if eat(.from) { return try trimSource(function, characters: nil, loc) }
    if atSymbol(")") { return nil }
    let mark = index
    let first = try expression()
    if eat(.from) { return try trimSource(function, characters: first, loc) }
    index = mark
    return nil
  }

  private mutating func trimSource(_ function: String, characters: Expression?, _ loc: Loc) throws -> Expression {
    let source = try expression()
    try expectSymbol(")")
    return .function(name: function, distinct: false, arguments: [source] + (characters.map { [$0] } ?? []), loc)
  }

  /// The arguments of `normalize`, with a bare normal-form word (`NFC`, `NFD`, `NFKC`, `NFKD`)
  /// as the second argument read as that form's name.
  func normalizeArguments(_ args: [Expression]) -> [Expression] {
    guard args.count == 2, case .variable(let name, _) = args[1],
      ["NFC", "NFD", "NFKC", "NFKD"].contains(name.uppercased())
    else { return args }
    return [args[0], .literal(.string(name.uppercased()))]
  }
}
