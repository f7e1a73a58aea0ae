// One property of the relationships of one type, stored by the relationship's position within its
// type: a typed column (integers and floats as 64-bit words, booleans as a bitmap, strings as
// codes into a per-column dictionary) with a presence bitmap, or a column of `Value`s once the
// property has held values of more than one kind. Every part is a chunked copy-on-write array, so
// a private version of the column shares all chunks it does not write.
import GraphCore

/// The values of one property key at positions 0, 1, 2, … (null: absent). The column starts
/// empty, takes the kind of the first value stored, and converts itself to a column of `Value`s
/// (`generic`) on the first value of another kind; it never converts back.
struct PropertyValueColumn: Sendable {
  /// How the values are stored.
  enum Kind: UInt8, Sendable {
    case empty, int, float, bool, string, generic
  }

  let key: PropertyKeyID
  private(set) var kind = Kind.empty
  /// The positions that hold a value.
  private(set) var present = ChunkedBitmap()
  /// `int`: the values' bit patterns; `float`: the doubles' bit patterns (so -0.0 and every NaN
  /// read back as stored).
  private var words = ChunkedArray<UInt64>()
  /// `bool`: the positions whose value is true.
  private var flags = ChunkedBitmap()
  /// `string`: the code of each position's string in `dictionary`.
  private var codes = ChunkedArray<UInt32>()
  private var dictionary = StringDictionary()
  /// `generic`: each position's value (null where absent).
  private var values = ChunkedArray<Value>()

  init(key: PropertyKeyID) { self.key = key }

  /// The kind a column of one kind needs for `value`, nil for a null.
  private static func kind(of value: Value) -> Kind? {
    switch value {
    case .null: return nil
    case .int: return .int
    case .float: return .float
    case .bool: return .bool
    case .string: return .string
    default: return .generic
    }
  }

  /// The value at `position`, or nil when it holds none.
  func value(at position: Int) -> Value? {
    // Spelled out: a bare `nil` would become `Value.null`, which is a literal of `Value` too.
    guard present.contains(Int64(position)) else { return Optional<Value>.none }
    switch kind {
    case .empty: return Optional<Value>.none
    case .int: return .int(Int64(bitPattern: words[position]))
    case .float: return .float(Double(bitPattern: words[position]))
    case .bool: return .bool(flags.contains(Int64(position)))
    case .string: return .string(dictionary[codes[position]])
    case .generic: return values[position]
    }
  }

  /// Stores a non-null `value` at `position`; returns the value it replaces.
  @discardableResult
  mutating func set(_ value: Value, at position: Int) -> Value? {
    guard let wanted = Self.kind(of: value) else { return remove(at: position) }
    let old = self.value(at: position)
    if kind == .empty {
      kind = wanted
    } else if kind != wanted && kind != .generic {
      convertToGeneric()
    }
    switch (kind, value) {
    case (.int, .int(let v)): Self.write(&words, UInt64(bitPattern: v), at: position, fill: 0)
    case (.float, .float(let v)): Self.write(&words, v.bitPattern, at: position, fill: 0)
    case (.bool, .bool(let v)):
      if v { flags.insert(Int64(position)) } else { flags.remove(Int64(position)) }
    case (.string, .string(let v)):
      let code = dictionary.intern(v)
      Self.write(&codes, code, at: position, fill: 0)
    default: Self.write(&values, value, at: position, fill: .null)
    }
    present.insert(Int64(position))
    return old
  }

  /// Takes out the value at `position`; returns it.
  @discardableResult
  mutating func remove(at position: Int) -> Value? {
    guard let old = value(at: position) else { return Optional<Value>.none }
    present.remove(Int64(position))
    // Leave no reference behind in a generic column, and no stray bit in a boolean one.
    if kind == .generic { values[position] = .null }
    if kind == .bool { flags.remove(Int64(position)) }
    return old
  }

  /// Appends positions `from..<from + 64 * presentWords.count` read back in bulk from a
  /// snapshot: `presentWords` marks the positions that hold a value, and `bits` holds, in
  /// order, the bit patterns of their values, all of `kind` (`int` or `float`). Returns false,
  /// changing nothing, when the column holds another kind, positions at or after `from`, or
  /// `bits` does not hold one value per marked position. `from` is a multiple of 64.
  mutating func append(kind added: Kind, from: Int, presentWords: [UInt64], bits: [UInt64]) -> Bool {
    guard added == .int || added == .float, kind == .empty || kind == added, from & 63 == 0,
      from >= words.count, from >> 6 >= present.wordCount,
      bits.count == presentWords.reduce(0, { $0 + $1.nonzeroBitCount })
    else { return false }
    var dense = [UInt64](repeating: 0, count: 64 * presentWords.count)
    var next = 0
    for (k, word) in presentWords.enumerated() {
      var w = word
      while w != 0 {
        dense[64 * k + w.trailingZeroBitCount] = bits[next]
        next += 1
        w &= w - 1
      }
    }
    kind = added
    if words.count < from { words.append(repeating: 0, count: from - words.count) }
    words.append(contentsOf: dense)
    present.append(words: presentWords, first: from >> 6)
    return true
  }

  /// Number of distinct strings a string column has held (0 for other kinds).
  var dictionaryCount: Int { kind == .string ? dictionary.count : 0 }

  /// Calls `body` with each position holding a value, in ascending order, with the value and,
  /// in a string column, the string's dictionary code (equal codes: equal strings), so that a
  /// caller deriving something per distinct value can skip the values it has met.
  func forEachValue(_ body: (Int, UInt32?, Value) throws -> Void) rethrows {
    for position in present.members {
      let p = Int(position)
      switch kind {
      case .empty: continue
      case .int: try body(p, nil, .int(Int64(bitPattern: words[p])))
      case .float: try body(p, nil, .float(Double(bitPattern: words[p])))
      case .bool: try body(p, nil, .bool(flags.contains(position)))
      case .string: try body(p, codes[p], .string(dictionary[codes[p]]))
      case .generic: try body(p, nil, values[p])
      }
    }
  }

  /// The positions holding a value, as bitmap words (bit `p & 63` of word `p >> 6`).
  var presentWords: [UInt64] { present.flatWords }

  /// Number of positions holding a value.
  var count: Int { present.count }

  /// Stores `element` at `position`, first filling the positions before it with `fill`.
  private static func write<T>(_ array: inout ChunkedArray<T>, _ element: T, at position: Int, fill: T) {
    if array.count < position { array.append(repeating: fill, count: position - array.count) }
    if array.count == position { array.append(element) } else { array[position] = element }
  }

  /// Moves every value into `values`, as a column of `Value`s.
  private mutating func convertToGeneric() {
    var converted = ChunkedArray<Value>()
    for position in present.members {
      let v = value(at: Int(position)) ?? .null
      Self.write(&converted, v, at: Int(position), fill: .null)
    }
    values = converted
    kind = .generic
    words = ChunkedArray()
    flags = ChunkedBitmap()
    codes = ChunkedArray()
    dictionary = StringDictionary()
  }

  /// Descriptions of broken invariants of the column (the typed storage agrees with the kind,
  /// every present position has a stored value, no absent one holds a reference or a flag).
  func violations() -> [String] {
    var problems: [String] = []
    let name = "column \(key) (\(kind))"
    for position in present.members {
      let p = Int(position)
      switch kind {
      case .empty: problems.append("\(name) is empty but position \(p) is present")
      case .int, .float: if p >= words.count { problems.append("\(name) lacks the word of position \(p)") }
      case .string:
        if p >= codes.count || Int(codes[p]) >= dictionary.count { problems.append("\(name) lacks the code of position \(p)") }
      case .generic:
        if p >= values.count || values[p].isNull { problems.append("\(name) holds null at present position \(p)") }
      case .bool: break
      }
    }
    if kind == .generic {
      values.forEach { p, v in
        if !v.isNull && !present.contains(Int64(p)) { problems.append("\(name) holds a value at absent position \(p)") }
      }
    }
    if kind == .bool {
      for p in flags.members where !present.contains(p) { problems.append("\(name) flags absent position \(p)") }
    }
    if kind != .int && kind != .float && !words.isEmpty { problems.append("\(name) keeps words") }
    if kind != .string && !codes.isEmpty { problems.append("\(name) keeps string codes") }
    if kind != .generic && !values.isEmpty { problems.append("\(name) keeps values") }
    return problems
  }

  /// Heap bytes of the column (for footprint estimates).
  var heapBytes: Int {
    var bytes = Footprint.chunked(present.wordCount, stride: 8) + Footprint.chunked(flags.wordCount, stride: 8)
    bytes += Footprint.chunked(words.count, stride: 8) + Footprint.chunked(codes.count, stride: 4) + dictionary.heapBytes
    bytes += Footprint.chunked(values.count, stride: MemoryLayout<Value>.stride)
    values.forEach { _, v in bytes += Footprint.value(v) }
    return bytes
  }
}
