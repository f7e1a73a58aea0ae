// The options map of `db.index.fulltext.queryNodes` and `…queryRelationships` (Neo4j 5:
// `options = {} :: MAP`): `skip` drops the best N matches, `limit` keeps at most N, `analyzer`
// names the search analyzer. Read once per call by IndexProcedure before the search runs.
import GraphCore
import GraphStorage

/// The parsed options of a full-text index query.
struct FulltextQueryOptions: Equatable {
  /// How many of the best matches to drop.
  var skip = 0
  /// How many matches to keep after the skip; nil keeps every one.
  var limit: Int?

  /// The only analyzer Quiver's full-text indexes have (FulltextIndexDefinition.words), which
  /// is therefore the only search analyzer a query may name.
  static let analyzer = "standard-no-stop-words"

  /// Reads `value` (a map, or null for none).
  /// - Throws: `InvalidArgumentValue` for a key other than `skip`, `limit` and `analyzer`, a
  ///   negative count or an analyzer other than `standard-no-stop-words`; `InvalidArgumentType`
  ///   for a count that is not an integer or an analyzer that is not a string.
  init(_ value: Value) throws {
    guard case .map(let entries) = value else { return }
    for (key, option) in entries.sorted(by: { $0.key < $1.key }) where !option.isNull {
      switch key {
      case "skip": skip = try Self.count(key, option)
      case "limit": limit = try Self.count(key, option)
      case "analyzer":
        guard case .string(let name) = option else {
          throw QuiverError.typeError("full-text query option `analyzer` must be a STRING, got \(option.typeName)")
        }
        guard name == Self.analyzer else {
          throw QuiverError.runtime(
            .argument, .invalidArgumentValue,
            "unknown full-text analyzer '\(name)': the only analyzer is '\(Self.analyzer)'")
        }
      default:
        throw QuiverError.runtime(
          .argument, .invalidArgumentValue,
          "unknown full-text query option `\(key)`: the options are `skip`, `limit` and `analyzer`")
      }
    }
  }

  /// The non-negative integer option `key` holds.
  private static func count(_ key: String, _ value: Value) throws -> Int {
    guard case .int(let n) = value else {
      throw QuiverError.typeError("full-text query option `\(key)` must be an INTEGER, got \(value.typeName)")
    }
    guard n >= 0 else {
      throw QuiverError.runtime(.argument, .invalidArgumentValue, "full-text query option `\(key)` must not be negative, got \(n)")
    }
    return Int(clamping: n)
  }

  /// `hits` (best first) with the skip and limit applied.
  func apply<T>(_ hits: [T]) -> [T] {
    let rest = hits.dropFirst(skip)
    return Array(limit.map { rest.prefix($0) } ?? rest)
  }
}
