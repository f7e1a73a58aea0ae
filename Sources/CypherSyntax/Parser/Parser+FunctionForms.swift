// Function calls whose arguments are not a plain expression list: `trim([BOTH | LEADING |
// TRAILING] [characters] FROM s)`, `normalize(s, NFKC)` (the form is a bare word),
// `vector(v, 3, INTEGER8)` and `vector_distance(a, b, COSINE)` (a bare coordinate type or
// metric) and `count(ALL x)`. Each is rewritten to an ordinary call, so later stages see only
// those.
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

  /// The functions with a bare-word argument, and that argument's index: the coordinate type of
  /// `vector(value, dimension, INTEGER8)`, the metric of `vector_distance(a, b, EUCLIDEAN)` and
  /// of `vector_norm(v, MANHATTAN)`.
  static let vectorWordArgument: [String: Int] = ["vector": 2, "vector_distance": 2, "vector_norm": 1]

  /// The arguments of a function of `vectorWordArgument`, the opening parenthesis consumed and
  /// the closing one too on return. At the word's index a bare name followed by `)` or `,` (or
  /// `SIGNED INTEGER`) becomes a string literal: a coordinate type by its sized name (an unknown
  /// one is a syntax error), a metric by its upper-cased spelling, checked when the call runs.
  /// vectorCall := name '(' [expr | word] (',' (expr | word))* ')'
  mutating func vectorArguments(_ wordIndex: Int, _ name: String) throws -> [Expression] {
    var args: [Expression] = []
    while !atSymbol(")") {
      if !args.isEmpty { try expectSymbol(",") }
      let bare =
        current.kind == .identifier
        && (peek().isSymbol(")") || peek().isSymbol(",") || (atWord("SIGNED") && peekWord("INTEGER")))
      if args.count == wordIndex && bare {
        if name.lowercased() == "vector" {
          args.append(.literal(.string(try vectorCoordinateType().sizedName)))
        } else {
          args.append(.literal(.string(current.text.uppercased())))
          advance()
        }
      } else {
        args.append(try expression())
      }
    }
    try expectSymbol(")")
    return args
  }
}
